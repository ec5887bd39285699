import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileAction } from '../../src/compile/compile-action.js';
import type { DataActionExport } from '../../src/export/data-action-export.js';
import { validateArchyCallDataItem } from '../../src/flow/archy-schemas.js';
import { renderYamlTemplate } from '../../src/flow/render-template.js';
import { callDataItem, snippetText, type SnippetContext } from '../../src/flow/snippet-text.js';
import { snippetView } from '../../src/flow/snippet.js';
import { loadTemplateSet } from '../../src/flow/template-set.js';
import { categoryKey } from '../../src/flow/substitutions.js';
import { loadProject } from '../../src/project/load-project.js';
import { repoRoot } from '../support/paths.js';

const templates = await loadTemplateSet();
const project = await loadProject(join(repoRoot, 'definitions'));

/** Names that need quoting, escaping or a variable name made up. */
const awkward = ['Get "Quoted": Name', 'yes', '123 Numbers', '{{placeholder}} name', 'Ünïcödé — dash #hash', 'ends with colon:', '- dash', "it's"];

function artifactNamed(name: string, category: string | undefined): { artifact: DataActionExport; category: string | undefined } {
  const artifact = compileAction({
    name,
    integration: 'custom-rest-actions',
    ...(category === undefined ? {} : { category }),
    request: { method: 'GET', url: '/x/{id}' },
    inputs: { id: { type: 'string', required: true }, 'yes': { type: 'integer' }, 'x-1': { type: 'number' }, on: { type: 'boolean' } },
    outputs: { 'a.b': { type: 'string', from: '$.a' }, '#': { type: 'number', from: '$.n' }, raw: { type: 'object', from: '$.r' } },
  } as never);
  if (!artifact.artifact) throw new Error(JSON.stringify(artifact));
  return { artifact: artifact.artifact, category };
}

const cases = [
  ...project.actions.map((action) => ({ artifact: action.artifact!, category: action.spec?.category })),
  ...awkward.flatMap((name) => [artifactNamed(name, undefined), artifactNamed(name, `${name} category`)]),
];

describe('snippets written directly are what the bundled templates render', () => {
  for (const { artifact, category } of cases) {
    it(`${artifact.name} (${category ?? 'no category'})`, () => {
      const { view, variables } = snippetView(artifact);
      const context: SnippetContext = { ...view, variables, categoryKey: categoryKey(artifact.integrationType), categoryName: category ?? null };
      const rendered = renderYamlTemplate(templates, 'snippet', context, validateArchyCallDataItem, 'a callData item');
      expect(rendered.diagnostics).toEqual([]);
      expect(snippetText(context)).toBe(rendered.text);
      expect(callDataItem(view)).toEqual(parse(rendered.text!));
    });
  }
});
