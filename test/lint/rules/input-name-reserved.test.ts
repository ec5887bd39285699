import { exportJson, runRuleTests } from '../rule-tester.js';

runRuleTests('input-name-reserved', {
  valid: [{ name: 'ordinary names', kind: 'export', code: exportJson({ inputSchema: { type: 'object', properties: { orgName: { type: 'string' } } } }) }],
  invalid: [
    {
      name: 'rawRequest and orgId in an export',
      kind: 'export',
      code: exportJson({ inputSchema: { type: 'object', properties: { rawRequest: { type: 'string' }, orgId: { type: 'string' } } } }),
      errors: [{ messageId: 'reserved', at: '"rawRequest"' }, { messageId: 'reserved', at: '"orgId"' }],
    },
    {
      name: 'integrationId in a raw spec contract',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/users/me }
        contract:
          input: { type: object, properties: { integrationId: { type: string } } }
      `,
      errors: [{ messageId: 'reserved', at: 'integrationId' }],
    },
  ],
});
