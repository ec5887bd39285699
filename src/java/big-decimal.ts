import { javaDoubleText } from './double.js';

/**
 * The text `new BigDecimal(literal).toString()` gives, or null where the constructor throws.
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

/**
 * How Jayway (json-smart) prints a document number: integers within a long as integers, others as a
 * Double. JSON.parse keeps no text, so `-0` and `-0.0` both read as an integer zero and print `0`.
 */
export function documentNumberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 2 ** 63) return Object.is(value, -0) ? '0' : String(value);
  return javaDoubleText(value);
}
