import { runRuleTests } from '../rule-tester.js';

runRuleTests('input-contract-not-flat', {
  valid: [
    {
      name: 'primitives only',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/users/me }
        inputs:
          a: { type: string }
          b: { type: integer }
          c: { type: boolean }
      `,
    },
  ],
  invalid: [
    {
      name: 'an object and an array',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/users/me }
        contract:
          input:
            type: object
            properties:
              address: { type: object, properties: { city: { type: string } } }
              tags: { items: { type: string } }
      `,
      errors: [{ messageId: 'nested', at: 'object, properties: { city' }, { messageId: 'nested', at: 'tags' }],
    },
  ],
});
