import type { PathSegment } from '../diagnostics/index.js';
import { reportUndeclaredInput, type CompileContext } from './compile-context.js';
import { joinConditional, type JoinItem } from './conditional-join.js';
import { splitPlaceholders } from './placeholders.js';
import { inputsSetCondition, velocityLiteral } from './velocity-text.js';
import { formEncode } from '../velocity/tools/form-encoding.js';

export type FormFields = Record<string, string | number | boolean>;

/**
 * `name=value&…` as a Velocity template: literal text form-encoded now (as Java's URLEncoder does), `{name}` placeholders through
 * `$esc.url` at run time, and a field left out when an optional input it needs is unset. Used for query strings
 * and for `application/x-www-form-urlencoded` bodies.
 */
export function compileFormFields(
  fields: FormFields,
  context: CompileContext,
  where: { path: PathSegment[]; open: string; variable: string },
): string {
  const items: JoinItem[] = Object.entries(fields).map(([name, value]) => {
    const optional: string[] = [];
    const encoded = splitPlaceholders(String(value))
      .map((part) => {
        if ('text' in part) return velocityLiteral(formEncode(part.text));
        const input = context.inputs.get(part.input);
        if (!input) reportUndeclaredInput(context, part.input, [...where.path, name], part);
        else if (!input.required && !optional.includes(part.input)) optional.push(part.input);
        return `$esc.url(\${input.${part.input}})`;
      })
      .join('');
    const item: JoinItem = { text: `${velocityLiteral(formEncode(name))}=${encoded}` };
    if (optional.length) item.guard = inputsSetCondition(optional);
    return item;
  });
  return joinConditional(items, { open: where.open, separator: '&', indent: '', newline: '', variable: where.variable });
}
