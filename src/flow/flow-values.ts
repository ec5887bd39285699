import type { ValueSpec } from './flow-spec.js';
import type { ValueWrapper } from './call-data-view.js';

export interface WrappedValue {
  wrapper: Extract<ValueWrapper, 'exp' | 'lit'>;
  value: unknown;
  /** Path below the value's own path where the expression text sits (`['exp']` for `{exp: …}`). */
  expressionPath: string[] | undefined;
}

/** A spec value as Archy writes it: strings are expressions, numbers and booleans literals. */
export function wrapValue(value: ValueSpec): WrappedValue {
  if (typeof value === 'string') return { wrapper: 'exp', value, expressionPath: [] };
  if (typeof value === 'number' || typeof value === 'boolean') return { wrapper: 'lit', value, expressionPath: undefined };
  if ('exp' in value) return { wrapper: 'exp', value: value.exp, expressionPath: ['exp'] };
  return { wrapper: 'lit', value: value.lit, expressionPath: undefined };
}

export interface VariableReference {
  scope: string;
  name: string;
  /** Offset of the reference in the expression text. */
  offset: number;
  length: number;
}

const reference = /(?<![\w.])(Flow|Common|State|Task)\.([A-Za-z_][A-Za-z0-9_]*)/g;

/** References to flow-scoped variables in an Architect expression, skipping string literals. */
export function variableReferences(expression: string): VariableReference[] {
  const code = expression.replace(/"(?:[^"\\]|\\.)*"/g, (literal) => ' '.repeat(literal.length));
  return [...code.matchAll(reference)].map((match) => ({
    scope: match[1] as string,
    name: match[2] as string,
    offset: match.index,
    length: match[0].length,
  }));
}

/** `Flow.x` or `x` → `x`. */
export function bareVariableName(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(dot + 1);
}
