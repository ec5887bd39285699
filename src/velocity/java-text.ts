import { JavaDouble } from './java-double.js';
import { isVelocityTool } from './tools/velocity-tool.js';

/** `String.valueOf` as Java would print the value Velocity holds. */
export function javaText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : new JavaDouble(value).toString();
  if (typeof value === 'boolean' || value instanceof JavaDouble) return String(value);
  if (Array.isArray(value)) return `[${value.map(javaText).join(', ')}]`;
  if (isVelocityTool(value)) return `${value.javaClass}@0`;
  if (typeof value === 'object') {
    const entries = Object.keys(value).map((key) => `${key}=${javaText((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

export function javaClassName(value: unknown): string {
  if (typeof value === 'string') return 'java.lang.String';
  if (typeof value === 'number') return Number.isInteger(value) ? 'java.lang.Integer' : 'java.lang.Double';
  if (value instanceof JavaDouble) return 'java.lang.Double';
  if (typeof value === 'boolean') return 'java.lang.Boolean';
  if (Array.isArray(value)) return 'java.util.ArrayList';
  if (isVelocityTool(value)) return value.javaClass;
  return 'java.util.LinkedHashMap';
}
