import type { CompileContext, InputInfo } from '../compile/compile-context.js';
import { rawRequestTemplate } from '../compile/compile-action.js';
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
  if (body !== undefined) spec.body = body.value;
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
  const json = template
    .replace(/"\$esc\.jsonString\(\$\{input\.([A-Za-z][A-Za-z0-9_-]*)\}\)"/g, '"{$1}"')
    .replace(/\$\{input\.([A-Za-z][A-Za-z0-9_-]*)\}/g, '"{$1}"');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  return compilesTo(template, inputs, (context) => compileBody(value, context)) ? { value } : undefined;
}

function compilesTo(expected: string, inputs: ReadonlyMap<string, InputInfo>, compile: (context: CompileContext) => string): boolean {
  const context: CompileContext = { inputs, findings: [] };
  const actual = compile(context);
  return actual === expected && context.findings.length === 0;
}
