import { exportJson, runRuleTests } from '../rule-tester.js';

runRuleTests('input-name-invalid', {
  valid: [
    { name: 'letters, digits, _ and -', kind: 'export', code: exportJson({ inputSchema: { type: 'object', properties: { conversation_id: { type: 'string' }, 'queue-id2': { type: 'string' } } } }) },
  ],
  invalid: [
    {
      name: 'a leading digit, a dot and a space in a raw contract',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/users/me }
        contract:
          input:
            type: object
            properties:
              2fa: { type: string }
              user.id: { type: string }
              "first name": { type: string }
      `,
      errors: [{ messageId: 'invalid', at: '2fa' }, { messageId: 'invalid', at: 'user.id' }, { messageId: 'invalid', at: '"first name"' }],
    },
    {
      name: 'an export',
      kind: 'export',
      code: exportJson({ inputSchema: { type: 'object', properties: { _id: { type: 'string' } } } }),
      errors: [{ messageId: 'invalid', at: '"_id"' }],
    },
  ],
});
