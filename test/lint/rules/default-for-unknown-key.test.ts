import { runRuleTests } from '../rule-tester.js';

runRuleTests('default-for-unknown-key', {
  valid: [
    {
      name: 'every default has a key',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/users/me }
        response:
          translationMap: { state: $.state }
          translationMapDefaults: { state: '"unknown"' }
          successTemplate: '{"state": \${state}}'
      `,
    },
  ],
  invalid: [
    {
      name: 'a default for a misspelt key',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/users/me }
        response:
          translationMap: { state: $.state }
          translationMapDefaults:
            stat: '"unknown"'
          successTemplate: '{"state": \${state}}'
      `,
      errors: [{ messageId: 'unknown', line: 7, column: 5 }],
    },
  ],
});
