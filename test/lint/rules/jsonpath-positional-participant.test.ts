import { runRuleTests } from '../rule-tester.js';

runRuleTests('jsonpath-positional-participant', {
  valid: [
    {
      name: 'participants filtered on purpose, and other arrays by index',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: "/api/v2/conversations/{id}" }
        inputs: { id: { type: string, required: true } }
        outputs:
          communicationId: { type: string, from: "$.participants[?(@.purpose=='customer')].chats[0].id" }
          firstEntity: { type: string, from: "$.entities[0].id" }
      `,
    },
  ],
  invalid: [
    {
      name: 'the forum thread: participants[1].id',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, urlTemplate: "/api/v2/conversations/chats/$esc.url(\${input.id})" }
        contract:
          input: { type: object, properties: { id: { type: string } } }
          output: { type: object, properties: { CommunicationID: { type: string } } }
        response:
          translationMap:
            commid: $.participants[1].id
          successTemplate: '{"CommunicationID": \${commid}}'
      `,
      errors: [{ messageId: 'positional', line: 9, column: 27 }],
    },
    {
      name: 'a slice and a deep scan in an output',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/analytics/conversations/details }
        outputs:
          first: { type: array, items: string, from: "$..participants[0:1].participantId" }
      `,
      errors: [{ messageId: 'positional', line: 5, column: 62 }],
    },
  ],
});
