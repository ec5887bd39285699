import { preview } from './contract-validator.js';
import { isJsonObject } from '../json/json-values.js';

/**
 * The first place two JSON values differ, as `where: expected X, got Y`, or undefined when they are
 * equal. Key order does not matter; numbers compare by value (3 and 3.0 are equal).
 */
export function firstDifference(expected: unknown, actual: unknown, where: string): string | undefined {
  const stack: Array<[unknown, unknown, string]> = [[expected, actual, where]];
  while (stack.length > 0) {
    const [want, got, path] = stack.pop() as [unknown, unknown, string];
    if (Object.is(want, got) || (typeof want === 'number' && want === got)) continue;
    if (Array.isArray(want) && Array.isArray(got)) {
      if (want.length !== got.length) return `${path}: expected ${want.length} item${want.length === 1 ? '' : 's'} ${preview(want)}, got ${got.length} ${preview(got)}`;
      for (let i = want.length - 1; i >= 0; i--) stack.push([want[i], got[i], `${path}[${i}]`]);
      continue;
    }
    if (isJsonObject(want) && isJsonObject(got)) {
      const missing = Object.keys(want).filter((key) => !Object.hasOwn(got, key));
      if (missing.length) return `${path}: expected ${missing.map((k) => `\`${k}\``).join(', ')}, which the result does not have (got ${preview(got)})`;
      const extra = Object.keys(got).filter((key) => !Object.hasOwn(want, key));
      if (extra.length) return `${path}: the result also has ${extra.map((k) => `\`${k}\` = ${preview(got[k])}`).join(', ')}, which the test does not expect`;
      for (const key of Object.keys(want).reverse()) stack.push([want[key], got[key], `${path}.${key}`]);
      continue;
    }
    return `${path}: expected ${preview(want)}, got ${preview(got)}`;
  }
  return undefined;
}

