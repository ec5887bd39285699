import type { ExpressionNode, Span } from './ast.js';
import { LexError, tokenize, type Token } from './lexer.js';

export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

/**
 * Binary operators by precedence, loosest first, as Genesys documents them ("Operator precedence in
 * expressions"): or, and, |, &, == !=, > >=, < <=, + -, * / %, ^ (right-associative).
 */
const binaryLevels: ReadonlyArray<readonly string[]> = [['or'], ['and'], ['|'], ['&'], ['==', '!='], ['>', '>='], ['<', '<='], ['+', '-'], ['*', '/', '%'], ['^']];
const maxDepth = 200;

/** Parses one Architect expression; throws ExpressionSyntaxError at the offending token. */
export function parseExpression(text: string): ExpressionNode {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (error) {
    if (error instanceof LexError) throw new ExpressionSyntaxError(error.message, error.span);
    throw error;
  }
  return new Parser(tokens).parseAll();
}

class Parser {
  private position = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseAll(): ExpressionNode {
    if (this.peek().kind === 'end') throw new ExpressionSyntaxError('the expression is empty', this.peek().span);
    const node = this.parseBinary(0);
    const next = this.peek();
    if (next.kind !== 'end') {
      const hint = next.text === ')' ? 'a ")" closes nothing' : `unexpected "${next.text}"; an operator or the end was expected`;
      throw new ExpressionSyntaxError(hint, next.span);
    }
    return node;
  }

  private parseBinary(level: number): ExpressionNode {
    if (level >= binaryLevels.length) return this.parseUnary();
    const operators = binaryLevels[level]!;
    let left = this.parseBinary(level + 1);
    for (;;) {
      const token = this.peek();
      const operator = operatorOf(token);
      if (!operator || !operators.includes(operator)) return left;
      this.position++;
      // `^` binds right to left: 2^3^2 is 2^(3^2).
      const right = operator === '^' ? this.parseBinary(level) : this.parseBinary(level + 1);
      left = { kind: 'binary', operator, left, right, span: join(left.span, right.span), operatorSpan: token.span };
      if (operator === '^') return left;
    }
  }

  private parseUnary(): ExpressionNode {
    const token = this.peek();
    if (token.kind === 'operator' && (token.text === '-' || token.text === '+' || token.text === '!' || token.text === '~')) {
      this.position++;
      const operand = this.nested(() => this.parseUnary());
      return { kind: 'unary', operator: token.text, operand, span: join(token.span, operand.span) };
    }
    if (token.kind === 'identifier' && token.text.toLowerCase() === 'not' && this.tokens[this.position + 1]?.text === '(') {
      this.position++;
      const operand = this.nested(() => this.parseUnary());
      return { kind: 'unary', operator: '!', operand, span: join(token.span, operand.span) };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePostfix(node: ExpressionNode): ExpressionNode {
    for (;;) {
      const token = this.peek();
      if (token.text === '.' && token.kind === 'punctuation') {
        this.position++;
        const property = this.next();
        if (property.kind !== 'identifier' && property.kind !== 'opaque') {
          throw new ExpressionSyntaxError('a property name is expected after "."', property.span);
        }
        node = { kind: 'member', object: node, property: property.text, opaque: property.kind === 'opaque', span: join(node.span, property.span), propertySpan: property.span };
      } else if (token.text === '[' && token.kind === 'punctuation') {
        this.position++;
        const index = this.nested(() => this.parseBinary(0));
        const close = this.expect(']', token);
        node = { kind: 'index', object: node, index, span: join(node.span, close.span) };
      } else {
        return node;
      }
    }
  }

  private parsePrimary(): ExpressionNode {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return token.text.includes('.')
          ? { kind: 'literal', literal: 'decimal', value: Number(token.text), span: token.span }
          : { kind: 'literal', literal: 'integer', value: Number(token.text), span: token.span };
      case 'string':
        return { kind: 'literal', literal: 'string', value: token.value ?? '', span: token.span };
      case 'opaque':
        return { kind: 'opaque', span: token.span };
      case 'identifier': {
        const lower = token.text.toLowerCase();
        if (lower === 'true' || lower === 'false') return { kind: 'literal', literal: 'boolean', value: lower === 'true', span: token.span };
        if (lower === 'not_set') return { kind: 'literal', literal: 'notSet', value: null, span: token.span };
        if (lower === 'and' || lower === 'or') throw new ExpressionSyntaxError(`"${token.text}" needs a value on its left`, token.span);
        if (this.peek().text === '(' && this.peek().kind === 'punctuation') return this.parseCall(token);
        return { kind: 'name', name: token.text, span: token.span };
      }
      case 'punctuation':
        if (token.text === '(') {
          const inner = this.nested(() => this.parseBinary(0));
          this.expect(')', token);
          return inner;
        }
        if (token.text === '[') {
          const items = this.parseList(']', token);
          return { kind: 'list', items: items.nodes, span: join(token.span, items.close.span) };
        }
        break;
      case 'end':
        throw new ExpressionSyntaxError('the expression ends too early: a value is missing', token.span);
      default:
        break;
    }
    throw new ExpressionSyntaxError(`unexpected "${token.text}"; a value was expected`, token.span);
  }

  private parseCall(name: Token): ExpressionNode {
    const open = this.next();
    const { nodes, close } = this.parseList(')', open);
    return { kind: 'call', callee: name.text, calleeSpan: name.span, args: nodes, span: join(name.span, close.span) };
  }

  private parseList(closing: string, open: Token): { nodes: ExpressionNode[]; close: Token } {
    const nodes: ExpressionNode[] = [];
    if (this.peek().text === closing) return { nodes, close: this.next() };
    for (;;) {
      nodes.push(this.nested(() => this.parseBinary(0)));
      const token = this.peek();
      if (token.text === ',' && token.kind === 'punctuation') {
        this.position++;
        continue;
      }
      return { nodes, close: this.expect(closing, open) };
    }
  }

  private expect(text: string, open: Token): Token {
    const token = this.peek();
    if (token.text === text && token.kind === 'punctuation') return this.next();
    if (token.kind === 'end') {
      throw new ExpressionSyntaxError(`"${open.text}" is never closed: add "${text}"`, open.span);
    }
    throw new ExpressionSyntaxError(`unexpected "${token.text}"; "${text}" or "," was expected`, token.span);
  }

  private nested<T>(parse: () => T): T {
    if (++this.depth > maxDepth) throw new ExpressionSyntaxError(`the expression nests more than ${maxDepth} levels deep`, this.peek().span);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private peek(): Token {
    return this.tokens[this.position]!;
  }

  private next(): Token {
    const token = this.tokens[this.position]!;
    if (token.kind !== 'end') this.position++;
    return token;
  }
}

function operatorOf(token: Token): string | undefined {
  if (token.kind === 'operator') return token.text;
  if (token.kind === 'identifier') {
    const lower = token.text.toLowerCase();
    if (lower === 'and' || lower === 'or') return lower;
  }
  return undefined;
}

function join(a: Span, b: Span): Span {
  return { offset: a.offset, length: b.offset + b.length - a.offset };
}
