import type { TemplateReference } from '../velocity/index.js';
import type { TemplateField } from './action-facts.js';
import type { Span } from './define-rule.js';

export const velocityTools = new Set(['esc', 'math', 'successTemplateUtils', 'urlTool', 'encoding', 'salesforce']);

/** The input a reference reads (`x` for `${input.x}`), if it reads one. */
export function inputNameOf(ref: TemplateReference): string | undefined {
  if (ref.root !== 'input') return undefined;
  return ref.name.split('.')[1];
}

export function referenceText(field: TemplateField, ref: TemplateReference): string {
  return field.text.slice(ref.offset, ref.offset + ref.length);
}

/** The span of the `index`-th dotted segment of the reference's name (`x` in `$!{input.x}` for 1). */
export function segmentSpan(field: TemplateField, ref: TemplateReference, index: number): Span {
  const prefix = /^\$!?\{?/.exec(referenceText(field, ref))?.[0].length ?? 1;
  const segments = ref.name.split('.');
  let offset = ref.offset + prefix;
  for (let i = 0; i < index; i++) offset += (segments[i]?.length ?? 0) + 1;
  return { offset, length: segments[index]?.length ?? ref.length };
}

export function referenceSpan(ref: TemplateReference): Span {
  return { offset: ref.offset, length: ref.length };
}

/** Which argument of the call `call` the reference `ref` stands in (0-based), counting top-level commas. */
export function argumentIndex(field: TemplateField, call: TemplateReference, ref: TemplateReference): number {
  const text = field.text;
  let i = text.indexOf('(', call.offset);
  if (i < 0 || i > ref.offset) return 0;
  let depth = 0;
  let index = 0;
  let quote: string | undefined;
  for (; i < ref.offset; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) index++;
  }
  return index;
}

/** The nearest reference that calls a method and contains `ref` among its arguments. */
export function enclosingCall(references: readonly TemplateReference[], ref: TemplateReference): TemplateReference | undefined {
  let best: TemplateReference | undefined;
  for (const other of references) {
    if (other === ref || !other.call) continue;
    if (other.offset <= ref.offset && other.offset + other.length >= ref.offset + ref.length) {
      if (!best || other.length < best.length) best = other;
    }
  }
  return best;
}
