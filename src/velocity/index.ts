export { renderTemplate } from './render-template.js';
export { renderVelocity, type VelocityError, type VelocityOptions, type VelocityResult, type VelocityVariables } from './render-velocity.js';
export { templateReferences } from './template-references.js';
export type {
  RenderErrorKind,
  RenderError,
  RenderOptions,
  RenderResult,
  TemplateContext,
  TemplatePosition,
  TemplateReference,
  TemplateReferencesResult,
} from './types.js';
