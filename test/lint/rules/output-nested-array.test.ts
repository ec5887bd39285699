import { exportJson, runRuleTests } from '../rule-tester.js';

runRuleTests('output-nested-array', {
  valid: [
    {
      name: 'arrays of strings and of objects with arrays',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/users }
        contract:
          output:
            type: object
            properties:
              ids: { type: array, items: { type: string } }
              users: { type: array, items: { type: object, properties: { skills: { type: array, items: { type: string } } } } }
        response: { successTemplate: '\${rawResult}' }
      `,
    },
  ],
  invalid: [
    {
      name: 'an array of arrays in a raw contract',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/users }
        contract:
          output:
            type: object
            properties:
              matrix: { type: array, items: { type: array, items: { type: string } } }
        response: { successTemplate: '\${rawResult}' }
      `,
      errors: [{ messageId: 'nested', at: 'array, items: { type: string', offset: 0 }],
    },
    {
      name: 'an export, inside a tuple',
      kind: 'export',
      code: exportJson({ successSchema: { type: 'object', properties: { m: { type: 'array', items: [{ type: 'array' }] } } } }),
      errors: [{ messageId: 'nested', at: '"array"\n              }', offset: 0 }],
    },
  ],
});
