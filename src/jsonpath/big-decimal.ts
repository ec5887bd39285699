/**
 * The text Java's BigDecimal(String).toString() gives, and Double.toString for document numbers.
 * Jayway compares a number with a string through these texts (`'42' == 42`).
 */
export function bigDecimalText(literal: string): string | null {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(literal);
  if (!match) return null;
  const [, sign = '', intPart = '', fracPart = '', exponent = '0'] = match;
  if (intPart === '' && fracPart === '') return null;
  let digits = (intPart + fracPart).replace(/^0+(?=\d)/, '');
  const scale = fracPart.length - Number(exponent);
  const negative = sign === '-' && /[1-9]/.test(digits);
  if (/^0+$/.test(digits)) digits = '0';
  const adjusted = digits.length - 1 - scale;
  let text: string;
  if (scale >= 0 && adjusted >= -6) {
    if (scale === 0) text = digits;
    else if (digits.length > scale) text = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
    else text = `0.${'0'.repeat(scale - digits.length)}${digits}`;
  } else {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    text = `${mantissa}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
  }
  return negative ? `-${text}` : text;
}

/** Java Double.toString for the usual range: integral values keep ".0". */
export function javaDoubleText(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e7 || magnitude < 1e-3)) {
    const [mantissa = '0', exponent = '0'] = value.toExponential().split('e');
    const withPoint = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
    return `${withPoint}E${Number(exponent)}`;
  }
  const text = String(value);
  return Number.isInteger(value) ? `${text === '-0' ? '-0' : text}.0` : text;
}

/** How Jayway would print a document number: integers as integers, others as Java doubles. */
export function documentNumberText(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? String(value) : javaDoubleText(value);
}
