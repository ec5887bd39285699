/** A Java `Double`: prints as Java does (`3.0`, `1.0E10`), so `1.5 + 1.5` shows `3.0` like Velocity. */
export class JavaDouble {
  constructor(readonly value: number) {}

  valueOf(): number {
    return this.value;
  }

  toString(): string {
    return javaDoubleText(this.value);
  }
}

export function javaDoubleText(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = String(value);
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa = '', exponent = ''] = value.toExponential().split('e');
  const digits = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${digits}E${exponent.replace('+', '')}`;
}

/** An Integer or Long (a safe JS integer), a Long or BigInteger beyond that (bigint), or a Double. */
export type JavaNumber = number | bigint | JavaDouble;

export function isJavaNumber(value: unknown): value is JavaNumber {
  return typeof value === 'number' || typeof value === 'bigint' || value instanceof JavaDouble;
}

export function numberValue(value: JavaNumber): number {
  return typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : value.value;
}
