import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load-project.js';
import { renderSnippet } from '../../src/flow/snippet.js';
import { loadTemplateSet } from '../../src/flow/template-set.js';
import { exportSlug } from '../../src/export/data-action-export.js';
import { parse } from 'yaml';
import { compileAction } from '../../src/compile/compile-action.js';
import { repoRoot } from '../support/paths.js';

const project = await loadProject(join(repoRoot, 'definitions'));
const templates = await loadTemplateSet();

describe('snippets of the bundled actions', () => {
  for (const action of project.actions) {
    const artifact = action.artifact!;
    it(`renders ${artifact.name}`, async () => {
      const snippet = renderSnippet(templates, artifact, action.spec?.category);
      expect(snippet.diagnostics).toEqual([]);
      await expect(snippet.text).toMatchFileSnapshot(`__snapshots__/snippets/${exportSlug(artifact.name)}.yaml`);
    });
  }
});

describe('snippets from contracts', () => {
  const rawContract = compileAction({
    name: 'Get Conversation Summary',
    integration: 'custom-rest-actions',
    request: { method: 'GET', url: '/api/v2/conversations/{conversationId}' },
    contract: {
      input: {
        type: 'object',
        properties: { verbose: { type: 'boolean' }, conversationId: { type: 'string' }, limit: { type: 'integer' } },
        required: ['conversationId'],
      },
      output: {
        type: 'object',
        properties: {
          conversation: { type: 'object', properties: { id: { type: 'string' }, queue: { type: 'object', properties: { name: { type: 'string' } } } } },
          counts: { type: 'array', items: { type: 'integer' } },
          scores: { type: 'array', items: { type: 'number' } },
          participants: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, wrapup: { type: 'boolean' } } } },
          raw: { type: 'object' },
        },
      },
    },
    response: { translationMap: {}, translationMapDefaults: {}, successTemplate: '${rawResult}' },
  }).artifact!;

  it('flattens nested objects to dotted keys, arrays to collections, and leaves what Architect cannot hold unset', async () => {
    const snippet = renderSnippet(templates, rawContract, undefined);
    expect(snippet.diagnostics).toEqual([]);
    const binding = (parse(snippet.text!) as Array<{ callData: { category: Record<string, { dataAction: Record<string, Record<string, Record<string, unknown>>> }> } }>)[0]!
      .callData.category['{{custom_rest_actions_category}}']!.dataAction['Get Conversation Summary']!;
    expect(Object.keys(binding.inputs!)).toEqual(['conversationId', 'verbose', 'limit']);
    expect(binding.successOutputs).toEqual({
      'conversation.id': { var: 'Flow.conversation_id' },
      'conversation.queue.name': { var: 'Flow.conversation_queue_name' },
      counts: { var: 'Flow.counts' },
      scores: { var: 'Flow.scores' },
      'participants.id': { var: 'Flow.participants_id' },
      'participants.wrapup': { var: 'Flow.participants_wrapup' },
      raw: { noValue: true },
    });
    await expect(snippet.text).toMatchFileSnapshot('__snapshots__/snippets/raw-contract.yaml');
  });

  it('writes the category as the Archy substitution for its integration type, never the integration name', () => {
    const dataAction = { ...rawContract, integrationType: 'purecloud-data-actions' };
    const text = renderSnippet(templates, dataAction, undefined).text!;
    expect(text).toContain('      "{{data_action_category}}":\n');
    expect(text).toMatch(/^# {3}data_action_category: the name of the action's integration in the org$/m);
    const inOrg = renderSnippet(templates, dataAction, 'Genesys Cloud Data Actions').text!;
    expect(inOrg).toContain('      "{{data_action_category}}":\n');
    expect(inOrg).not.toMatch(/^ +Genesys Cloud Data Actions:/m);
    expect(inOrg).toMatch(/^# {3}data_action_category: .*\(here: Genesys Cloud Data Actions\)$/m);
    const rest = renderSnippet(templates, rawContract, undefined).text!;
    expect(rest).toContain('      "{{custom_rest_actions_category}}":\n');
  });

  it('leaves the output paths out: no empty action lists to fill in', () => {
    const text = renderSnippet(templates, rawContract, undefined).text!;
    expect(text).not.toContain('actions: []');
    expect(text).not.toMatch(/^ {4}outputs:/m);
  });

  it('declares each suggested variable with its Architect type in the header', () => {
    const text = renderSnippet(templates, rawContract, undefined).text!;
    expect(text).toContain('#   Flow.counts  integerCollectionVariable  (output counts)');
    expect(text).toContain('#   Flow.scores  decimalCollectionVariable  (output scores)');
  });

  it('renders the same bytes every time', () => {
    for (const action of project.actions) {
      const first = renderSnippet(templates, action.artifact!, undefined).text;
      expect(renderSnippet(templates, action.artifact!, undefined).text).toBe(first);
    }
  });

  it('quotes names YAML 1.1 would misread', async () => {
    const artifact = { ...rawContract, name: 'yes' };
    const text = renderSnippet(templates, artifact, undefined).text!;
    expect(text).toContain('          "yes":\n');
  });
});
