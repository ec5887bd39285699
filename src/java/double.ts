/**
 * A Java `double` that prints as Java does (`3.0`, `1.0E10`, `-0.0`). JSON has one number type, so a value
 * that Java holds as a Double (a Velocity `1.5 + 1.5`, a Jayway `sum()`) is wrapped to keep its text.
 */
export class JavaDouble {
  constructor(readonly value: number) {}

  valueOf(): number {
    return this.value;
  }

  toString(): string {
    return javaDoubleText(this.value);
  }
}

export type JavaNumber = number | JavaDouble;

export function isJavaNumber(value: unknown): value is JavaNumber {
  return typeof value === 'number' || value instanceof JavaDouble;
}

export function numberValue(value: JavaNumber): number {
  return typeof value === 'number' ? value : value.value;
}

export function unboxDouble(value: unknown): unknown {
  return value instanceof JavaDouble ? value.value : value;
}

/**
 * `Double.toString`: plain notation with at least one fraction digit for 1e-3 <= |v| < 1e7, otherwise
 * computerized scientific notation (`1.0E-4`). Digits are the shortest that round-trip (at least two in
 * scientific notation), as Java 19+ specifies; older JDKs print more digits for a few values.
 */
export function javaDoubleText(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = String(value);
    return text.includes('.') ? text : `${text}.0`;
  }
  // Java prints at least two significant digits, the pair closest to the value (4.9E-324, not 5.0E-324).
  const shortest = value.toExponential();
  const [mantissa = '', exponent = ''] = (shortest.includes('.') ? shortest : value.toExponential(1)).split('e');
  return `${mantissa}E${exponent.replace('+', '')}`;
}
