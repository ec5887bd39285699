import type { Span } from './ast.js';
import { isSubstitutionStart, substitutionEnd } from './opaque.js';

export type TokenKind = 'number' | 'string' | 'identifier' | 'opaque' | 'operator' | 'punctuation' | 'end';

export interface Token {
  kind: TokenKind;
  text: string;
  /** The decoded value of a string token. */
  value?: string;
  span: Span;
}

export class LexError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

const operators = ['==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%', '^', '!', '~', '&', '|'];
const punctuation = '()[],.';

/** Splits an Architect expression into tokens; string escapes are `\"`, `\\`, `\n`, `\t`, `\r`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (isSubstitutionStart(text, i) || isIdentifierStart(c)) {
      // A name and substitutions written against each other (`id_{{env}}`) are one token, opaque if any part is.
      let opaque = false;
      while (i < text.length && (isIdentifierPart(text[i]!) || isSubstitutionStart(text, i))) {
        if (isSubstitutionStart(text, i)) {
          opaque = true;
          i = substitutionEnd(text, i);
        } else {
          i++;
        }
      }
      tokens.push({ kind: opaque ? 'opaque' : 'identifier', text: text.slice(start, i), span: { offset: start, length: i - start } });
    } else if (isDigit(c)) {
      while (i < text.length && isDigit(text[i]!)) i++;
      if (text[i] === '.' && isDigit(text[i + 1] ?? '')) {
        i++;
        while (i < text.length && isDigit(text[i]!)) i++;
      }
      tokens.push({ kind: 'number', text: text.slice(start, i), span: { offset: start, length: i - start } });
    } else if (c === '"' || c === "'") {
      i = readString(text, i, c, tokens);
    } else if (punctuation.includes(c)) {
      i++;
      tokens.push({ kind: 'punctuation', text: c, span: { offset: start, length: 1 } });
    } else {
      const operator = operators.find((op) => text.startsWith(op, i));
      if (!operator) throw new LexError(`unexpected character "${c}"`, { offset: i, length: 1 });
      i += operator.length;
      tokens.push({ kind: 'operator', text: operator, span: { offset: start, length: operator.length } });
    }
  }
  tokens.push({ kind: 'end', text: '', span: { offset: text.length, length: 0 } });
  return tokens;
}

function readString(text: string, start: number, quote: string, tokens: Token[]): number {
  let i = start + 1;
  let value = '';
  while (i < text.length && text[i] !== quote) {
    if (text[i] === '\\' && i + 1 < text.length) {
      const next = text[i + 1]!;
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
      i += 2;
    } else {
      value += text[i];
      i++;
    }
  }
  if (i >= text.length) throw new LexError(`the string is not closed: add ${quote}`, { offset: start, length: text.length - start });
  i++;
  tokens.push({ kind: 'string', text: text.slice(start, i), value, span: { offset: start, length: i - start } });
  return i;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isIdentifierStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$';
}

function isIdentifierPart(c: string): boolean {
  return isIdentifierStart(c) || isDigit(c);
}
