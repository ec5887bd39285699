import { JavaDouble, javaDoubleText } from '../java/double.js';

/**
 * JSON text of a query result as Genesys hands translation values to Velocity. A Java Double
 * (from sum(), avg() …) keeps its ".0": `10.0`, not `10`. Serialises without recursion so results
 * from very deep documents cannot overflow the stack.
 */
export function toJsonText(result: { found: true; value: unknown; double?: boolean }): string {
  if (result.double && typeof result.value === 'number') return javaDoubleText(result.value);
  return stringifyIteratively(result.value);
}

/** Results larger than this are refused rather than exhausting memory. */
export const MAX_JSON_TEXT = 64 * 1024 * 1024;

type Frame =
  | { readonly kind: 'array'; readonly items: readonly unknown[]; index: number }
  | { readonly kind: 'object'; readonly source: Record<string, unknown>; readonly keys: readonly string[]; index: number };

function scalarText(value: unknown): string | undefined {
  if (value instanceof JavaDouble) return javaDoubleText(value.value);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  return undefined;
}

function stringifyIteratively(value: unknown): string {
  const parts: string[] = [];
  const stack: Frame[] = [];
  let size = 0;
  const push = (text: string): void => {
    size += text.length;
    if (size > MAX_JSON_TEXT) throw new RangeError(`the result is larger than ${MAX_JSON_TEXT} characters of JSON`);
    parts.push(text);
  };
  const open = (item: unknown): void => {
    const scalar = scalarText(item);
    if (scalar !== undefined) {
      push(scalar);
    } else if (Array.isArray(item)) {
      push('[');
      stack.push({ kind: 'array', items: item, index: 0 });
    } else {
      const source = item as Record<string, unknown>;
      push('{');
      stack.push({ kind: 'object', source, keys: Object.keys(source).filter((key) => source[key] !== undefined), index: 0 });
    }
  };
  open(value);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const done = frame.kind === 'array' ? frame.index >= frame.items.length : frame.index >= frame.keys.length;
    if (done) {
      push(frame.kind === 'array' ? ']' : '}');
      stack.pop();
      continue;
    }
    if (frame.index > 0) push(',');
    if (frame.kind === 'array') {
      open(frame.items[frame.index++]);
    } else {
      const key = frame.keys[frame.index++] as string;
      push(`${JSON.stringify(key)}:`);
      open(frame.source[key]);
    }
  }
  return parts.join('');
}
