import type { Diagnostic } from '../diagnostics/index.js';
import type { DataActionExport } from '../export/data-action-export.js';
import { variableKey } from './architect-types.js';
import { validateArchyCallDataItem } from './archy-schemas.js';
import { failureOutputs, flowCategory, noValue, variableBinding, type CallDataView } from './call-data-view.js';
import { categoryKey } from './substitutions.js';
import { contractInputs, contractOutputs } from './contract-fields.js';
import { renderYamlTemplate } from './render-template.js';
import { callDataItem, snippetText, type SnippetContext, type SnippetVariable } from './snippet-text.js';

export type { SnippetVariable } from './snippet-text.js';
import { isBundled, type TemplateSet } from './template-set.js';


export interface Snippet {
  /** The rendered YAML, when the template rendered a callData item the schema accepts. */
  text: string | undefined;
  diagnostics: Diagnostic[];
}

/**
 * A paste-ready `- callData:` item for one compiled action: every input as an expression over a
 * suggested variable (required first), every flattened output bound to a variable of its Architect
 * type (or noValue when Architect has no such type), and the 13 failure outputs left unset.
 */
export function snippetView(artifact: DataActionExport): { view: CallDataView; variables: SnippetVariable[] } {
  const variables: SnippetVariable[] = [];
  const inputs = contractInputs(artifact.contract.input.inputSchema).map((input) => {
    const name = suggestedVariable(input.name);
    variables.push({
      name,
      declaration: input.type ? variableKey(input.type) : `(${input.jsonType}: no Architect type)`,
      role: `input ${input.name}, ${input.required ? 'required' : 'optional'}`,
    });
    return { key: input.name, wrapper: 'exp' as const, value: name };
  });
  const successOutputs = contractOutputs(artifact.contract.output.successSchema).map((output) => {
    if (!output.type) return noValue(output.key);
    const name = suggestedVariable(output.key);
    variables.push({ name, declaration: variableKey(output.type), role: `output ${output.key}` });
    return variableBinding(output.key, name);
  });
  const view: CallDataView = {
    partial: 'call-data',
    name: artifact.name,
    processingPrompt: false,
    timeoutMinutes: 1,
    category: flowCategory(artifact.integrationType),
    action: artifact.name,
    inputs,
    successOutputs,
    failureOutputs: failureOutputs(),
    paths: [],
  };
  return { view, variables };
}

/** `categoryName`: the integration's name where it is known (an org's profile), for the header to say. */
export function renderSnippet(templates: TemplateSet, artifact: DataActionExport, categoryName: string | undefined): Snippet {
  const { view, variables } = snippetView(artifact);
  const context: SnippetContext = { ...view, variables, categoryKey: categoryKey(artifact.integrationType), categoryName: categoryName ?? null };
  // With the bundled templates the item is checked as a value and written directly; a user's templates are
  // rendered and their output parsed back, and so is an item the schema rejects, to say which line did it.
  if (isBundled(templates, 'snippet') && isBundled(templates, 'call-data') && validateArchyCallDataItem(callDataItem(view))) {
    return { text: snippetText(context), diagnostics: [] };
  }
  const rendered = renderYamlTemplate(templates, 'snippet', context, validateArchyCallDataItem, 'a callData item');
  return { text: rendered.text, diagnostics: rendered.diagnostics };
}

/** `Flow.` plus the key with every character a variable name cannot hold turned into `_`. */
export function suggestedVariable(key: string): string {
  const name = key.replace(/[^A-Za-z0-9_]/g, '_');
  return `Flow.${/^[A-Za-z]/.test(name) ? name : `v_${name}`}`;
}
