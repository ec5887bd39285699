import type { ComparisonOperator, EmbeddedPath, FilterExpression, FilterValue } from './ast.js';
import { JsonPathSyntaxError } from './errors.js';
import { compileJavaPattern, JavaPatternSyntaxError } from '../java/regex/pattern.js';
import { jaywayRegexFlags } from './regex-literal.js';
import { parseEmbeddedPath } from './path-parser.js';
import { parsePermissiveJson } from './permissive-json.js';
import { Scanner } from './scanner.js';
import { unescapeJayway } from './unescape.js';

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
    const start = this.s.skipBlanks().position;
    const operands = [this.readLogicalAnd()];
    for (;;) {
      const savepoint = this.s.position;
      if (!this.s.hasSignificantSubSequence('||')) {
        this.s.position = savepoint;
        break;
      }
      operands.push(this.readLogicalAnd());
    }
    return operands.length === 1 ? (operands[0] as FilterExpression) : { kind: 'or', operands, ...this.s.span(start, this.s.position) };
  }

  private readLogicalAnd(): FilterExpression {
    const start = this.s.skipBlanks().position;
    const operands = [this.readLogicalAndOperand()];
    for (;;) {
      const savepoint = this.s.position;
      if (!this.s.hasSignificantSubSequence('&&')) {
        this.s.position = savepoint;
        break;
      }
      operands.push(this.readLogicalAndOperand());
    }
    return operands.length === 1 ? (operands[0] as FilterExpression) : { kind: 'and', operands, ...this.s.span(start, this.s.position) };
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
    const parsed = parsePermissiveJson(s.slice(begin, end + 1));
    if (!parsed.ok) return s.fail('invalid JSON literal', begin, end + 1 - begin);
    return { kind: 'json', value: parsed.value, ...this.s.span(begin, s.position) };
  }

  private readRegex(): FilterValue {
    const s = this.s;
    const begin = s.position;
    const close = s.nextIndexOfUnescaped('/');
    if (close === -1) s.fail('regular expression is not closed; missing /', begin);
    let end = close + 1;
    while (s.inBounds(end) && /[a-zA-Z]/.test(s.text[end] as string)) end++;
    s.position = end;
    const pattern = s.slice(begin + 1, close);
    const flags = s.slice(close + 1, end);
    try {
      compileJavaPattern(pattern, jaywayRegexFlags(flags));
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
