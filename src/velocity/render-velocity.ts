import { renderTemplate } from './render-template.js';

export interface VelocityVariables {
  /** `$input`: the action's inputs; `$input.rawRequest` is their compact JSON unless given. */
  input?: Record<string, unknown>;
  /** `$rawResult`: the response body text. */
  rawResult?: string;
  /** Other context variables, plain JSON (a number with a fraction is a Java Double; null is unset). */
  variables?: Record<string, unknown>;
}

export interface VelocityOptions {
  /** Velocity's strict references, as Genesys Cloud runs success templates. */
  strict?: boolean;
  /** The template name in messages (`... at successTemplate[line 1, column 3]`); default `template`. */
  name?: string;
}

export interface VelocityError {
  kind: 'syntax' | 'runtime' | 'limit';
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export type VelocityResult = { ok: true; output: string } | { ok: false; error: VelocityError };

/**
 * Renders a template as Apache Velocity 1.7 does (docs/fidelity.md lists what still differs), with
 * the Genesys Cloud tools ($esc, $math, $successTemplateUtils, ...) in the context. Never throws for
 * a template problem: syntax errors, runtime errors and exceeded limits come back as `error`.
 */
export function renderVelocity(template: string, context: VelocityVariables = {}, options: VelocityOptions = {}): VelocityResult {
  const result = renderTemplate(
    template,
    { input: context.input, rawResult: context.rawResult, variables: context.variables },
    { strict: options.strict ?? false, templateName: options.name ?? 'template' },
  );
  if (result.ok) return result;
  const { kind, message, line, column } = result.error;
  return { ok: false, error: { kind: kind === 'unset-variable' ? 'runtime' : kind, message, line, column } };
}
