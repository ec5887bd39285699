import type { TemplateContext } from '../../src/velocity/index.js';

/** One template rendered by both Java Velocity 1.7 and `renderTemplate`. */
export interface OracleCase extends TemplateContext {
  id: string;
  template: string;
  strict?: boolean;
  /** Template name Velocity uses in messages. */
  name?: string;
}
