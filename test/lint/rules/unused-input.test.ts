import { runRuleTests } from '../rule-tester.js';

const header = `
  name: T
  integration: purecloud-data-actions
  contract:
    input: { type: object, properties: { queueId: { type: string }, mediaType: { type: string } } }
`;

runRuleTests('unused-input', {
  valid: [
    {
      name: 'every input used',
      code: `${header}
  request: { method: GET, urlTemplate: '/api/v2/queues/$esc.url(\${input.queueId})?m=$esc.url(\${input.mediaType})' }
`,
    },
    {
      name: 'a body that forwards every input',
      code: `${header}
  request: { method: POST, url: /api/v2/flows/datatables/x/rows, template: '\${input.rawRequest}' }
`,
    },
  ],
  invalid: [
    {
      name: 'mediaType declared but the body hard-codes "voice" (Get-Queue-Metrics)',
      code: `${header}
  request:
    method: POST
    url: /api/v2/analytics/queues/observations/query
    template: '{"queueId": "$esc.jsonString(\${input.queueId})", "mediaType": "voice"}'
`,
      errors: [{ messageId: 'unused', at: 'mediaType' }],
    },
  ],
});
