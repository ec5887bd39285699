import { withRegexBudget } from '../java/regex/pattern.js';
import { JavaDouble } from './java-double.js';
import { VelocityRenderError } from './render-error.js';
import { positionAt } from './source-positions.js';
import { TemplateSyntaxError, cachedParse } from './template-parser.js';
import { genesysTools } from './tools/genesys-tools.js';
import type { RenderOptions, RenderResult, TemplateContext } from './types.js';
import { VtlRenderer, type RenderSettings } from './vtl-renderer.js';

const DEFAULTS = { maxIterations: 100_000, maxOutputLength: 1_000_000, maxMacroDepth: 20 } as const;

/**
 * Copies JSON-like data into prototype-free objects, dropping nulls to `undefined` because Velocity
 * treats a null value like a missing one (prints the reference text, `#set` ignores it).
 */
function toVelocityValue(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value === 'number' && !Number.isInteger(value)) return new JavaDouble(value);
  if (Array.isArray(value)) return value.map(toVelocityValue);
  if (typeof value === 'object' && value !== undefined) {
    const copy = Object.create(null) as Record<string, unknown>;
    for (const [key, member] of Object.entries(value)) {
      Object.defineProperty(copy, key, { value: toVelocityValue(member), writable: true, enumerable: true, configurable: true });
    }
    return copy;
  }
  return value;
}

export function buildVelocityContext(context: TemplateContext): Record<string, unknown> {
  const input = context.input ?? {};
  const inputValue = toVelocityValue(input) as Record<string, unknown>;
  if (!Object.hasOwn(input, 'rawRequest')) inputValue['rawRequest'] = JSON.stringify(input);
  const velocityContext = Object.create(null) as Record<string, unknown>;
  const assign = (key: string, value: unknown): void => {
    Object.defineProperty(velocityContext, key, { value, writable: true, enumerable: true, configurable: true });
  };
  assign('input', inputValue);
  for (const [key, text] of Object.entries(context.translations ?? {})) assign(key, text);
  for (const [key, value] of Object.entries(context.variables ?? {})) if (value !== null && value !== undefined) assign(key, toVelocityValue(value));
  if (context.rawResult !== undefined) assign('rawResult', context.rawResult);
  if (context.credentials) assign('credentials', toVelocityValue(context.credentials));
  for (const [name, tool] of Object.entries(genesysTools())) assign(name, tool);
  return velocityContext;
}

function failure(template: string, kind: VelocityRenderError['kind'], message: string, offset: number): RenderResult {
  // Like Java, an error at the end of the template points at its last character.
  const clamped = Math.max(0, Math.min(offset, template.length - 1));
  const { line, column } = positionAt(cachedLineStarts(template), clamped);
  return { ok: false, error: { message, kind, offset: clamped, line, column } };
}

function cachedLineStarts(template: string): number[] {
  try {
    return cachedParse(template).lineStarts;
  } catch {
    const starts = [0];
    for (let i = 0; i < template.length; i++) if (template[i] === '\n') starts.push(i + 1);
    return starts;
  }
}

/** Renders a data-action template as Genesys Cloud's Velocity 1.7 would. Never throws for template problems. */
export function renderTemplate(template: string, context: TemplateContext, options: RenderOptions = {}): RenderResult {
  const settings: RenderSettings = {
    strict: options.strict ?? false,
    templateName: options.templateName ?? (options.strict ? 'successTemplate' : 'template'),
    maxIterations: options.maxIterations ?? DEFAULTS.maxIterations,
    maxOutputLength: options.maxOutputLength ?? DEFAULTS.maxOutputLength,
    maxMacroDepth: DEFAULTS.maxMacroDepth,
  };
  try {
    const parsed = cachedParse(template);
    // One regex step budget for the whole render, so a slow pattern inside #foreach still ends in well under a second.
    const output = withRegexBudget(() => new VtlRenderer(parsed.lineStarts, parsed.tree, buildVelocityContext(context), settings).render());
    return { ok: true, output };
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return failure(template, 'syntax', error.message, error.offset);
    if (error instanceof VelocityRenderError) return failure(template, error.kind, error.message, error.offset);
    if (error instanceof RangeError) return failure(template, 'limit', `Template stopped: ${error.message}`, 0);
    throw error;
  }
}
