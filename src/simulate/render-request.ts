import type { DataActionExport } from '../export/data-action-export.js';
import { renderTemplate, type TemplateContext } from '../velocity/index.js';
import type { RenderedRequest } from './types.js';

export type RequestRendering = { ok: true; request: RenderedRequest } | { ok: false; error: string };

/** URL, header values and body rendered with Velocity as the platform does (references are not strict). */
export function renderRequest(request: DataActionExport['config']['request'], context: TemplateContext): RequestRendering {
  const url = render(request.requestUrlTemplate, context, 'requestUrlTemplate');
  if (!url.ok) return url;
  const headers: Record<string, string> = {};
  for (const [name, template] of Object.entries(request.headers)) {
    const value = render(template, context, `header ${name}`);
    if (!value.ok) return value;
    headers[name] = value.text;
  }
  const body = render(request.requestTemplate, context, 'requestTemplate');
  if (!body.ok) return body;
  return { ok: true, request: { method: request.requestType, url: url.text, headers, body: body.text } };
}

function render(template: string, context: TemplateContext, templateName: string): { ok: true; text: string } | { ok: false; error: string } {
  const rendered = renderTemplate(template, context, { strict: false, templateName });
  if (rendered.ok) return { ok: true, text: rendered.output };
  const { message, line, column } = rendered.error;
  return { ok: false, error: `${templateName} (line ${line}, column ${column}): ${message}` };
}
