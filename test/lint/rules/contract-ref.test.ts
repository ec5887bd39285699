import { exportJson, runRuleTests } from '../rule-tester.js';

runRuleTests('contract-ref', {
  valid: [{ name: 'schemas written in place', kind: 'export', code: exportJson({ successSchema: { type: 'object', properties: { a: { type: 'string' } } } }) }],
  invalid: [
    {
      name: 'a $ref in each contract',
      kind: 'export',
      code: exportJson({
        inputSchema: { type: 'object', properties: { a: { $ref: '#/definitions/id' } } },
        successSchema: { type: 'object', properties: { b: { $ref: 'user.json' } } },
      }),
      errors: [{ messageId: 'ref', at: '"$ref"' }, { messageId: 'ref', at: '"$ref": "user.json"' }],
    },
  ],
});
