import type { Diagnostic } from '../diagnostics/index.js';
import { exportSlug } from '../export/data-action-export.js';
import { validateArchyFlow } from '../flow/archy-schemas.js';
import { compileFlow } from '../flow/compile-flow.js';
import type { FlowCatalog } from '../flow/flow-catalog.js';
import type { ProjectAction, ProjectFlow } from '../project/model.js';
import { renderYamlTemplate } from '../flow/render-template.js';
import { renderSnippet } from '../flow/snippet.js';
import { loadTemplateSet, type TemplateSet } from '../flow/template-set.js';

export interface FlowOutput {
  /** Path under out/, with `/`. */
  path: string;
  content: string;
  /** The definition it comes from. */
  file: string;
}

export interface FlowOutputs {
  outputs: FlowOutput[];
  diagnostics: Diagnostic[];
}

/** The Archy YAML a build writes: a callData snippet per compiled action and a flow per checked flow spec. */
export async function buildFlowOutputs(
  actions: readonly ProjectAction[],
  flows: readonly ProjectFlow[],
  catalog: FlowCatalog,
  templatesDir?: string,
): Promise<FlowOutputs> {
  const templates = await loadTemplateSet(templatesDir);
  const outputs: FlowOutput[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const action of actions) {
    if (!action.artifact) continue;
    const snippet = renderSnippet(templates, action.artifact, action.spec?.category);
    diagnostics.push(...snippet.diagnostics);
    if (snippet.text !== undefined) {
      outputs.push({ path: `snippets/${exportSlug(action.artifact.name)}.yaml`, content: snippet.text, file: action.file });
    }
  }
  for (const flow of flows) {
    if (!flow.spec || !flow.checked) continue;
    const rendered = renderFlow(templates, flow, catalog);
    diagnostics.push(...rendered.diagnostics);
    if (rendered.text === undefined) continue;
    const path = `flows/${exportSlug(flow.spec.name)}.yaml`;
    const owner = outputs.find((output) => output.path === path);
    if (owner) {
      diagnostics.push(
        flow.source.locate({
          ruleId: 'duplicate-output',
          severity: 'error',
          message: `compiles to ${path}, as ${owner.file} does; rename one of the flows`,
          path: ['name'],
        }),
      );
      continue;
    }
    outputs.push({ path, content: rendered.text, file: flow.file });
  }
  return { outputs, diagnostics };
}

export function renderFlow(templates: TemplateSet, flow: ProjectFlow, catalog: FlowCatalog): { text: string | undefined; diagnostics: Diagnostic[] } {
  const view = compileFlow(flow.spec!, catalog);
  const rendered = renderYamlTemplate(templates, view.template, view, validateArchyFlow, `a ${view.rootKey} flow`);
  return { text: rendered.text, diagnostics: rendered.diagnostics };
}
