import { JavaDouble } from '../java/double.js';

export { JavaDouble, javaDoubleText } from '../java/double.js';

/** An Integer or Long (a safe JS integer), a Long or BigInteger beyond that (bigint), or a Double. */
export type JavaNumber = number | bigint | JavaDouble;

export function isJavaNumber(value: unknown): value is JavaNumber {
  return typeof value === 'number' || typeof value === 'bigint' || value instanceof JavaDouble;
}

export function numberValue(value: JavaNumber): number {
  return typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : value.value;
}
