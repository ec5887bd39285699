import { exportJson, runRuleTests } from '../rule-tester.js';

runRuleTests('contract-root-not-object', {
  valid: [{ name: 'object roots', kind: 'export', code: exportJson({}) }],
  invalid: [
    {
      name: 'an array output root (the salesforce blueprint) and an untyped input root',
      kind: 'export',
      code: exportJson({ inputSchema: { properties: {} }, successSchema: { type: 'array', items: { type: 'object' } } }),
      errors: [{ messageId: 'notObject', at: '"inputSchema"' }, { messageId: 'notObject', at: '"array"' }],
    },
  ],
});
