import { JavaDouble } from './java-double.js';
import { isVelocityTool } from './tools/velocity-tool.js';

const javaArrays = new WeakMap<unknown[], number>();
let identities = 0;

/** Marks a list as a Java `String[]` (what `split` returns): it prints as `[Ljava.lang.String;@1b6d3586`. */
export function markJavaArray<T extends unknown[]>(list: T): T {
  javaArrays.set(list, (0x1b6d3586 + ++identities * 0x9e3779b1) >>> 0);
  return list;
}

export function isJavaArray(value: unknown): boolean {
  return Array.isArray(value) && javaArrays.has(value);
}

/** `String.valueOf` as Java would print the value Velocity holds. */
export function javaText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : new JavaDouble(value).toString();
  if (typeof value === 'bigint' || typeof value === 'boolean' || value instanceof JavaDouble) return String(value);
  if (Array.isArray(value)) {
    const identity = javaArrays.get(value);
    if (identity !== undefined) return `[Ljava.lang.String;@${identity.toString(16)}`;
    return `[${value.map(javaText).join(', ')}]`;
  }
  if (isVelocityTool(value)) return `${value.javaClass}@0`;
  if (typeof value === 'object') {
    const entries = Object.keys(value).map((key) => `${key}=${javaText((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

export function javaClassName(value: unknown): string {
  if (typeof value === 'string') return 'java.lang.String';
  if (typeof value === 'number') return Number.isInteger(value) ? (Math.abs(value) <= 2147483647 ? 'java.lang.Integer' : 'java.lang.Long') : 'java.lang.Double';
  if (typeof value === 'bigint') return 'java.math.BigInteger';
  if (value instanceof JavaDouble) return 'java.lang.Double';
  if (typeof value === 'boolean') return 'java.lang.Boolean';
  if (isJavaArray(value)) return '[Ljava.lang.String;';
  if (Array.isArray(value)) return 'java.util.ArrayList';
  if (isVelocityTool(value)) return value.javaClass;
  return 'java.util.LinkedHashMap';
}
