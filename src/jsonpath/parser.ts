import { parseJavaInt } from '../java/int.js';
import { compileJavaPattern, JavaPatternSyntaxError } from '../java/regex/pattern.js';
import type { ComparisonOperator, EmbeddedPath, FilterExpression, FilterValue, FunctionArgument, PathNode } from './ast.js';
import { isDefinitePath } from './definite.js';
import { JsonPathSyntaxError } from './errors.js';
import { parsePermissiveJson } from './permissive-json.js';
import { Scanner } from './scanner.js';
import { unescapeJayway } from './unescape.js';

/**
 * Jayway's PathCompiler and FilterCompiler in one module: a path contains filters and a filter contains
 * paths, so the two parsers call each other.
 */

export const MAX_PATH_LENGTH = 10_000;
const MAX_NESTING = 32;
export const MAX_TOKENS = 500;

export interface ParsedPath {
  readonly ast: PathNode[];
  readonly hasRoot: boolean;
}

/**
 * Jayway's PathCompiler: a path must start with `$` or `@`, otherwise `$.` is prepended. Offsets in
 * the AST and in errors are relative to `path` plus `shift` (the position of `path` in an enclosing path).
 */
export function parsePath(path: string, shift = 0, nesting = 0): ParsedPath {
  let scanner = new Scanner(path, shift);
  if (path.length > MAX_PATH_LENGTH) scanner.fail(`path is longer than ${MAX_PATH_LENGTH} characters`, 0);
  if (nesting > MAX_NESTING) scanner.fail(`filters are nested more than ${MAX_NESTING} levels deep`, 0);
  scanner.trim();
  if (scanner.position >= scanner.end) scanner.fail('path is empty', 0, 0);
  const first = scanner.current();
  const hasRoot = first === '$' || first === '@';
  if (!hasRoot) {
    scanner = new Scanner(`$.${path}`, shift - 2);
    scanner.trim();
  }
  if (scanner.lastIs('.')) scanner.fail("path must not end with '.' or '..'", scanner.end - 1);
  const parser = new PathParser(scanner, nesting);
  parser.readContextToken(hasRoot);
  return { ast: parser.nodes, hasRoot };
}

export function parseEmbeddedPath(text: string, shift: number, nesting: number): EmbeddedPath {
  const { ast } = parsePath(text, shift, nesting);
  return { source: text, ast, definite: isDefinitePath(ast), offset: Math.max(0, shift), length: text.length };
}

class PathParser {
  readonly nodes: PathNode[] = [];

  constructor(
    private readonly s: Scanner,
    private readonly nesting: number,
  ) {}

  readContextToken(written: boolean): void {
    const s = this.s;
    s.skipBlanks();
    const symbol = s.current();
    if (symbol !== '$' && symbol !== '@') return s.fail("path must start with '$' or '@'");
    this.nodes.push({ kind: 'root', symbol, written, ...(written ? this.s.span(s.position, s.position + 1) : { offset: 0, length: 0 }) });
    if (s.currentIsTail()) return;
    s.position++;
    if (!s.currentIs('.') && !s.currentIs('[')) s.fail("expected '.' or '[' after the root");
    this.readNextToken();
  }

  private continueAfterToken(): void {
    if (this.nodes.length > MAX_TOKENS) this.s.fail(`path has more than ${MAX_TOKENS} steps`);
    if (!this.s.currentIsTail()) this.readNextToken();
  }

  private readNextToken(): void {
    const s = this.s;
    const c = s.current();
    if (c === '[') {
      if (!this.readBracketPropertyToken() && !this.readArrayToken() && !this.readWildcardToken() && !this.readFilterToken()) {
        s.fail("could not parse the bracket; expected ?, ', \", 0-9 or *");
      }
      return;
    }
    if (c === '.') return this.readDotToken();
    if (c === '*') {
      if (!this.readWildcardToken()) s.fail('could not parse the wildcard');
      return;
    }
    if (!this.readPropertyOrFunctionToken()) s.fail('could not parse the token here');
  }

  private readDotToken(): void {
    const s = this.s;
    if (s.currentIs('.') && s.nextIs('.')) {
      this.nodes.push({ kind: 'scan', ...this.s.span(s.position, s.position + 2) });
      s.position += 2;
    } else if (!s.hasMore()) {
      s.fail("path must not end with '.'");
    } else {
      s.position++;
    }
    if (s.currentIs('.')) s.fail("unexpected '.'");
    this.readNextToken();
  }

  private readPropertyOrFunctionToken(): boolean {
    const s = this.s;
    if (s.currentIs('[') || s.currentIs('*') || s.currentIs('.') || s.currentIs(' ')) return false;
    const start = s.position;
    let read = start;
    let end = -1;
    let isFunction = false;
    while (s.inBounds(read)) {
      const c = s.text[read];
      if (c === ' ') s.fail("use bracket notation ['my prop'] for a property containing blanks", read);
      if (c === '.' || c === '[') {
        end = read;
        break;
      }
      if (c === '(') {
        isFunction = true;
        end = read;
        break;
      }
      read++;
    }
    if (end === -1) end = s.end;
    const name = s.slice(start, end);
    if (!isFunction) {
      s.position = end;
      this.nodes.push({ kind: 'property', names: [name], notation: 'dot', ...this.s.span(start, end) });
      this.continueAfterToken();
      return true;
    }
    let depth = 1;
    let close = -1;
    for (let i = read + 1; i < s.end; i++) {
      const c = s.text[i];
      if (c === ')') depth--;
      else if (c === '(') depth++;
      if (depth === 0) {
        close = i;
        break;
      }
    }
    if (close === -1) s.fail(`arguments of function '${name}' are not closed`, start, end - start);
    const args = this.parseFunctionArguments(read + 1, close);
    // Jayway stops on the ')' of a call without arguments, so anything after it reads as a property
    // named ")…"; after arguments it continues behind the ')'.
    s.position = args.length > 0 || s.slice(read + 1, close).trim() !== '' ? close + 1 : close;
    this.nodes.push({ kind: 'function', name, args, ...this.s.span(start, close + 1) });
    this.continueAfterToken();
    return true;
  }

  private parseFunctionArguments(from: number, to: number): FunctionArgument[] {
    const s = this.s;
    const args: FunctionArgument[] = [];
    if (s.slice(from, to).trim() === '') return args;
    for (const [argFrom, argTo] of splitTopLevel(s.text, from, to)) {
      let a = argFrom;
      let b = argTo;
      while (a < b && s.text[a] === ' ') a++;
      while (b > a && s.text[b - 1] === ' ') b--;
      const text = s.slice(a, b);
      if (text === '') s.fail('empty function argument', argFrom);
      const span = this.s.span(a, b);
      // Jayway types an argument by its first character; anything else (e.g. 'x', true, [1]) is dropped.
      if (!/^[$@{"0-9-]/.test(text)) continue;
      if (text.startsWith('$') || text.startsWith('@')) {
        args.push({ kind: 'path', path: parseEmbeddedPath(text, s.originalOffset(a), this.nesting + 1), ...span });
      } else {
        const parsed = parsePermissiveJson(text);
        if (!parsed.ok) return s.fail(`function argument is neither a path nor JSON: ${text}`, a, b - a);
        args.push({ kind: 'json', value: parsed.value, ...span });
      }
    }
    return args;
  }

  private readBracketPropertyToken(): boolean {
    const s = this.s;
    if (!s.currentIs('[')) return false;
    const quote = s.nextSignificantChar();
    if (quote !== "'" && quote !== '"') return false;
    const tokenStart = s.position;
    const names: string[] = [];
    let start = s.position + 1;
    let read = start;
    let endOfLast = 0;
    let inProperty = false;
    let inEscape = false;
    let lastWasComma = false;
    while (s.inBounds(read)) {
      const c = s.text[read];
      if (inEscape) inEscape = false;
      else if (c === '\\') inEscape = true;
      else if (c === ']' && !inProperty) {
        if (lastWasComma) s.fail('empty property name', read);
        break;
      } else if (c === quote) {
        if (inProperty) {
          const next = s.nextSignificantChar(read);
          if (next !== ']' && next !== ',') s.fail("property names must be separated by ',' and closed by ']'", read);
          endOfLast = read;
          names.push(unescapeOrFail(s, s.slice(start, read), start));
          inProperty = false;
        } else {
          start = read + 1;
          inProperty = true;
          lastWasComma = false;
        }
      } else if (c === ',' && !inProperty) {
        if (lastWasComma) s.fail('empty property name', read);
        lastWasComma = true;
      }
      read++;
    }
    if (inProperty) s.fail(`property name is not closed; missing ${quote}`, tokenStart);
    const close = s.indexOfNextSignificantChar(']', endOfLast);
    if (close === -1) s.fail("missing closing ']'", tokenStart);
    s.position = close + 1;
    this.nodes.push({ kind: 'property', names, notation: 'bracket', ...this.s.span(tokenStart, close + 1) });
    this.continueAfterToken();
    return true;
  }

  private readArrayToken(): boolean {
    const s = this.s;
    if (!s.currentIs('[')) return false;
    const next = s.nextSignificantChar();
    if (!/[0-9]/.test(next) && next !== '-' && next !== ':') return false;
    const begin = s.position + 1;
    const close = s.nextIndexOf(']', begin);
    if (close === -1) return false;
    const expression = s.slice(begin, close).trim();
    if (expression === '*') return false;
    if (!/^[0-9,\-: ]*$/.test(expression)) return false;
    const span = this.s.span(s.position, close + 1);
    if (expression.includes(':')) {
      if (!/^[0-9\-:]*$/.test(expression)) s.fail(`invalid slice: ${expression}`, begin, close - begin);
      const parts = compileJavaPattern(':').split(expression);
      const from = readSliceBound(s, parts[0], begin, close);
      const to = readSliceBound(s, parts[1], begin, close);
      if (from === undefined && to === undefined) s.fail(`invalid slice: ${expression}`, begin, close - begin);
      this.nodes.push({ kind: 'slice', ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), ...span });
    } else {
      const indexes = expression.split(/\s*,\s*/).map((token) => {
        const value = parseJavaInt(token);
        return value ?? s.fail(`invalid array index: '${token}'`, begin, close - begin);
      });
      this.nodes.push({ kind: 'index', indexes, ...span });
    }
    s.position = close + 1;
    this.continueAfterToken();
    return true;
  }

  private readWildcardToken(): boolean {
    const s = this.s;
    const inBracket = s.currentIs('[');
    if (inBracket && !s.nextSignificantCharIs('*')) return false;
    if (!s.currentIs('*') && !s.inBounds(s.position + 1)) return false;
    const start = s.position;
    if (inBracket) {
      const star = s.indexOfNextSignificantChar('*');
      const close = s.indexOfNextSignificantChar(']', star);
      if (close === -1) s.fail("expected the wildcard to end with ']'", star + 1);
      s.position = close + 1;
    } else {
      s.position++;
    }
    this.nodes.push({ kind: 'wildcard', ...this.s.span(start, s.position) });
    this.continueAfterToken();
    return true;
  }

  private readFilterToken(): boolean {
    const s = this.s;
    if (!s.currentIs('[') || !s.nextSignificantCharIs('?')) return false;
    const open = s.position;
    const question = s.indexOfNextSignificantChar('?');
    const paren = s.indexOfNextSignificantChar('(', question);
    if (paren === -1) s.fail("a filter must be written [?(<expression>)]", open);
    const closeParen = s.indexOfMatchingClose(paren, '(', ')', true, true);
    if (closeParen === -1) s.fail("the filter's parentheses are not closed", paren);
    const close = s.indexOfNextSignificantChar(']', closeParen);
    if (close === -1) s.fail("expected ']' after the filter", closeParen + 1);
    const expression = parseFilter(s.slice(open, close + 1), s.originalOffset(open), this.nesting + 1);
    this.nodes.push({ kind: 'filter', expression, ...this.s.span(open, close + 1) });
    s.position = close + 1;
    this.continueAfterToken();
    return true;
  }
}

function unescapeOrFail(s: Scanner, text: string, at: number): string {
  try {
    return unescapeJayway(text);
  } catch (error) {
    return s.fail((error as Error).message, at, text.length);
  }
}

function readSliceBound(s: Scanner, token: string | undefined, begin: number, close: number): number | undefined {
  if (token === undefined || token === '') return undefined;
  const value = parseJavaInt(token);
  return value ?? s.fail(`invalid slice bound: '${token}'`, begin, close - begin);
}

function splitTopLevel(text: string, from: number, to: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      for (i++; i < to && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '[' || c === '{' || c === '(') depth++;
    else if (c === ']' || c === '}' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push([start, i]);
      start = i + 1;
    }
  }
  parts.push([start, to]);
  return parts;
}

const OPERATORS: ReadonlySet<string> = new Set<ComparisonOperator>([
  '==', '!=', '===', '!==', '<', '<=', '>', '>=', '=~',
  'in', 'nin', 'subsetof', 'anyof', 'noneof', 'size', 'empty', 'contains', 'all', 'exists', 'type', 'matches',
]);
const BIG_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function isRelationalChar(c: string | undefined): boolean {
  return c === '<' || c === '>' || c === '=' || c === '~' || c === '!';
}

/**
 * Jayway's FilterCompiler. `criteria` is the whole `[?( … )]` token; `shift` is its offset in the
 * path as written.
 */
export function parseFilter(criteria: string, shift: number, nesting: number): FilterExpression {
  return new FilterParser(new Scanner(criteria, shift), nesting).parse();
}

class FilterParser {
  private suppressed: JsonPathSyntaxError | undefined;

  constructor(
    private readonly s: Scanner,
    private readonly nesting: number,
  ) {}

  parse(): FilterExpression {
    try {
      return this.parseWhole();
    } catch (error) {
      // A comparison that failed to parse is retried as an existence test; its error is the useful one.
      if (error instanceof JsonPathSyntaxError && this.suppressed && this.suppressed.offset >= error.offset) throw this.suppressed;
      throw error;
    }
  }

  private parseWhole(): FilterExpression {
    const s = this.s;
    s.trim();
    if (!s.currentIs('[') || !s.lastIs(']')) s.fail("a filter must start with '[' and end with ']'");
    s.position++;
    s.end--;
    s.trim();
    if (!s.currentIs('?')) s.fail("a filter must start with '[?'");
    s.position++;
    s.trim();
    if (!s.currentIs('(') || !s.lastIs(')')) s.fail("a filter must be written [?(<expression>)]");
    const expression = this.readLogicalOr();
    s.skipBlanks();
    if (s.inBounds()) {
      s.fail(`expected the end of the filter instead of: ${s.slice(s.position, s.end)}`, s.position, s.end - s.position);
    }
    return expression;
  }

  private readLogicalOr(): FilterExpression {
    return this.readChain('||', 'or', () => this.readLogicalAnd());
  }

  private readLogicalAnd(): FilterExpression {
    return this.readChain('&&', 'and', () => this.readLogicalAndOperand());
  }

  /** Operands joined by `separator`; one operand stands alone. */
  private readChain(separator: '||' | '&&', kind: 'or' | 'and', readOperand: () => FilterExpression): FilterExpression {
    const start = this.s.skipBlanks().position;
    const operands = [readOperand()];
    for (;;) {
      const savepoint = this.s.position;
      if (!this.s.hasSignificantSubSequence(separator)) {
        this.s.position = savepoint;
        break;
      }
      operands.push(readOperand());
    }
    return operands.length === 1 ? (operands[0] as FilterExpression) : { kind, operands, ...this.s.span(start, this.s.position) };
  }

  private readLogicalAndOperand(): FilterExpression {
    const s = this.s;
    const savepoint = s.skipBlanks().position;
    if (s.currentIs('!')) {
      s.readSignificantChar('!');
      const next = s.skipBlanks().current();
      if (next === '$' || next === '@') {
        s.position = savepoint;
      } else {
        const operand = this.readLogicalAndOperand();
        return { kind: 'not', operand, ...this.s.span(savepoint, s.position) };
      }
    }
    if (s.skipBlanks().currentIs('(')) {
      s.readSignificantChar('(');
      const inner = this.readLogicalOr();
      s.readSignificantChar(')');
      return inner;
    }
    return this.readExpression();
  }

  private readExpression(): FilterExpression {
    const s = this.s;
    const start = s.skipBlanks().position;
    const left = this.readValue();
    const savepoint = s.position;
    try {
      const operator = this.readRelationalOperator();
      const right = this.readValue();
      return { kind: 'comparison', operator, left, right, ...this.s.span(start, s.position) };
    } catch (error) {
      if (!(error instanceof JsonPathSyntaxError)) throw error;
      this.suppressed = error;
      s.position = savepoint;
    }
    if (left.kind !== 'path') {
      this.suppressed = undefined;
      return s.fail('a value alone is not a condition; compare it or use a path', start, savepoint - start);
    }
    const negated = s.text[start] === '!';
    return { kind: 'exists', path: left.path, negated, ...this.s.span(start, savepoint) };
  }

  private readRelationalOperator(): ComparisonOperator {
    const s = this.s;
    const begin = s.skipBlanks().position;
    if (isRelationalChar(s.text[s.position])) {
      while (s.inBounds() && isRelationalChar(s.text[s.position])) s.position++;
    } else {
      while (s.inBounds() && s.text[s.position] !== ' ') s.position++;
    }
    const operator = s.slice(begin, s.position).toLowerCase();
    if (!OPERATORS.has(operator)) s.fail(`filter operator '${s.slice(begin, s.position)}' is not supported`, begin, s.position - begin);
    return operator as ComparisonOperator;
  }

  private readValue(): FilterValue {
    const s = this.s;
    const c = s.skipBlanks().current();
    if (c === '$' || c === '@') return this.readPath();
    if (c === '!') {
      s.position++;
      const next = s.skipBlanks().current();
      if (next === '$' || next === '@') return this.readPath();
      s.fail("unexpected '!'");
    }
    return this.readLiteral();
  }

  private readLiteral(): FilterValue {
    const s = this.s;
    const c = s.skipBlanks().current();
    switch (c) {
      case "'":
      case '"':
        return this.readString(c);
      case 't':
      case 'f':
        return this.readWord(c === 't' ? 'true' : 'false');
      case 'n':
        return this.readWord('null');
      case '{':
        return this.readJson('{', '}');
      case '[':
        return this.readJson('[', ']');
      case '/':
        return this.readRegex();
      default:
        return this.readNumber();
    }
  }

  private readString(quote: string): FilterValue {
    const s = this.s;
    const begin = s.position;
    const close = s.nextIndexOfUnescaped(quote);
    if (close === -1) s.fail(`string literal is not closed; missing ${quote}`, begin);
    s.position = close + 1;
    const raw = s.slice(begin + 1, close);
    let value: string;
    try {
      value = unescapeJayway(raw);
    } catch (error) {
      return s.fail((error as Error).message, begin, close + 1 - begin);
    }
    return { kind: 'string', value, ...this.s.span(begin, s.position) };
  }

  private readWord(word: 'true' | 'false' | 'null'): FilterValue {
    const s = this.s;
    const begin = s.position;
    if (s.slice(begin, begin + word.length) !== word) s.fail(`expected ${word}`, begin);
    s.position += word.length;
    const span = this.s.span(begin, s.position);
    return word === 'null' ? { kind: 'null', ...span } : { kind: 'boolean', value: word === 'true', ...span };
  }

  private readJson(open: string, close: string): FilterValue {
    const s = this.s;
    const begin = s.position;
    const end = s.indexOfMatchingClose(begin, open, close, true, false);
    if (end === -1) s.fail(`JSON literal is not closed; missing ${close}`, begin);
    s.position = end + 1;
    const text = s.slice(begin, end + 1);
    const parsed = parsePermissiveJson(text);
    // Jayway parses a JSON literal only when an operator needs its value, so `matches [?(@.a)]` compiles.
    if (!parsed.ok) return { kind: 'unparsed-json', text, ...this.s.span(begin, s.position) };
    return { kind: 'json', value: parsed.value, ...this.s.span(begin, s.position) };
  }

  private readRegex(): FilterValue {
    const s = this.s;
    const begin = s.position;
    const close = s.nextIndexOfUnescaped('/');
    if (close === -1) s.fail('regular expression is not closed; missing /', begin);
    let end = close + 1;
    // Since Jayway 2.6 only Java flag letters after the closing slash belong to the pattern.
    while (s.inBounds(end) && /[dixmsuU]/.test(s.text[end] as string)) end++;
    s.position = end;
    const pattern = s.slice(begin + 1, close);
    const flags = s.slice(close + 1, end);
    try {
      compileJavaPattern(pattern, flags);
    } catch (error) {
      if (!(error instanceof JavaPatternSyntaxError)) throw error;
      s.fail(`invalid regular expression: ${error.message}`, begin, end - begin);
    }
    return { kind: 'regex', pattern, flags, ...this.s.span(begin, end) };
  }

  private readNumber(): FilterValue {
    const s = this.s;
    const begin = s.position;
    while (s.inBounds() && /[0-9.eE-]/.test(s.text[s.position] as string)) s.position++;
    const text = s.slice(begin, s.position);
    if (!BIG_DECIMAL.test(text)) s.fail(text === '' ? 'expected a value' : `invalid number: ${text}`, begin, Math.max(1, text.length));
    return { kind: 'number', text, value: Number(text), ...this.s.span(begin, s.position) };
  }

  private readPath(): FilterValue {
    const s = this.s;
    const begin = s.position;
    s.position++;
    while (s.inBounds()) {
      if (s.text[s.position] === '[') {
        const close = s.indexOfClosingSquareBracket(s.position);
        if (close === -1) s.fail('square brackets do not match in the filter', s.position);
        s.position = close + 1;
      }
      if (!s.inBounds()) break;
      const c = s.text[s.position];
      const closesFunction = c === ')' && this.closesFunctionCall(begin);
      if (isRelationalChar(c) || c === ' ' || (c === ')' && !closesFunction)) break;
      s.position++;
    }
    const text = s.slice(begin, s.position);
    const path: EmbeddedPath = parseEmbeddedPath(text, s.originalOffset(begin), this.nesting);
    return { kind: 'path', path, ...this.s.span(begin, s.position) };
  }

  /** A `)` right after `(` with a `.` before it inside the path closes a no-argument function call. */
  private closesFunctionCall(lowerBound: number): boolean {
    const s = this.s;
    let index = s.indexOfPreviousSignificantChar();
    if (index === -1 || s.text[index] !== '(') return false;
    index--;
    while (index >= 0 && index > lowerBound) {
      if (s.text[index] === '.') return true;
      index--;
    }
    return false;
  }
}
