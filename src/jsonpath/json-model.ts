import { JsonPathEvaluationError } from './errors.js';

/** Jayway's JsonProvider.UNDEFINED: a property that is absent (as opposed to present and null). */
export const UNDEFINED: unique symbol = Symbol('undefined');
export type Maybe<T> = T | typeof UNDEFINED;

export type JsonMap = Record<string, unknown>;

export const MAX_DOCUMENT_DEPTH = 2_000;

export function isMap(value: unknown): value is JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isArray(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

/** Own properties only, so `__proto__` or `constructor` never reach the prototype chain. */
export function readProperty(model: JsonMap, name: string): Maybe<unknown> {
  return Object.prototype.hasOwnProperty.call(model, name) ? model[name] : UNDEFINED;
}

export function hasProperty(model: JsonMap, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(model, name);
}

export function propertyKeys(model: JsonMap): string[] {
  return Object.keys(model);
}

export function setProperty(target: JsonMap, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/** Structural equality as Java's Map/List equals; bounded by MAX_DOCUMENT_DEPTH. */
export function deepEqual(a: unknown, b: unknown, depth = 0): boolean {
  if (depth > MAX_DOCUMENT_DEPTH) throw tooDeep();
  if (a === b) return true;
  if (isArray(a)) {
    if (!isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i], depth + 1));
  }
  if (isMap(a)) {
    if (!isMap(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => hasProperty(b, key) && deepEqual(a[key], b[key], depth + 1));
  }
  return false;
}

export function tooDeep(): JsonPathEvaluationError {
  return new JsonPathEvaluationError('JsonPathException', `the document is nested more than ${MAX_DOCUMENT_DEPTH} levels deep`);
}
