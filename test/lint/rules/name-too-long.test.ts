import { exportJson, runRuleTests } from '../rule-tester.js';

runRuleTests('name-too-long', {
  valid: [{ name: '256 characters', kind: 'export', code: exportJson({ name: 'n'.repeat(256) }) }],
  invalid: [{ name: '257 characters', kind: 'export', code: exportJson({ name: 'n'.repeat(257) }), errors: [{ messageId: 'long', at: '"nnn' }] }],
});
