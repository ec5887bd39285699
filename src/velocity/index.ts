export { renderTemplate } from './render-template.js';
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
