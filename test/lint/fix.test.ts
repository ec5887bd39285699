import { describe, expect, it } from 'vitest';
import { fixFile } from '../../src/lint/fix-result.js';
import { lintText } from '../../src/lint/lint-files.js';
import { defaultConfig } from '../../src/lint/config.js';
import { unifiedDiff } from '../../src/lint/unified-diff.js';
import { dedent } from './rule-tester.js';

describe('--fix', () => {
  it('edits only the fixed parts of a spec: comments, quoting, flow maps and block scalars stay as written', () => {
    const before = dedent(`
      # yaml-language-server: $schema=../../schemas/action.schema.json
      name: Get chat   # the flow calls it by this name
      integration: purecloud-data-actions
      request:
        method: POST
        urlTemplate: "/api/v2/conversations/\${input.id}/participants"   # raw on purpose
        template: |
          {
            ## the note is free text
            "note": "\${input.note}",
            "count": \${input.count}
          }
      contract:
        input: { type: object, required: [id, note, count], properties: { id: { type: string }, note: { type: string }, count: { type: integer } } }
      response:
        translationMap:
          total: .total        # keep this comment
        translationMapDefaults: { total: zero }
        successTemplate: '{"total": "\${total}"}'
    `);
    const config = defaultConfig('/virtual');
    const fixed = fixFile(lintText('/virtual/t.action.yaml', before, config), config);
    expect(fixed.after).toBe(
      dedent(`
      # yaml-language-server: $schema=../../schemas/action.schema.json
      name: Get chat   # the flow calls it by this name
      integration: purecloud-data-actions
      request:
        method: POST
        urlTemplate: "/api/v2/conversations/$esc.url(\${input.id})/participants"   # raw on purpose
        template: |
          {
            ## the note is free text
            "note": "$esc.jsonString(\${input.note})",
            "count": \${input.count}
          }
      contract:
        input: { type: object, required: [id, note, count], properties: { id: { type: string }, note: { type: string }, count: { type: integer } } }
      response:
        translationMap:
          total: $.total        # keep this comment
        translationMapDefaults: { total: '"zero"' }
        successTemplate: '{"total": \${total}}'
    `),
    );
    expect(fixed.result.diagnostics.map((d) => d.ruleId)).toEqual([]);
  });

  it('keeps an export byte for byte outside the fixed strings', () => {
    const before = '{\n    "name": "T",\n    "integrationType": "purecloud-data-actions", "actionType": "custom",\n    "config": {"request": {"requestUrlTemplate": "/api/v2/users/${input.id}", "requestType": "GET", "headers": {}, "requestTemplate": "${input.rawRequest}"},\n      "response": {"translationMap": {}, "translationMapDefaults": {}, "successTemplate": "${rawResult}"}},\n    "contract": {"input": {"inputSchema": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}}, "output": {"successSchema": {"type": "object", "properties": {}}}},\n    "secure": false\n}';
    const config = defaultConfig('/virtual');
    const fixed = fixFile(lintText('/virtual/a.json', before, config), config);
    expect(fixed.after).toBe(before.replace('/api/v2/users/${input.id}', '/api/v2/users/$esc.url(${input.id})'));
  });

  it('prints a unified diff for --fix-dry-run', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = 'a\nb\nc\nD\ne\nf\ng\nh\n';
    expect(unifiedDiff('x.yaml', before, after)).toBe('--- a/x.yaml\n+++ b/x.yaml\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n');
    expect(unifiedDiff('x.yaml', before, before)).toBe('');
  });
});
