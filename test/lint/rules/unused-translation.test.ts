import { runRuleTests } from '../rule-tester.js';

runRuleTests('unused-translation', {
  valid: [
    {
      name: 'every key used, one only as a firstFromArray fallback',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: POST, url: /api/v2/analytics/queues/observations/query }
        response:
          translationMap: { fallback: $.NULL, waiting: "$..data[?(@.metric=='oWaiting')].stats" }
          translationMapDefaults: { fallback: '{"count": 0}', waiting: "[]" }
          successTemplate: '{"oWaiting": \${successTemplateUtils.firstFromArray(\${waiting}, \${fallback})}}'
      `,
    },
  ],
  invalid: [
    {
      name: 'a key the template forgot',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/users/me }
        response:
          translationMap:
            name: $.name
            email: $.email
          successTemplate: '{"name": \${name}}'
      `,
      errors: [{ messageId: 'unused', line: 7, column: 5 }],
    },
  ],
});
