import type { BinaryOperator, Expression, MacroDefinition, Reference, ReferencePart, TemplateNode, TemplateTree } from './vtl-ast.js';

/**
 * A scannerless parser for Velocity 1.7 templates following Parser.jjt's lexer states: text, references
 * with their modifiers, directive arguments and string literals. One pass, no backtracking over text, so
 * parsing is linear in the template size.
 */

export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const PAREN_DIRECTIVES = new Set(['set', 'if', 'elseif', 'foreach', 'macro', 'define', 'evaluate', 'parse', 'include', 'literal']);
const BARE_DIRECTIVES = new Set(['else', 'end', 'break', 'stop']);
const DIRECTIVES_AFTER_DOLLAR = new Set(['set', 'if', 'elseif', 'else', 'end']);
const MAX_NESTING = 200;

const isLetter = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isIdentifierStart = (c: string | undefined): boolean => isLetter(c) || c === '_';
const isIdentifierPart = (c: string | undefined): boolean => isIdentifierStart(c) || isDigit(c) || c === '-';
const isWordPart = (c: string | undefined): boolean => isIdentifierStart(c) || isDigit(c);
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

type Terminator = { word: 'end' | 'else' | 'eof' } | { word: 'elseif'; condition: Expression; offset: number };

interface DirectiveName {
  name: string;
  /** Index just after the name (and its closing brace). */
  end: number;
}

class Parser {
  private i = 0;
  private text: string[] = [];
  /** `vanishes` answers by offset. */
  private readonly vanishing = new Map<number, boolean>();
  /** Index in `text` where the text since the last token starts. */
  private runStart = 0;
  /** Where the `#end`/`#else` that closed the last block starts. */
  private terminatorStart = 0;

  constructor(
    private readonly src: string,
    private readonly base: number,
    private readonly macros: Map<string, MacroDefinition>,
    /** Nesting already used by the text this one is written in (string literals in arguments). */
    private depth = 0,
    /** The text is a double-quoted string literal's, where a `$`, `$!` or `#` at its end is text (Java: `"a#"` is `a#`). */
    private readonly inString = false,
  ) {}

  private fail(message: string, at = this.i): never {
    throw new TemplateSyntaxError(message, this.base + at);
  }

  parseTemplate(): TemplateNode[] {
    const { nodes, terminator } = this.parseNodes();
    if (terminator.word !== 'eof') this.fail(`#${terminator.word} without a matching #if, #foreach, #macro or #define`, this.terminatorStart);
    return nodes;
  }

  private parseNodes(): { nodes: TemplateNode[]; terminator: Terminator } {
    if (++this.depth > MAX_NESTING) this.fail(`Blocks are nested more than ${MAX_NESTING} levels deep`);
    const nodes: TemplateNode[] = [];
    const outer = this.text;
    const outerRunStart = this.runStart;
    this.text = [];
    this.runStart = 0;
    const flush = (): void => {
      if (this.text.length > 0) nodes.push({ kind: 'text', text: this.text.join('') });
      this.text = [];
      this.runStart = 0;
    };
    const push = (node: TemplateNode): void => {
      flush();
      nodes.push(node);
    };
    let terminator: Terminator = { word: 'eof' };
    const src = this.src;
    while (this.i < src.length) {
      const c = src[this.i];
      if (c === '\\') this.backslashes(push);
      else if (c === '$') this.dollar(push, 0);
      else if (c === '#') {
        const ended = this.hash(push, flush);
        if (ended) {
          terminator = ended;
          break;
        }
      } else {
        let j = this.i + 1;
        while (j < src.length && src[j] !== '\\' && src[j] !== '$' && src[j] !== '#') j++;
        this.text.push(src.slice(this.i, j));
        this.i = j;
      }
    }
    flush();
    this.text = outer;
    this.runStart = outerRunStart;
    this.depth--;
    return { nodes, terminator };
  }

  private tokenEnded(): void {
    this.runStart = this.text.length;
  }

  private backslashes(push: (node: TemplateNode) => void): void {
    const src = this.src;
    const start = this.i;
    let j = start;
    while (src[j] === '\\') j++;
    const count = j - start;
    if (src[j] === '$' && (this.referenceStartsAt(j) || this.vanishes(j))) {
      this.i = j;
      this.dollar(push, count);
      return;
    }
    if (src[j] === '#') {
      const directive = this.directiveName(j);
      if (directive && this.isRecognizedDirective(directive.name)) {
        if (count % 2 === 1) {
          this.text.push('\\'.repeat((count - 1) / 2), src.slice(j, directive.end));
          this.i = directive.end;
        } else if (directive.name === 'set') {
          // `#set` is its own token, so the backslashes before it stay as written.
          this.text.push(src.slice(start, j));
          this.i = j;
        } else {
          this.text.push('\\'.repeat(count / 2));
          this.i = j;
        }
        this.tokenEnded();
        return;
      }
    }
    // An escaped word that is no directive (`\#foo`) stays as written, as one token.
    const word = src[j] === '#' && count % 2 === 1 ? this.directiveName(j) : undefined;
    const end = word ? word.end : j;
    this.text.push(src.slice(start, end));
    this.i = end;
    this.tokenEnded();
  }

  private isRecognizedDirective(name: string): boolean {
    return PAREN_DIRECTIVES.has(name) || BARE_DIRECTIVES.has(name) || this.macros.has(name);
  }

  private referenceStartsAt(at: number): boolean {
    let j = at + 1 + this.bangLength(at + 1);
    if (this.src[j] === '{') j++;
    return isIdentifierStart(this.src[j]);
  }

  /** After a `$`: the length of `!`, or of `\…\!` (Velocity's DOLLARBANG takes backslashes before its `!`), else 0. */
  private bangLength(at: number): number {
    let j = at;
    while (this.src[j] === '\\') j++;
    return this.src[j] === '!' ? j - at + 1 : 0;
  }

  private dollar(push: (node: TemplateNode) => void, escapes: number): void {
    const src = this.src;
    const start = this.i;
    const reference = this.referenceStartsAt(start) ? this.tryReference() : undefined;
    if (this.referenceStartsAt(start) && !reference) this.fail('A formal reference ${... is not closed with "}"', this.i);
    if (reference) {
      push({ kind: 'reference', reference, escapes });
      this.tokenEnded();
      // Right after `$a.name` Velocity's lexer is still in its reference-modifier state, where `##` is text.
      if (!reference.formal && src.startsWith('##', this.i) && reference.parts[reference.parts.length - 1]?.kind === 'property') {
        this.text.push('##');
        this.i += 2;
      }
      // A single `}` right after an informal reference is still the reference's token in Velocity's lexer, so
      // spaces after it are dropped before a #set as they are after the reference itself.
      if (!reference.formal && src[this.i] === '}' && src[this.i + 1] !== '}') {
        this.text.push('}');
        this.i++;
        this.tokenEnded();
      }
      return;
    }
    this.i = start;
    const bang = this.bangLength(start + 1);
    if (start + 1 + bang >= src.length) {
      if (!this.inString) this.fail(`Lexical error: "${src.slice(start)}" at the end of the template`, start);
      this.text.push('$');
      this.i = src.length;
      return;
    }
    // A `$` or `$!` that starts no reference is a token of its own; it vanishes, with the backslashes
    // before it, when what follows swallows it (see `vanishes`). `$!` (or `$\!`) stays as written before a
    // `#word` (which is then text too), `##`, `#` and a digit, `{`, `}` or `[`; elsewhere it prints as `$`.
    const after = src[start + 1 + bang];
    const directive = after === '#' ? this.directiveName(start + 1 + bang) : undefined;
    if (this.vanishes(start)) {
      this.i = start + 1 + bang;
      this.tokenEnded();
    } else if (directive) {
      // `$!#foreach` is one text token: the directive is not read.
      this.text.push('\\'.repeat(escapes), src.slice(start, directive.end));
      this.i = directive.end;
    } else if (bang && (after === '}' || after === '{' || after === '[' || (after === '#' && (src[start + 2 + bang] === '#' || isDigit(src[start + 2 + bang]))))) {
      this.text.push('\\'.repeat(escapes), src.slice(start, start + 1 + bang));
      this.i = start + 1 + bang;
    } else {
      // `$!` that starts no reference prints as `$`.
      this.text.push('\\'.repeat(escapes), '$');
      this.i = start + 1 + bang;
    }
  }

  /** A reference at `this.i`, or undefined (position restored by the caller) when a formal one is not closed. */
  private tryReference(): Reference | undefined {
    const src = this.src;
    const offset = this.i;
    const bang = this.bangLength(offset + 1);
    let j = offset + 1 + bang;
    const formal = src[j] === '{';
    if (formal) j++;
    this.i = j;
    const root = this.identifier();
    const parts = this.referenceParts();
    if (formal) {
      if (src[this.i] !== '}') return undefined;
      this.i++;
    }
    const literal = src.slice(offset, this.i);
    if (bang > 1) {
      const text = `$${'\\'.repeat(bang - 2)}!${formal ? '{' : root}`;
      return { silent: false, formal: false, root: text, parts, offset: this.base + offset, literal, uncomputable: true };
    }
    return { silent: bang === 1, formal, root, parts, offset: this.base + offset, literal };
  }

  private identifier(): string {
    const start = this.i;
    while (isIdentifierPart(this.src[this.i])) this.i++;
    return this.src.slice(start, this.i);
  }

  private referenceParts(): ReferencePart[] {
    const src = this.src;
    const parts: ReferencePart[] = [];
    for (;;) {
      const at = this.i;
      if (src[at] === '.' && isIdentifierStart(src[at + 1])) {
        this.i = at + 1;
        const name = this.identifier();
        if (src[this.i] === '(' && this.argumentsFollow(this.i + 1)) {
          this.i++;
          parts.push({ kind: 'method', name, args: this.parameterList(')', true), offset: this.base + at + 1 });
        } else parts.push({ kind: 'property', name, offset: this.base + at + 1 });
      } else if (src[at] === '[') {
        this.i = at + 1;
        this.skipSpace();
        const index = this.parameter();
        this.skipSpace();
        if (src[this.i] !== ']') this.fail('Expected "]" after the index', this.i);
        this.i++;
        parts.push({ kind: 'index', index, offset: this.base + at });
      } else return parts;
    }
  }

  /** Whether `(` at `at - 1` opens method arguments; otherwise Velocity leaves it as text after the reference. */
  private argumentsFollow(at: number): boolean {
    let j = at;
    while (isSpace(this.src[j])) j++;
    const c = this.src[j];
    return c !== undefined && c !== '#';
  }

  /** Parameters up to `close`; with `commas` they must be separated by commas, otherwise by spaces or commas. */
  private parameterList(close: string, commas: boolean, words = false): Expression[] {
    const items: Expression[] = [];
    this.skipSpace();
    if (this.src[this.i] === close) {
      this.i++;
      return items;
    }
    for (;;) {
      items.push(this.parameter(words));
      this.skipSpace();
      const c = this.src[this.i];
      if (c === close) {
        this.i++;
        return items;
      }
      if (c === ',') {
        this.i++;
        this.skipSpace();
      } else if (commas || this.i >= this.src.length) this.fail(`Expected "," or "${close}"`, this.i);
    }
  }

  private skipSpace(): void {
    while (isSpace(this.src[this.i])) this.i++;
  }

  /** Velocity's `Parameter`: a literal, list, range, map or reference; no operators. A macro call's may also be a word. */
  private parameter(words = false): Expression {
    const src = this.src;
    const c = src[this.i];
    const offset = this.base + this.i;
    if (c === '"' || c === "'") return this.stringLiteral();
    if (isDigit(c) || (c === '-' && (isDigit(src[this.i + 1]) || (src[this.i + 1] === '.' && isDigit(src[this.i + 2]))))) return this.number();
    if (c === '.' && isDigit(src[this.i + 1])) return this.number();
    if (c === '$') {
      if (!this.referenceStartsAt(this.i)) this.fail('Expected a reference after "$"');
      const reference = this.tryReference();
      if (!reference) this.fail('A formal reference ${... is not closed with "}"', offset - this.base);
      return { kind: 'reference', reference, offset };
    }
    if (c === '[' || c === '{') {
      if (++this.depth > MAX_NESTING) this.fail(`Lists and maps are nested more than ${MAX_NESTING} levels deep`);
      const literal = c === '[' ? this.listOrRange() : this.mapLiteral();
      this.depth--;
      return literal;
    }
    if (this.keyword('true')) return { kind: 'boolean', value: true, offset };
    if (this.keyword('false')) return { kind: 'boolean', value: false, offset };
    if (words && isIdentifierStart(c)) {
      const start = this.i;
      while (isWordPart(src[this.i])) this.i++;
      return { kind: 'word', value: src.slice(start, this.i), offset };
    }
    this.fail(c === undefined ? 'Unexpected end of template in an argument list' : `Encountered "${c}" where a value was expected`);
  }

  private keyword(word: string): boolean {
    if (!this.src.startsWith(word, this.i) || isWordPart(this.src[this.i + word.length])) return false;
    this.i += word.length;
    return true;
  }

  private number(): Expression {
    const src = this.src;
    const start = this.i;
    if (src[this.i] === '-') this.i++;
    while (isDigit(src[this.i])) this.i++;
    let double = false;
    if (src[this.i] === '.' && isDigit(src[this.i + 1])) {
      double = true;
      this.i++;
      while (isDigit(src[this.i])) this.i++;
    }
    const e = src[this.i];
    if ((e === 'e' || e === 'E') && (isDigit(src[this.i + 1]) || ((src[this.i + 1] === '+' || src[this.i + 1] === '-') && isDigit(src[this.i + 2])))) {
      double = true;
      this.i += 2;
      while (isDigit(src[this.i])) this.i++;
    }
    const text = src.slice(start, this.i);
    const offset = this.base + start;
    if (double) return { kind: 'double', value: Number(text), offset };
    const big = BigInt(text);
    const value = big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
    return { kind: 'integer', value, offset };
  }

  private stringLiteral(): Expression {
    const src = this.src;
    const quote = src[this.i] as string;
    const start = this.i;
    let j = start + 1;
    for (;;) {
      if (j >= src.length) this.fail('String literal is not closed', start);
      if (src[j] === quote) {
        if (src[j + 1] === quote) j += 2;
        else break;
      } else j++;
    }
    this.i = j + 1;
    const raw = src.slice(start + 1, j);
    const value = unescapeUnicode(raw.split(quote + quote).join(quote));
    const offset = this.base + start;
    if (quote === '"' && (value.includes('$') || value.includes('#'))) {
      const inner = new Parser(value, this.base + start + 1, this.macros, this.depth + 1, true);
      return { kind: 'string', value, template: { nodes: inner.parseTemplate(), macros: this.macros }, offset };
    }
    return { kind: 'string', value, offset };
  }

  private listOrRange(): Expression {
    const offset = this.base + this.i;
    this.i++;
    this.skipSpace();
    if (this.src[this.i] === ']') {
      this.i++;
      return { kind: 'list', items: [], offset };
    }
    const first = this.parameter();
    this.skipSpace();
    if (this.src.startsWith('..', this.i)) {
      this.i += 2;
      this.skipSpace();
      const to = this.parameter();
      this.skipSpace();
      if (this.src[this.i] !== ']') this.fail('Expected "]" to close the range');
      this.i++;
      return { kind: 'range', from: first, to, offset };
    }
    if (this.src[this.i] === ']') {
      this.i++;
      return { kind: 'list', items: [first], offset };
    }
    if (this.src[this.i] !== ',') this.fail('Expected "," or "]" in a list');
    this.i++;
    return { kind: 'list', items: [first, ...this.parameterList(']', true)], offset };
  }

  private mapLiteral(): Expression {
    const offset = this.base + this.i;
    this.i++;
    const entries: [Expression, Expression][] = [];
    this.skipSpace();
    if (this.src[this.i] === '}') {
      this.i++;
      return { kind: 'map', entries, offset };
    }
    for (;;) {
      this.skipSpace();
      const key = this.parameter();
      this.skipSpace();
      if (this.src[this.i] !== ':') this.fail('Expected ":" after a map key');
      this.i++;
      this.skipSpace();
      const value = this.parameter();
      entries.push([key, value]);
      this.skipSpace();
      const c = this.src[this.i];
      this.i++;
      if (c === '}') return { kind: 'map', entries, offset };
      if (c !== ',') this.fail('Expected "," or "}" in a map', this.i - 1);
    }
  }

  // Expressions (directive arguments), lowest precedence first.

  private expression(): Expression {
    return this.binaryLevel(0);
  }

  private static readonly LEVELS: [string, BinaryOperator][][] = [
    [['||', '||'], ['or', '||']],
    [['&&', '&&'], ['and', '&&']],
    [['==', '=='], ['!=', '!='], ['eq', '=='], ['ne', '!=']],
    [['<=', '<='], ['>=', '>='], ['<', '<'], ['>', '>'], ['le', '<='], ['ge', '>='], ['lt', '<'], ['gt', '>']],
    [['+', '+'], ['-', '-']],
    [['*', '*'], ['/', '/'], ['%', '%']],
  ];

  private binaryLevel(level: number): Expression {
    const operators = Parser.LEVELS[level];
    if (!operators) return this.unary();
    let left = this.binaryLevel(level + 1);
    for (;;) {
      this.skipSpace();
      const operator = this.operatorAt(operators);
      if (!operator) return left;
      const offset = this.base + this.i;
      this.i += operator[0].length;
      const literalStart = this.i;
      this.skipSpace();
      const right = this.binaryLevel(level + 1);
      this.skipSpace();
      left = { kind: 'binary', operator: operator[1], left, right, literal: this.src.slice(literalStart, this.i), offset };
    }
  }

  private operatorAt(operators: [string, BinaryOperator][]): [string, BinaryOperator] | undefined {
    const src = this.src;
    for (const entry of operators) {
      const [text] = entry;
      if (!src.startsWith(text, this.i)) continue;
      if (isLetter(text[0]) && isWordPart(src[this.i + text.length])) continue;
      // Velocity lexes `-1` as a negative literal, so `a -1` is not a subtraction.
      if (text === '-' && (isDigit(src[this.i + 1]) || src[this.i + 1] === '.')) this.fail('Encountered a negative number where an operator was expected');
      if ((text === '<' || text === '>') && src[this.i + 1] === '=') continue;
      return entry;
    }
    return undefined;
  }

  private unary(): Expression {
    this.skipSpace();
    const offset = this.base + this.i;
    if (this.src[this.i] === '!' && this.src[this.i + 1] !== '=') {
      this.i++;
      return { kind: 'not', operand: this.unary(), offset };
    }
    if (this.keyword('not')) return { kind: 'not', operand: this.unary(), offset };
    if (this.src[this.i] === '(') {
      this.i++;
      const literalStart = this.i;
      if (++this.depth > MAX_NESTING) this.fail(`Parentheses are nested more than ${MAX_NESTING} levels deep`);
      const inner = this.expression();
      this.depth--;
      this.skipSpace();
      if (this.src[this.i] !== ')') this.fail('Expected ")"');
      const literal = this.src.slice(literalStart, this.i);
      this.i++;
      return { kind: 'group', inner, literal, offset };
    }
    return this.parameter();
  }

  // Directives.

  private directiveName(at: number): DirectiveName | undefined {
    const src = this.src;
    let j = at + 1;
    const braced = src[j] === '{';
    if (braced) j++;
    if (!isIdentifierStart(src[j])) return undefined;
    const start = j;
    while (isWordPart(src[j])) j++;
    const name = src.slice(start, j);
    if (braced) {
      if (src[j] !== '}') return undefined;
      j++;
    }
    return { name, end: j };
  }

  /** Handles `#...` at `this.i`; returns a terminator when the current block ends here. */
  private hash(push: (node: TemplateNode) => void, flush: () => void): Terminator | undefined {
    const src = this.src;
    const start = this.i;
    const next = src[start + 1];
    if (next === '#') {
      const newline = src.indexOf('\n', start);
      this.i = newline < 0 ? src.length : newline + 1;
      this.tokenEnded();
      return undefined;
    }
    if (next === '*') {
      const close = src.indexOf('*#', start + 2);
      // Like Java, an unclosed block comment runs to the end of the template.
      this.i = close < 0 ? src.length : close + 2;
      // The word right after a block comment is lexed as a token, not as text.
      let j = this.i;
      while (isIdentifierPart(src[j])) j++;
      if (j > this.i) this.text.push(src.slice(this.i, j));
      this.i = j;
      this.tokenEnded();
      return undefined;
    }
    if (next === '[' && src[start + 2] === '[') {
      const close = src.indexOf(']]#', start + 3);
      if (close < 0) this.fail('A #[[ block is not closed with ]]#', start);
      this.text.push(src.slice(start + 3, close));
      this.i = close + 3;
      this.tokenEnded();
      return undefined;
    }
    const directive = this.directiveName(start);
    if (start + 1 >= src.length) {
      if (!this.inString) this.fail('Lexical error: "#" at the end of the template', start);
      this.text.push('#');
      this.i = src.length;
      return undefined;
    }
    if (!directive) {
      if (this.vanishes(start)) {
        this.i = start + 1;
        this.tokenEnded();
        return undefined;
      }
      this.text.push('#');
      this.i = start + 1;
      return undefined;
    }
    const { name } = directive;
    if (BARE_DIRECTIVES.has(name)) {
      this.i = directive.end;
      this.terminatorStart = start;
      this.gobbleLine();
      if (name === 'end' || name === 'else') return { word: name };
      push({ kind: name as 'break' | 'stop', offset: this.base + start });
      this.tokenEnded();
      return undefined;
    }
    if (name === 'set' && !this.setFollows(start)) {
      this.text.push(src.slice(start, directive.end));
      this.i = directive.end;
      return undefined;
    }
    if (PAREN_DIRECTIVES.has(name)) {
      if (name === 'set') this.dropWhitespaceRun();
      this.i = directive.end;
      this.skipSpace();
      if (src[this.i] !== '(') this.fail(`#${name} needs its arguments in parentheses`, start);
      this.i++;
      return this.parenDirective(name, start, push, flush);
    }
    // Any other `#name` is a macro call, as in Velocity 1.7: with arguments when `(` follows, after any
    // whitespace (newlines too), and bare otherwise. An undefined macro prints the call as written.
    let open = directive.end;
    while (isSpace(src[open])) open++;
    if (src[open] !== '(') {
      this.i = directive.end;
      push({ kind: 'macro-call', name, args: [], literal: src.slice(start, directive.end), bare: true, offset: this.base + start });
      this.tokenEnded();
      return undefined;
    }
    this.i = open + 1;
    const args = this.parameterList(')', false, true);
    this.gobbleLine();
    // Java prints an undefined macro's call as written, the newline its `)` took included.
    const literal = src.slice(start, this.i);
    push({ kind: 'macro-call', name, args, literal, bare: false, offset: this.base + start });
    this.tokenEnded();
    return undefined;
  }

  /**
   * Whether a lone `$`, `$!` or `#` at `at` vanishes, as it does in Velocity 1.7 right before #if, #elseif,
   * #else, #end, #set or a block comment (for `$`), before spaces and a `#set(`, or before another lone
   * token that vanishes. Every token of a chain gets the chain's answer, remembered so that a long chain
   * (`$$$…`) is walked once.
   */
  private vanishes(at: number): boolean {
    const chain: number[] = [];
    let k = at;
    let answer: boolean | number;
    do {
      answer = this.vanishing.get(k) ?? this.vanishStep(k);
      chain.push(k);
      if (typeof answer === 'number') k = answer;
    } while (typeof answer === 'number');
    for (const token of chain) this.vanishing.set(token, answer);
    return answer;
  }

  /** The answer for the lone token at `k`, or where the next token of its chain starts. */
  private vanishStep(k: number): boolean | number {
    const src = this.src;
    if (src[k] === '$') {
      if (this.referenceStartsAt(k)) return false;
      const next = k + 1 + this.bangLength(k + 1);
      if (src[next] === '#') {
        const directive = this.directiveName(next);
        if (directive) return DIRECTIVES_AFTER_DOLLAR.has(directive.name);
        if (src[next + 1] === '*') return true;
        if (src[next + 1] === '#' || src[next + 1] === '[') return false;
        return next;
      }
      if (src[next] === '$') return next;
      return this.setFollows(next);
    }
    if (src[k] !== '#' || this.directiveName(k) || src[k + 1] === '#' || src[k + 1] === '*' || src[k + 1] === '[') return false;
    if (src[k + 1] === '$') return k + 1;
    return this.setFollows(k + 1);
  }

  /** Whether only spaces and tabs stand between `at` and a `#set(`. */
  private setFollows(at: number): boolean {
    let j = at;
    while (this.src[j] === ' ' || this.src[j] === '\t') j++;
    if (this.src[j] !== '#') return false;
    const directive = this.directiveName(j);
    if (directive?.name !== 'set') return false;
    let k = directive.end;
    while (this.src[k] === ' ') k++;
    return this.src[k] === '(';
  }

  /** `#set` takes the spaces before it when they follow a token rather than text. */
  private dropWhitespaceRun(): void {
    const run = this.text.slice(this.runStart);
    if (run.every((chunk) => /^[ \t]*$/.test(chunk))) this.text.length = this.runStart;
  }

  private closeParen(): void {
    this.skipSpace();
    if (this.src[this.i] !== ')') this.fail(this.src[this.i] === undefined ? 'Unexpected end of template; expected ")"' : `Encountered "${this.src[this.i]}"; expected ")"`);
    this.i++;
    this.gobbleLine();
  }

  /** Velocity's RPAREN/#end tokens take trailing spaces and one newline with them. */
  private gobbleLine(): void {
    const src = this.src;
    let j = this.i;
    while (src[j] === ' ' || src[j] === '\t') j++;
    if (src[j] === '\n') this.i = j + 1;
    else if (src[j] === '\r') this.i = src[j + 1] === '\n' ? j + 2 : j + 1;
  }

  private referenceArgument(what: string): Reference {
    this.skipSpace();
    if (this.src[this.i] !== '$' || !this.referenceStartsAt(this.i)) this.fail(`${what} must be a reference`);
    const at = this.i;
    const reference = this.tryReference();
    if (!reference) this.fail('A formal reference ${... is not closed with "}"', at);
    return reference;
  }

  private block(name: string, start: number): TemplateNode[] {
    const { nodes, terminator } = this.parseNodes();
    if (terminator.word !== 'end') this.fail(`#${name} is never closed with #end`, start);
    return nodes;
  }

  private parenDirective(name: string, start: number, push: (node: TemplateNode) => void, flush: () => void): Terminator | undefined {
    const offset = this.base + start;
    switch (name) {
      case 'set': {
        const target = this.referenceArgument('The left side of #set');
        this.skipSpace();
        if (this.src[this.i] !== '=') this.fail('Expected "=" in #set');
        this.i++;
        this.skipSpace();
        const value = this.expression();
        this.closeParen();
        push({ kind: 'set', target, value, offset });
        break;
      }
      case 'elseif': {
        const condition = this.expression();
        this.closeParen();
        flush();
        return { word: 'elseif', condition, offset };
      }
      case 'if': {
        const condition = this.expression();
        this.closeParen();
        const branches: { condition?: Expression; body: TemplateNode[]; offset: number }[] = [];
        let current: { condition?: Expression; offset: number } = { condition, offset };
        for (;;) {
          const { nodes, terminator } = this.parseNodes();
          branches.push({ ...current, body: nodes });
          if (terminator.word === 'end') break;
          if (terminator.word === 'eof') this.fail('#if is never closed with #end', start);
          if (current.condition === undefined) this.fail(`#${terminator.word} after #else`);
          current = terminator.word === 'elseif' ? { condition: terminator.condition, offset: terminator.offset } : { offset: this.base + this.i };
        }
        push({ kind: 'if', branches, offset });
        break;
      }
      case 'foreach': {
        const variable = this.referenceArgument('The loop variable of #foreach');
        this.skipSpace();
        if (!this.keyword('in')) this.fail('Expected "in" in #foreach');
        this.skipSpace();
        const iterable = this.parameter();
        this.closeParen();
        push({ kind: 'foreach', variable: variable.root, iterable, body: this.block('foreach', start), offset });
        break;
      }
      case 'macro': {
        this.skipSpace();
        const nameStart = this.i;
        if (this.src[this.i] !== ')' && this.src[this.i] !== undefined && !isIdentifierStart(this.src[this.i])) {
          this.fail(`Invalid first arg in #macro() directive - must be a word token (no ' or " surrounding)`, nameStart);
        }
        while (isWordPart(this.src[this.i])) this.i++;
        const macroName = this.src.slice(nameStart, this.i);
        if (macroName === '') this.fail('#macro needs a name', nameStart);
        const parameters: string[] = [];
        for (;;) {
          this.skipSpace();
          if (this.src[this.i] === ',') {
            this.i++;
            continue;
          }
          if (this.src[this.i] === ')') break;
          if (this.src[this.i] !== '$') {
            // Java keeps a literal's place among the parameters; a bare word it refuses.
            const at = this.i;
            if (this.parameter(true).kind === 'word') this.fail(`Invalid arg #${parameters.length + 1} in directive #macro`, at);
            parameters.push('');
            continue;
          }
          const parameter = this.referenceArgument('A #macro parameter');
          // Velocity names a parameter by its text after `$`, so `$\!a` binds no reference.
          parameters.push(parameter.uncomputable ? parameter.literal.slice(1) : parameter.root);
        }
        this.closeParen();
        const macro: MacroDefinition = { name: macroName, parameters, body: [], offset };
        this.macros.set(macroName, macro);
        macro.body = this.block('macro', start);
        break;
      }
      case 'define': {
        const target = this.referenceArgument('The argument of #define');
        this.closeParen();
        push({ kind: 'define', target, body: this.block('define', start), offset });
        break;
      }
      case 'literal': {
        this.closeParen();
        const bodyStart = this.i;
        const text = this.text;
        this.block('literal', start);
        this.text = text;
        this.text.push(this.src.slice(bodyStart, this.terminatorStart));
        break;
      }
      case 'evaluate': {
        this.skipSpace();
        const argument = this.parameter();
        this.closeParen();
        push({ kind: 'evaluate', argument, offset });
        break;
      }
      default: {
        this.skipSpace();
        this.parameter();
        this.closeParen();
        push({ kind: 'load', directive: name as 'parse' | 'include', offset });
      }
    }
    this.tokenEnded();
    return undefined;
  }
}

/** Velocity's string literals turn `\uXXXX` into the character; other backslashes stay. */
function unescapeUnicode(text: string): string {
  if (!text.includes('\\u')) return text;
  return text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

export function parseVtl(source: string): TemplateTree {
  const macros = new Map<string, MacroDefinition>();
  const nodes = new Parser(source, 0, macros).parseTemplate();
  return { nodes, macros };
}

/** A template written inside a string at `base` (`#evaluate`), sharing the caller's macros. */
export function parseVtlAt(source: string, base: number, macros: Map<string, MacroDefinition>): TemplateNode[] {
  return new Parser(source, base, macros).parseTemplate();
}
