/** A span of the expression text: offset and length in UTF-16 units. */
export interface Span {
  offset: number;
  length: number;
}

export type LiteralKind = 'string' | 'integer' | 'decimal' | 'boolean' | 'notSet';

export type ExpressionNode =
  | { kind: 'literal'; literal: LiteralKind; value: string | number | boolean | null; span: Span }
  /** A `{{name}}` substitution left for publish time: it could be any value. */
  | { kind: 'opaque'; span: Span }
  | { kind: 'name'; name: string; span: Span }
  | { kind: 'member'; object: ExpressionNode; property: string; opaque: boolean; span: Span; propertySpan: Span }
  | { kind: 'index'; object: ExpressionNode; index: ExpressionNode; span: Span }
  | { kind: 'call'; callee: string; calleeSpan: Span; args: ExpressionNode[]; span: Span }
  | { kind: 'list'; items: ExpressionNode[]; span: Span }
  | { kind: 'unary'; operator: string; operand: ExpressionNode; span: Span }
  | { kind: 'binary'; operator: string; left: ExpressionNode; right: ExpressionNode; span: Span; operatorSpan: Span };

export interface ExpressionProblem {
  code: 'syntax' | 'unknown-function' | 'arguments' | 'type' | 'undeclared-variable';
  message: string;
  span: Span;
}
