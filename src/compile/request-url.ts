import type { RequestSpec } from '../spec/action-spec.js';
import { reportUndeclaredInput, type CompileContext } from './compile-context.js';
import { joinConditional, type JoinItem } from './conditional-join.js';
import { splitPlaceholders, type TextPart } from './placeholders.js';
import { inputsSetCondition, velocityLiteral } from './velocity-text.js';

/** `requestUrlTemplate` from `url` (+ `query`) or the raw `urlTemplate`. */
export function compileUrl(request: RequestSpec, context: CompileContext): string {
  if (request.urlTemplate !== undefined) return request.urlTemplate;
  const url = request.url ?? '';
  let template = '';
  for (const part of splitPlaceholders(url)) {
    if ('text' in part) {
      template += part.text;
      continue;
    }
    const input = context.inputs.get(part.input);
    if (!input) reportUndeclaredInput(context, part.input, ['request', 'url'], part);
    else if (!input.required) {
      context.findings.push({
        ruleId: 'optional-input-in-url',
        severity: 'error',
        message: `{${part.input}} is optional, but the URL cannot be built without it; make the input required or pass it under query`,
        path: ['request', 'url'],
        span: part,
      });
    }
    template += `$esc.url(\${input.${part.input}})`;
  }
  return template + compileQuery(request.query ?? {}, url.includes('?'), context);
}

function compileQuery(query: Record<string, string | number | boolean>, urlHasQuery: boolean, context: CompileContext): string {
  const items: JoinItem[] = Object.entries(query).map(([name, value]) => {
    const parts = splitPlaceholders(String(value));
    const optional: string[] = [];
    const encoded = parts.map((part) => encodeQueryPart(part, name, context, optional)).join('');
    const item: JoinItem = { text: `${velocityLiteral(formEncode(name))}=${encoded}` };
    if (optional.length) item.guard = inputsSetCondition(optional);
    return item;
  });
  return joinConditional(items, {
    open: urlHasQuery ? '&' : '?',
    separator: '&',
    indent: '',
    newline: '',
    variable: 'dactlQuerySeparator',
  });
}

function encodeQueryPart(part: TextPart, name: string, context: CompileContext, optional: string[]): string {
  if ('text' in part) return velocityLiteral(formEncode(part.text));
  const input = context.inputs.get(part.input);
  if (!input) reportUndeclaredInput(context, part.input, ['request', 'query', name], part);
  else if (!input.required && !optional.includes(part.input)) optional.push(part.input);
  return `$esc.url(\${input.${part.input}})`;
}

/** Form encoding as Java's URLEncoder writes it (what `$esc.url` does at run time). */
export function formEncode(text: string): string {
  return encodeURIComponent(text)
    .replace(/%20/g, '+')
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
