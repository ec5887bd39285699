import type { CompileContext, InputInfo } from '../compile/compile-context.js';
import { rawRequestTemplate } from '../compile/compile-action.js';
import { compileFormFields, type FormFields } from '../compile/form-fields.js';
import { compileBody } from '../compile/request-body.js';
import { compileUrl } from '../compile/request-url.js';
import type { DataActionExport } from '../export/data-action-export.js';
import type { RequestSpec } from '../spec/action-spec.js';

type ExportRequest = DataActionExport['config']['request'];

/** The request spec: `url` and `body` where they compile back to the same text, raw templates otherwise. */
export function liftRequest(request: ExportRequest, inputs: ReadonlyMap<string, InputInfo>): RequestSpec {
  const spec: RequestSpec = { method: request.requestType as RequestSpec['method'] };
  const url = liftUrl(request.requestUrlTemplate, inputs);
  if (url !== undefined) spec.url = url;
  else spec.urlTemplate = request.requestUrlTemplate;

  const headers = { ...request.headers };
  const body = request.requestTemplate === rawRequestTemplate ? undefined : liftBody(request.requestTemplate, inputs);
  if (Object.keys(headers).length) spec.headers = headers;
  const form = request.requestTemplate === rawRequestTemplate || body ? undefined : liftForm(request.requestTemplate, inputs);
  if (body !== undefined) spec.body = body.value;
  else if (form !== undefined) spec.form = form;
  else if (request.requestTemplate !== rawRequestTemplate) spec.template = request.requestTemplate;
  return spec;
}

function liftUrl(template: string, inputs: ReadonlyMap<string, InputInfo>): string | undefined {
  const candidate = template.replace(/\$esc\.url\(\$\{?input\.([A-Za-z][A-Za-z0-9_-]*)\}?\)/g, '{$1}');
  return compilesTo(template, inputs, (context) => compileUrl({ method: 'GET', url: candidate }, context))
    ? candidate
    : undefined;
}

function liftBody(template: string, inputs: ReadonlyMap<string, InputInfo>): { value: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(bodyTemplateAsJson(template));
  } catch {
    return undefined;
  }
  return compilesTo(template, inputs, (context) => compileBody(value, context)) ? { value } : undefined;
}

const separatorSet = /#set\(\$dactlSeparator\d+ = "(,?)"\)/g;
const generatedTokens = [
  /#if\((?:"\$!\{input\.[A-Za-z][A-Za-z0-9_-]*\}" != ""(?: && )?)+\)/y,
  /#end/y,
  /\$\{dactlSeparator\d+\}/y,
];
const escapedLiterals: Array<[string, string]> = [['${esc.d}', '$'], ['${esc.h}', '#'], ['${esc.b}', '\\']];
const stringInput = /\$esc\.jsonString\(\$\{input\.([A-Za-z][A-Za-z0-9_-]*)\}\)/y;
const bareInput = /\$\{input\.([A-Za-z][A-Za-z0-9_-]*)\}/y;

/**
 * Reads a request template the way the body compiler writes it back into JSON with `{name}`
 * placeholders; the caller keeps the result only if it compiles back to the same template.
 */
function bodyTemplateAsJson(template: string): string {
  const text = template.replace(separatorSet, (_, comma: string) => comma);
  let json = '';
  let inString = false;
  let i = 0;
  scan: while (i < text.length) {
    for (const token of generatedTokens) {
      token.lastIndex = i;
      if (token.test(text)) {
        i = token.lastIndex;
        continue scan;
      }
    }
    for (const [escaped, literal] of escapedLiterals) {
      if (text.startsWith(escaped, i)) {
        json += literal;
        i += escaped.length;
        continue scan;
      }
    }
    for (const reference of [stringInput, bareInput]) {
      reference.lastIndex = i;
      const match = reference.exec(text);
      if (match) {
        json += inString ? `{${match[1]}}` : `"{${match[1]}}"`;
        i = reference.lastIndex;
        continue scan;
      }
    }
    const ch = text[i] as string;
    if (ch === '\\' && inString) {
      json += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === '"') inString = !inString;
    json += ch;
    i++;
  }
  return json.replace(/,(\s*[}\]])/g, '$1');
}

const formInput = /^\$esc\.url\(\$\{input\.([A-Za-z][A-Za-z0-9_-]*)\}\)$/;

/** A form body written as `name=value&…` with `$esc.url` inputs, read back into fields. */
function liftForm(template: string, inputs: ReadonlyMap<string, InputInfo>): FormFields | undefined {
  if (template.includes('#') || !template.includes('=')) return undefined;
  const entries: Array<[string, string]> = [];
  for (const pair of template.split('&')) {
    const [name, value = ''] = pair.split('=', 2);
    if (!name) return undefined;
    const parts = value.split(/(\$esc\.url\(\$\{input\.[A-Za-z][A-Za-z0-9_-]*\}\))/);
    try {
      entries.push([formDecode(name), parts.map((part, i) => (i % 2 ? part.replace(formInput, '{$1}') : formDecode(part))).join('')]);
    } catch {
      return undefined;
    }
  }
  const fields: FormFields = Object.fromEntries(entries);
  return compilesTo(template, inputs, (context) => compileFormFields(fields, context, { path: [], open: '', variable: 'dactlFormSeparator' }))
    ? fields
    : undefined;
}

function formDecode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

function compilesTo(expected: string, inputs: ReadonlyMap<string, InputInfo>, compile: (context: CompileContext) => string): boolean {
  const context: CompileContext = { inputs, findings: [] };
  const actual = compile(context);
  return actual === expected && context.findings.length === 0;
}
