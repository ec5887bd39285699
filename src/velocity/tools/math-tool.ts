import { JavaDouble, isJavaNumber, numberValue, type JavaNumber } from '../java-double.js';
import { defineTool, type VelocityTool } from './velocity-tool.js';

/** VelocityTools `ConversionUtils.toNumber`: numbers as they are, strings parsed, anything else null. */
function toNumber(value: unknown): JavaNumber | undefined {
  if (isJavaNumber(value)) return value;
  if (typeof value !== 'string') return undefined;
  if (value.includes('.')) {
    const parsed = Number(value);
    return Number.isNaN(parsed) || value.trim() === '' ? undefined : new JavaDouble(parsed);
  }
  return /^[-+]?\d+$/.test(value) ? Number.parseInt(value, 10) : undefined;
}

/** MathTool 2.0 as measured: a whole-number result is an Integer, anything else a Double. */
function matchType(result: number, _inputs: JavaNumber[]): JavaNumber {
  return Number.isInteger(result) ? result : new JavaDouble(result);
}

function numbers(values: unknown[]): JavaNumber[] | undefined {
  const converted = values.map(toNumber);
  return converted.some((n) => n === undefined) ? undefined : (converted as JavaNumber[]);
}

function fold(values: unknown[], step: (acc: number, next: number) => number | undefined): JavaNumber | undefined {
  const ns = numbers(values);
  if (!ns || ns.length === 0) return undefined;
  let acc = numberValue(ns[0] as JavaNumber);
  for (const n of ns.slice(1)) {
    const next = step(acc, numberValue(n));
    if (next === undefined) return undefined;
    acc = next;
  }
  return matchType(acc, ns);
}

function unary<T>(value: unknown, apply: (n: number, original: JavaNumber) => T): T | undefined {
  const n = toNumber(value);
  return n === undefined ? undefined : apply(numberValue(n), n);
}

const toInt = (n: number): number => Math.trunc(n) | 0;

/** VelocityTools 2.0 `MathTool`. */
export function createMathTool(): VelocityTool {
  return defineTool('org.apache.velocity.tools.generic.MathTool', {
    add: (...values) => fold(values, (a, b) => a + b),
    sub: (...values) => fold(values, (a, b) => a - b),
    mul: (...values) => fold(values, (a, b) => a * b),
    div: (...values) => fold(values, (a, b) => (b === 0 ? undefined : a / b)),
    max: (...values) => fold(values, (a, b) => Math.max(a, b)),
    min: (...values) => fold(values, (a, b) => Math.min(a, b)),
    pow: (a, b) => fold([a, b], (x, y) => x ** y),
    idiv: (a, b) => {
      const ns = numbers([a, b]);
      if (!ns || toInt(numberValue(ns[1] as JavaNumber)) === 0) return undefined;
      return toInt(Math.trunc(toInt(numberValue(ns[0] as JavaNumber)) / toInt(numberValue(ns[1] as JavaNumber))));
    },
    mod: (a, b) => {
      const ns = numbers([a, b]);
      if (!ns || toInt(numberValue(ns[1] as JavaNumber)) === 0) return undefined;
      return toInt(numberValue(ns[0] as JavaNumber)) % toInt(numberValue(ns[1] as JavaNumber));
    },
    abs: (value) => unary(value, (n, original) => matchType(Math.abs(n), [original])),
    ceil: (value) => unary(value, (n) => toInt(Math.ceil(n))),
    floor: (value) => unary(value, (n) => toInt(Math.floor(n))),
    round: (value) => unary(value, (n) => toInt(roundHalfEven(n))),
    roundTo: (decimals, value) => {
      const places = toNumber(decimals);
      return unary(value, (n) => {
        const factor = 10 ** Math.trunc(numberValue(places ?? 0));
        return new JavaDouble(Math.round(n * factor) / factor);
      });
    },
    toInteger: (value) => unary(value, (n) => toInt(n)),
    toDouble: (value) => unary(value, (n) => new JavaDouble(n)),
    toNumber: (value) => toNumber(value),
  });
}

/** `Math.rint`: halves go to the even neighbour. */
function roundHalfEven(n: number): number {
  const floor = Math.floor(n);
  const diff = n - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}
