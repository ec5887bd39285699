import { exportJson, runRuleTests } from '../rule-tester.js';

runRuleTests('timeout-out-of-range', {
  valid: [
    { name: 'no timeout', kind: 'export', code: exportJson({}) },
    { name: '60 seconds', kind: 'export', code: exportJson({ config: { timeoutSeconds: 60 } }) },
  ],
  invalid: [
    { name: '90 seconds', kind: 'export', code: exportJson({ config: { timeoutSeconds: 90 } }), errors: [{ messageId: 'range', at: '90' }] },
    { name: 'zero', kind: 'export', code: exportJson({ config: { timeoutSeconds: 0 } }), errors: [{ messageId: 'range', at: '0\n' }] },
  ],
});
