import type { RequestSpec } from '../spec/action-spec.js';
import { reportUndeclaredInput, type CompileContext } from './compile-context.js';
import { compileFormFields } from './form-fields.js';
import { splitPlaceholders } from './placeholders.js';

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
  const query = compileFormFields(request.query ?? {}, context, {
    path: ['request', 'query'],
    open: url.includes('?') ? '&' : '?',
    variable: 'dactlQuerySeparator',
  });
  return template + query;
}
