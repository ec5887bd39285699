import type { OracleCase } from '../oracle-case.js';

/** A small seeded generator (mulberry32), so every run of a seed builds the same templates. */
class Random {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

export const GENERATED_INPUT = {
  s: 'Abc,de,,f',
  w: 'hello world',
  n: 7,
  neg: -3,
  d: 2.5,
  z: 0,
  e: '',
  t: true,
  f: false,
  nul: null,
  l: ['x', 'y', 'z'],
  nums: [3, 1, 2],
  m: { k: 'v', n: 1, inner: { deep: 'yes' } },
  big: 2147483647,
};

const VARIABLES = ['a', 'b', 'c', 'x', 'i'];
const INPUT_REFS = ['input.s', 'input.w', 'input.n', 'input.neg', 'input.d', 'input.z', 'input.e', 'input.t', 'input.f', 'input.nul', 'input.l', 'input.nums', 'input.m', 'input.m.k', 'input.m.inner.deep', 'input.missing', 'input.big'];
const STRING_METHODS = [
  'length()', 'toUpperCase()', 'toLowerCase()', 'trim()', 'isEmpty()', 'substring(1)', 'substring(1, 3)', 'substring(9)',
  'indexOf("e")', 'lastIndexOf(",")', 'contains("de")', 'startsWith("A")', 'endsWith("f")', 'charAt(0)', 'charAt(20)',
  'replace(",", ";")', 'replaceAll("[aeiou]", "_")', 'replaceFirst(",+", "|")', 'matches("[A-Za-z, ]+")', 'equals("Abc,de,,f")',
  'equalsIgnoreCase("abc,DE,,F")', 'concat("!")', 'split(",").size()', 'split(",")[1]', 'split(",", -1).size()', 'compareTo("B")',
  'hashCode()', 'toString()', 'empty',
];
const LIST_METHODS = ['size()', 'get(0)', 'get(5)', 'isEmpty()', 'contains("y")', 'contains(1)', 'indexOf("z")', '[0]', '[-1]', '[3]', '[1]', 'empty'];
const MAP_METHODS = ['k', 'n', 'inner.deep', 'get("k")', 'get("zz")', 'containsKey("n")', 'size()', 'keySet()', 'values()', 'isEmpty()', 'missing', '["k"]'];
const TOOL_CALLS = [
  'esc.jsonString($input.s)', 'esc.jsonString($input.missing)', 'esc.url($input.w)', 'esc.html("<a>&")', 'esc.xml($input.s)',
  'esc.java("a\\tb")', 'esc.javascript($input.w)', 'esc.d', 'esc.h', 'esc.q',
  'math.add(1, 2)', 'math.add(1.5, 1.5)', 'math.sub($input.n, 10)', 'math.mul(3, 0.5)', 'math.div(7, 2)', 'math.div(1, 0)',
  'math.max(3, $input.n)', 'math.min($input.d, 1)', 'math.idiv(7, 2)', 'math.mod(-7, 3)', 'math.abs($input.neg)', 'math.ceil(2.1)',
  'math.floor(-2.1)', 'math.round(2.5)', 'math.round(3.5)', 'math.roundTo(1, 2.25)', 'math.toInteger("42")', 'math.toDouble(3)',
  'math.toNumber("1.5")', 'math.add("2", $input.n)', 'math.pow(2, 10)', 'math.add($input.missing, 1)',
  'successTemplateUtils.firstFromArray("[1, 2]", "x")', 'successTemplateUtils.firstFromArray("[]", "null")',
  'successTemplateUtils.firstFromArray($input.missing, "d")', 'successTemplateUtils.firstFromArray("[{\\"a\\": 1}]")',
  'encoding.base64($input.w)', 'urlTool.optionalQueryParam("q", $input.w)', 'urlTool.optionalQueryParam("q", $input.e)',
];
const NUMBERS = ['0', '1', '2', '3', '7', '-4', '10', '2147483647', '-2147483648', '9223372036854775807', '1.5', '0.1', '-2.0', '4.5e3', '1E2', '3.0', '100'];
const WORDS = ['a', 'b', 'hello', 'x y', 'A,B', '', '7', '3.5', 'true', 'null'];
const TEXT = ['a', ' ', '  ', '\n', 'text', '{"k": ', '}', ', ', '"', ':', '[', ']', '.', '-', '(', ')', ' \n', '\t', 'x\n', '5', '$', '$5', '#', '# ', '\\', 'a\\b', '$!', '*'];

class TemplateGenerator {
  private macros: { name: string; arity: number }[] = [];
  private depth = 0;

  constructor(private readonly r: Random) {}

  template(): string {
    this.macros = [];
    const parts: string[] = [];
    const count = 2 + this.r.int(6);
    for (let i = 0; i < count; i++) parts.push(this.statement());
    return parts.join(this.r.pick(['', '', '\n', ' ']));
  }

  private statement(): string {
    const r = this.r;
    const deep = this.depth >= 2;
    const roll = r.int(deep ? 60 : 100);
    if (roll < 14) return this.text();
    if (roll < 30) return this.reference();
    if (roll < 42) return this.set();
    if (roll < 48) return this.escape();
    if (roll < 52) return this.comment();
    if (roll < 56) return this.macroCall();
    if (roll < 60) return `$${r.pick(VARIABLES)}`;
    if (roll < 75) return this.ifBlock();
    if (roll < 88) return this.foreach();
    if (roll < 95) return this.macroDefinition();
    if (roll < 97) return r.pick(['#literal()$a #if(true)x#end#end', '#[[ $a #if ]]#', '#define($blk)B$a#end$blk']);
    return r.pick(['#stop', '#break', '#{break}', ' #stop\n']);
  }

  private text(): string {
    let out = '';
    const count = 1 + this.r.int(3);
    for (let i = 0; i < count; i++) out += this.r.pick(TEXT);
    return out.endsWith('#') || out.endsWith('$!') ? `${out} ` : out;
  }

  private referenceName(): string {
    const r = this.r;
    const roll = r.int(10);
    if (roll < 4) return r.pick(VARIABLES);
    if (roll < 7) return r.pick(INPUT_REFS);
    if (roll < 8) return r.chance(0.5) ? `input.s.${r.pick(STRING_METHODS)}` : r.pick(TOOL_CALLS);
    if (roll < 9) return `input.${r.pick(['l', 'nums'])}${this.listSuffix()}`;
    return `input.m${this.mapSuffix()}`;
  }

  private listSuffix(): string {
    const method = this.r.pick(LIST_METHODS);
    return method.startsWith('[') ? method : `.${method}`;
  }

  private mapSuffix(): string {
    const method = this.r.pick(MAP_METHODS);
    return method.startsWith('[') ? method : `.${method}`;
  }

  reference(): string {
    const r = this.r;
    const name = this.referenceName();
    const form = r.int(6);
    const simple = /^[A-Za-z.]+$/.test(name);
    if (form === 0 && simple) return `$!${name}`;
    if (form === 1 || !simple) return r.chance(0.5) ? `\${${name}}` : `$!{${name}}`;
    return `$${name}`;
  }

  private escape(): string {
    const r = this.r;
    return r.pick([
      `\\$${r.pick(VARIABLES)}`, `\\\\$${r.pick(VARIABLES)}`, `\\\\\\$${r.pick(VARIABLES)}`, `\\$input.s`, `\\$!{input.n}`, `$a\\$b`,
      '\\#if', '\\#foo', '\\\\#if(true)y#end', '\\#set', `\\$${r.pick(VARIABLES)} #set($q = 1)`, '$#if(true)t#end', '$!#if(true)t#end', '\\\\', '\\n',
    ]);
  }

  private comment(): string {
    return this.r.pick(['## a comment\n', '#* block *#', `$${this.r.pick(VARIABLES)}#* c *#x`, '#** doc *#\n', '##\n']);
  }

  private literal(): string {
    const r = this.r;
    const roll = r.int(10);
    if (roll < 4) return r.pick(NUMBERS);
    if (roll < 6) return `"${r.pick(WORDS)}"`;
    if (roll < 7) return `'${r.pick(WORDS)}'`;
    if (roll < 8) return `"${r.pick(['v=$a', '${b}!', '$!c', '#if(true)t#end', '$input.n+1', 'q""q', '$a$b'])}"`;
    if (roll < 9) return r.pick(['true', 'false']);
    return `$${this.referenceName()}`;
  }

  private collection(): string {
    const r = this.r;
    const roll = r.int(6);
    if (roll === 0) return `[${r.pick(['1', '3', '-2', '$i', '$input.n', '0'])}..${r.pick(['1', '4', '0', '$input.n', '-1', '$a'])}]`;
    if (roll === 1) return `{${r.pick(['"k": 1', '"a": "x", "b": 2', '1: "one", true: 2', '"n": [1, 2]', '', '"m": {"z": 0}', '"b": 1, "a": 2'])}}`;
    if (roll === 2) return '[]';
    const items = Array.from({ length: 1 + r.int(3) }, () => this.literal());
    return `[${items.join(r.pick([', ', ',']))}]`;
  }

  private operand(): string {
    return this.r.chance(0.85) ? this.literal() : this.collection();
  }

  expression(level = 0): string {
    const r = this.r;
    if (level > 2 || r.chance(0.35)) return this.operand();
    const roll = r.int(10);
    const left = this.expression(level + 1);
    const right = this.expression(level + 1);
    if (roll < 5) return `${left} ${r.pick(['+', '-', '*', '/', '%'])} ${right}`;
    if (roll < 7) return `${left} ${r.pick(['==', '!=', '<', '>', '<=', '>=', 'eq', 'ne', 'lt', 'gt'])} ${right}`;
    if (roll < 8) return `${left} ${r.pick(['&&', '||', 'and', 'or'])} ${right}`;
    if (roll < 9) return `!${this.operand()}`;
    return `(${left})`;
  }

  private set(): string {
    const r = this.r;
    const name = r.pick(VARIABLES);
    const target = r.chance(0.05) ? `\${${name}}` : r.chance(0.05) ? `$${name}.k` : `$${name}`;
    const value = r.chance(0.25) ? this.collection() : this.expression();
    const spaced = r.pick([' = ', '=', ' =', '= ']);
    const lead = r.pick(['', '', ' ', '  ', '\n']);
    const trail = r.pick(['', '', '\n', '  \n', ' ']);
    return `${lead}#set(${target}${spaced}${value})${trail}`;
  }

  private body(): string {
    this.depth++;
    const count = 1 + this.r.int(3);
    const parts: string[] = [];
    for (let i = 0; i < count; i++) parts.push(this.statement());
    this.depth--;
    return parts.join('');
  }

  private condition(): string {
    const r = this.r;
    if (r.chance(0.3)) return `$${this.referenceName()}`;
    if (r.chance(0.2)) return `!$${r.pick(VARIABLES)}`;
    return this.expression(1);
  }

  private ifBlock(): string {
    const r = this.r;
    const braces = r.chance(0.15);
    const d = (name: string): string => (braces ? `#{${name}}` : `#${name}`);
    let out = `${d('if')}(${this.condition()})${r.pick(['', '\n', ' '])}${this.body()}`;
    const elseifs = r.int(3);
    for (let i = 0; i < elseifs; i++) out += `${d('elseif')}(${this.condition()})${this.body()}`;
    if (r.chance(0.5)) out += `${d('else')}${r.pick(['', '\n', ' '])}${this.body()}`;
    return `${out}${d('end')}${r.pick(['', '\n', ' \n', 'x'])}`;
  }

  private foreach(): string {
    const r = this.r;
    const source = r.pick([
      '[1, 2, 3]', '[1..3]', '[3..1]', '$input.l', '$input.nums', '$input.m', '$input.missing', '$input.s', '[]', '{"a": 1, "b": 2}',
      '[$input.n..5]', '$input.s.split(",")', '["a", $input.nul, "c"]', `[0..${r.pick(['0', '2', '$input.neg'])}]`,
    ]);
    const variable = r.pick(['i', 'item', 'x']);
    const extras = r.pick(['$velocityCount', '$foreach.count', '$foreach.index', '$foreach.hasNext', '$velocityHasNext', '', '#if($foreach.hasNext),#end', '#if($velocityCount == 2)#break#end']);
    return `#foreach($${variable} in ${source})${r.pick(['', '\n'])}$${variable}${extras}${this.depth < 2 && r.chance(0.4) ? this.body() : ''}#end${r.pick(['', '\n', ' '])}`;
  }

  private macroDefinition(): string {
    const r = this.r;
    const name = `m${this.macros.length}`;
    const arity = r.int(3);
    const params = ['p', 'q'].slice(0, arity).map((p) => `$${p}`);
    this.macros.push({ name, arity });
    const bodyRefs = params.length > 0 ? r.pick([`[${params.join('|')}]`, `[$!p]`, `[\${p}]`, '[$p.length()]', `#set($p = 5)$p`]) : '';
    const recursive = r.chance(0.2) && arity > 0 ? `#if($p > 0)#set($k = $p - 1)#${name}($k)#end` : '';
    return `#macro(${name}${params.length ? ' ' + params.join(r.pick([' ', ', '])) : ''})${bodyRefs}${recursive}${this.depth < 2 && r.chance(0.3) ? this.body() : ''}#end${r.pick(['', '\n'])}`;
  }

  private macroCall(): string {
    const r = this.r;
    const macro = this.macros.length > 0 ? r.pick(this.macros) : { name: 'undefinedMacro', arity: 1 };
    const count = Math.max(0, macro.arity + r.pick([0, 0, 0, -1, 1]));
    const args = Array.from({ length: count }, () => r.pick(['$a', '$input.missing', '$input.n', '"s"', '3', '[1, 2]', '$nope', "'x'", '${b}', 'true']));
    // Velocity also calls a macro written bare (`#m`, `#{m}`) or with whitespace before its parenthesis.
    const shape = r.pick(['()', '()', '()', ' ()', '\n()', 'bare', '{}']);
    if (shape === 'bare' || shape === '{}') return `${shape === 'bare' ? `#${macro.name}` : `#{${macro.name}}`}${r.pick(['', '\n', ' after', '.x'])}`;
    return `#${macro.name}${shape.slice(0, -2)}(${args.join(r.pick([' ', ', ']))})${r.pick(['', '\n', '  \n', ' after'])}`;
  }
}

/** `count` templates from `seed`: the constructs of docs/fidelity.md's oracle section, mixed at random. */
export function generatedCases(seed: number, count: number): OracleCase[] {
  const random = new Random(seed);
  const generator = new TemplateGenerator(random);
  return Array.from({ length: count }, (_, i) => ({
    id: `generated ${seed}/${i}`,
    template: generator.template(),
    input: GENERATED_INPUT,
    strict: random.chance(0.1),
  }));
}
