import { describe, expect, it } from 'vitest';
import { comparableFromExport } from '../../src/diff/comparable-action.js';
import { diffActions } from '../../src/diff/diff-actions.js';
import { formatDiffHtml } from '../../src/diff/format-html.js';
import type { DataActionExport } from '../../src/export/data-action-export.js';

function exported(name: string, change: (e: DataActionExport) => void = () => undefined): DataActionExport {
  const action: DataActionExport = {
    name,
    integrationType: 'purecloud-data-actions',
    actionType: 'custom',
    config: {
      request: { requestUrlTemplate: '/api/v2/users/${input.id}', requestType: 'POST', headers: {}, requestTemplate: '{\n  "id": "${input.id}",\n  "expand": "presence"\n}' },
      response: { translationMap: { email: '$.email' }, translationMapDefaults: {}, successTemplate: '{"email": ${email}}' },
    },
    contract: {
      input: { inputSchema: { type: 'object', properties: { id: { type: 'string' } } } },
      output: { successSchema: { type: 'object', properties: { email: { type: 'string' } } } },
    },
    secure: false,
  };
  change(action);
  return action;
}

const side = (actions: DataActionExport[]) => actions.map((a) => comparableFromExport(a, `${a.name}.json`, {}));

describe('dactl diff --format html', () => {
  const result = diffActions(
    side([exported('Get User'), exported('Find User')]),
    side([
      exported('Get User', (e) => (e.contract.input.inputSchema = { type: 'object', properties: { id: { type: 'integer' } } })),
      exported('Find User', (e) => (e.config.request.requestTemplate = '{\n  "id": "${input.id}",\n  "expand": "routingStatus"\n}')),
    ]),
  );
  const html = formatDiffHtml(result, 'left → right');

  it('is one page with its style inline and nothing to fetch', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<(link|script|img)\b/);
  });

  it('marks a replace with the fields that force it and what breaks', () => {
    expect(html).toContain('<strong>What breaks:</strong> the platform cannot change <code>contract.input.inputSchema.properties.id.type</code> in place');
    expect(html).toContain('<td><del>&quot;string&quot;</del></td><td><ins>&quot;integer&quot;</ins></td>');
  });

  it('shows a template change side by side, the changed line paired with its replacement', () => {
    // JSON templates are compared with their keys sorted, so "expand" comes first.
    expect(html).toContain('<tr><td><del>  &quot;expand&quot;: &quot;presence&quot;,</del></td><td><ins>  &quot;expand&quot;: &quot;routingStatus&quot;,</ins></td></tr>');
    expect(html).toContain('<tr><td>  &quot;id&quot;: &quot;${input.id}&quot;</td><td>  &quot;id&quot;: &quot;${input.id}&quot;</td></tr>');
  });
});
