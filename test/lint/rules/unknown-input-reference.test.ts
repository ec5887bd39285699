import { runRuleTests } from '../rule-tester.js';

const header = `
  name: T
  integration: purecloud-data-actions
  contract:
    input: { type: object, properties: { conversationId: { type: string } } }
`;

runRuleTests('unknown-input-reference', {
  valid: [
    {
      name: 'declared inputs and the platform inputs',
      code: `${header}
  request:
    method: POST
    urlTemplate: /api/v2/conversations/$esc.url(\${input.conversationId})
    template: '{"all": \${input.rawRequest}, "org": "\${input.orgId}"}'
`,
    },
  ],
  invalid: [
    {
      name: 'a case mismatch in the URL and $Input (the salesforce blueprint)',
      code: `${header}
  request:
    method: POST
    urlTemplate: /api/v2/conversations/$esc.url(\${input.ConversationID})
    template: '{"id": "$esc.jsonString($Input.conversationId)", "x": "$!{input.other}"}'
`,
      errors: [{ messageId: 'unknown', at: 'ConversationID' }, { messageId: 'rootCase', at: 'Input.' }, { messageId: 'unknown', at: 'other' }],
    },
  ],
});
