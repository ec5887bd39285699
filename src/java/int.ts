const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** `Integer.parseInt`: optional sign, ASCII digits, 32-bit range; anything else is rejected (null). */
export function parseJavaInt(text: string): number | null {
  if (!/^[+-]?\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= INT_MIN && value <= INT_MAX ? value : null;
}
