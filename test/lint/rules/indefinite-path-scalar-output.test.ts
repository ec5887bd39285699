import { runRuleTests } from '../rule-tester.js';

const header = `
  name: T
  integration: purecloud-data-actions
  request: { method: GET, urlTemplate: "/api/v2/conversations/callbacks/$esc.url(\${input.id})" }
  contract:
    input: { type: object, properties: { id: { type: string } } }
    output: { type: object, properties: { priority: { type: integer }, ids: { type: array, items: { type: string } } } }
`;

runRuleTests('indefinite-path-scalar-output', {
  valid: [
    {
      name: 'firstFromArray for the scalar, the list into an array output (callback-prioritization)',
      code: `${header}
  response:
    translationMap:
      p: "$.participants[?(@.purpose=='acd')].conversationRoutingData.priority"
      ids: $.participants[*].id
    successTemplate: '{"priority": \${successTemplateUtils.firstFromArray("\${p}", "0")}, "ids": \${ids}}'
`,
    },
    {
      name: 'generated outputs take the first element themselves',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/users }
        outputs:
          firstId: { type: string, from: "$.entities[?(@.state=='active')].id" }
      `,
    },
  ],
  invalid: [
    {
      name: 'a filter result printed into an integer',
      code: `${header}
  response:
    translationMap:
      p: "$.participants[?(@.purpose=='acd')].conversationRoutingData.priority"
    successTemplate: '{"priority": \${p}}'
`,
      errors: [{ messageId: 'list', line: 10, column: 23 }],
    },
    {
      name: 'a deep scan printed into a string of a nested object',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/users }
        contract:
          output: { type: object, properties: { user: { type: object, properties: { email: { type: string } } } } }
        response:
          translationMap:
            email: $..email
          successTemplate: '{"user": {"email": \${email}}}'
      `,
      errors: [{ messageId: 'list', line: 8, column: 13 }],
    },
  ],
});
