import { JavaDouble, numberValue, type JavaNumber } from './java-double.js';

/**
 * Velocity 1.7's `MathUtils`: integer operations never wrap, they widen (Integer → Long → BigInteger),
 * so integers are exact here (a JS number while safe, a bigint beyond); any Double operand makes a Double.
 * Division or modulo by zero gives null (undefined), as Velocity's math nodes do.
 */
export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';

function toBigInt(value: number | bigint): bigint {
  return typeof value === 'bigint' ? value : BigInt(value);
}

export function integerValue(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

function isDouble(value: JavaNumber): boolean {
  return value instanceof JavaDouble || (typeof value === 'number' && !Number.isInteger(value));
}

export function javaArithmetic(operator: ArithmeticOperator, a: JavaNumber, b: JavaNumber): JavaNumber | undefined {
  if (isDouble(a) || isDouble(b)) {
    const x = numberValue(a);
    const y = numberValue(b);
    if ((operator === '/' || operator === '%') && y === 0) return undefined;
    switch (operator) {
      case '+': return new JavaDouble(x + y);
      case '-': return new JavaDouble(x - y);
      case '*': return new JavaDouble(x * y);
      case '/': return new JavaDouble(x / y);
      default: return new JavaDouble(x % y);
    }
  }
  const x = a as number | bigint;
  const y = b as number | bigint;
  if (typeof x === 'number' && typeof y === 'number') {
    if ((operator === '/' || operator === '%') && y === 0) return undefined;
    let result: number;
    switch (operator) {
      case '+': result = x + y; break;
      case '-': result = x - y; break;
      case '*': result = x * y; break;
      case '/': result = Math.trunc(x / y); break;
      default: result = x % y;
    }
    if (Number.isSafeInteger(result)) return Object.is(result, -0) ? 0 : result;
  }
  const p = toBigInt(x);
  const q = toBigInt(y);
  if ((operator === '/' || operator === '%') && q === 0n) return undefined;
  switch (operator) {
    case '+': return integerValue(p + q);
    case '-': return integerValue(p - q);
    case '*': return integerValue(p * q);
    case '/': return integerValue(p / q);
    default: return integerValue(p % q);
  }
}

/** `MathUtils.compare`: -1, 0 or 1. */
export function javaCompareNumbers(a: JavaNumber, b: JavaNumber): number {
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    if (isDouble(a) || isDouble(b)) return Math.sign(numberValue(a) - numberValue(b));
    const p = toBigInt(a as number | bigint);
    const q = toBigInt(b as number | bigint);
    return p < q ? -1 : p > q ? 1 : 0;
  }
  const x = numberValue(a);
  const y = numberValue(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
