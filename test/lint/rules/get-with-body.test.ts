import { exportJson, runRuleTests } from '../rule-tester.js';

runRuleTests('get-with-body', {
  valid: [
    { name: 'the default template', kind: 'export', code: exportJson({ method: 'GET' }) },
    { name: 'a POST body', kind: 'export', code: exportJson({ method: 'POST', body: '{"a": 1}' }) },
  ],
  invalid: [
    {
      name: 'a raw template on a GET',
      code: `
        name: T
        integration: purecloud-data-actions
        request:
          method: GET
          url: /api/v2/users
          template: '{"filter": "active"}'
      `,
      errors: [{ messageId: 'body', line: 6, column: 13 }],
    },
  ],
});
