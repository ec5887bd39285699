import { exportJson, runRuleTests } from '../rule-tester.js';

runRuleTests('literal-credential', {
  valid: [
    {
      name: 'credentials from the integration and ordinary headers',
      kind: 'export',
      code: exportJson({
        url: 'https://api.example.com/v1/items?token=$esc.url(${credentials.token})',
        headers: {
          Authorization: 'Basic $encoding.base64("${credentials.clientId}:${credentials.clientSecret}")',
          'X-Api-Key': '${credentials.apiKey}',
          UserAgent: 'PureCloudIntegrations/1.0',
        },
        body: '{"password": "$esc.jsonString(${input.password})"}',
      }),
    },
  ],
  invalid: [
    {
      name: 'a bearer token header, a key in the query and a password in the body',
      kind: 'export',
      code: exportJson({
        url: 'https://api.example.com/v1/items?api_key=3f9a1c27b5e84d6f',
        method: 'POST',
        headers: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N' },
        body: '{"user": "svc", "password": "hunter2hunter2"}',
      }),
      errors: [{ messageId: 'literal', at: '3f9a1c27b5e84d6f' }, { messageId: 'header', at: '"Bearer' }, { messageId: 'literal', at: 'hunter2hunter2' }],
    },
  ],
});
