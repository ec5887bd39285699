/** A piece of structured text: literal text, or a `{name}` placeholder for an input. */
export type TextPart = { text: string } | { input: string; offset: number; length: number };

const placeholder = /\{([A-Za-z][A-Za-z0-9_-]*)\}/g;

/**
 * Splits structured text on `{name}` placeholders. A `{` right after `$` or `$!` belongs to Velocity
 * (`${input.x}`, `$!{x}`) and is left as text.
 */
export function splitPlaceholders(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(placeholder)) {
    const offset = match.index;
    const before = text.slice(Math.max(0, offset - 2), offset);
    if (before.endsWith('$') || before === '$!') continue;
    if (offset > last) parts.push({ text: text.slice(last, offset) });
    parts.push({ input: match[1] as string, offset, length: match[0].length });
    last = offset + match[0].length;
  }
  if (last < text.length || parts.length === 0) parts.push({ text: text.slice(last) });
  return parts;
}

export function placeholderInputs(parts: TextPart[]): string[] {
  return parts.flatMap((part) => ('input' in part ? [part.input] : []));
}
