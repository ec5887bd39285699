import { renderTemplate, type RenderResult, type TemplateContext } from '../../src/velocity/index.js';

/** One template rendered by both Java Velocity 1.7 and `renderTemplate`. */
export interface OracleCase extends TemplateContext {
  id: string;
  template: string;
  strict?: boolean;
  /** Template name Velocity uses in messages. */
  name?: string;
}

/** Renders a case with dactl the way the Java harness renders it. */
export function renderCase(kase: OracleCase): RenderResult {
  const { id: _id, template, strict, name, ...context } = kase;
  return renderTemplate(template, context, { strict: strict ?? false, templateName: name ?? 'template' });
}
