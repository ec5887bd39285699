import { documentNumberText } from '../java/big-decimal.js';
import { JsonPathEvaluationError } from './errors.js';
import { JavaDouble, javaDoubleText } from '../java/double.js';
import { toJsonText } from './json-text.js';
import { isArray, isMap, propertyKeys } from './json-model.js';

/** A function argument, evaluated on demand (Jayway binds arguments late). */
export interface ArgumentValue {
  readonly kind: 'path' | 'json';
  value(): unknown;
  /** For length(): the argument path with a trailing wildcard, evaluated on the current model. */
  children?(model: unknown): unknown;
}

export const FUNCTION_NAMES = ['length', 'size', 'min', 'max', 'avg', 'stddev', 'sum', 'keys', 'concat', 'append', 'first', 'last', 'index'] as const;

function numbersIn(value: unknown): number[] {
  if (isArray(value)) return value.flatMap((item) => (typeof item === 'number' ? [item] : item instanceof JavaDouble ? [item.value] : []));
  if (typeof value === 'number') return [value];
  if (value instanceof JavaDouble) return [value.value];
  return [];
}

/** `Object.toString()` of a concat() argument as json-smart holds it: lists and maps print as compact JSON. */
function javaToString(value: unknown): string {
  if (typeof value === 'number') return documentNumberText(value);
  if (value instanceof JavaDouble) return javaDoubleText(value.value);
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) return toJsonText({ found: true, value });
  return String(value);
}

function aggregate(name: string, model: unknown, args: readonly ArgumentValue[]): JavaDouble {
  const values = [...(isArray(model) ? numbersIn(model) : []), ...args.flatMap((arg) => numbersIn(arg.value()))];
  if (values.length === 0) {
    throw new JsonPathEvaluationError('JsonPathException', `${name}() found no numbers to aggregate`);
  }
  const sum = values.reduce((total, value) => total + value, 0);
  switch (name) {
    case 'sum': return new JavaDouble(sum);
    case 'avg': return new JavaDouble(sum / values.length);
    case 'min': return new JavaDouble(Math.min(...values));
    case 'max': return new JavaDouble(Math.max(...values));
    default: {
      const sumOfSquares = values.reduce((total, value) => total + value * value, 0);
      const n = values.length;
      return new JavaDouble(Math.sqrt(sumOfSquares / n - (sum * sum) / n / n));
    }
  }
}

/** AbstractSequenceAggregation (first, last, index): fails with a JsonPathException, never PathNotFound. */
function element(name: string, model: unknown, target: number): unknown {
  if (!isArray(model)) throw new JsonPathEvaluationError('JsonPathException', `${name}() needs an array but found ${describeValue(model)}`);
  if (target >= 0) {
    if (target >= model.length) throw new JsonPathEvaluationError('JsonPathException', `${name}(): index ${target} is out of range (${model.length} items)`);
    return model[target];
  }
  const real = model.length + target;
  // Jayway requires real > 0, so last() of a one-element array fails; kept for fidelity.
  if (real > 0) return model[real];
  throw new JsonPathEvaluationError('JsonPathException', `${name}(): target index ${target} is larger than the item count ${model.length}`);
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (isArray(value)) return 'an array';
  if (isMap(value)) return 'an object';
  if (value instanceof JavaDouble) return `the number ${value.value}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `the ${typeof value} ${String(value)}`;
}

/** Jayway's PathFunctionFactory functions; `model` is the value the function is applied to. */
export function invokeFunction(name: string, model: unknown, args: readonly ArgumentValue[]): unknown {
  switch (name) {
    case 'length':
    case 'size': {
      const first = args[0];
      if (first?.children) {
        const inner = first.children(model);
        if (isArray(inner)) return inner.length;
      }
      if (isArray(model)) return model.length;
      if (isMap(model)) return propertyKeys(model).length;
      return null;
    }
    case 'min':
    case 'max':
    case 'avg':
    case 'stddev':
    case 'sum':
      return aggregate(name, model, args);
    case 'keys':
      return isMap(model) ? propertyKeys(model) : null;
    case 'concat':
      // Jayway takes only the strings of the array it is applied to, but every non-null argument's toString().
      return [
        ...(isArray(model) ? model.filter((item): item is string => typeof item === 'string') : []),
        ...args.map((arg) => arg.value()).filter((value) => value !== null && value !== undefined).map(javaToString),
      ].join('');
    case 'append':
      // Jayway appends to the document in place; a copy keeps the caller's document unchanged.
      return isArray(model) ? [...model, ...args.map((arg) => arg.value())] : model;
    case 'first':
      return element(name, model, 0);
    case 'last':
      return element(name, model, -1);
    case 'index': {
      const index = args.flatMap((arg) => numbersIn(arg.value()))[0];
      if (index === undefined) throw new JsonPathEvaluationError('JsonPathException', 'index() needs a number argument');
      return element(name, model, Math.trunc(index));
    }
    default:
      throw new JsonPathEvaluationError('InvalidPathException', `function ${name}() does not exist`);
  }
}
