import { runRuleTests } from '../rule-tester.js';

const header = `
  name: T
  integration: purecloud-data-actions
  request: { method: GET, url: "/api/v2/conversations/{id}" }
  inputs: { id: { type: string, required: true } }
`;

runRuleTests('participant-id-as-communication-id', {
  valid: [
    {
      name: "the customer's chat communication and the participant id under a participant name",
      code: `${header}
  outputs:
    communicationId: { type: string, from: "$.participants[?(@.purpose=='customer')].chats[0].id" }
    customerParticipantId: { type: string, from: "$.participants[?(@.purpose=='customer')].id" }
    sessionId: { type: string, from: "$.participants[?(@.purpose=='external')].sessions[0].sessionId" }
`,
    },
  ],
  invalid: [
    {
      name: 'the forum thread: commid printed as CommunicationID',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, urlTemplate: "/api/v2/conversations/chats/$esc.url(\${input.id})" }
        contract:
          input: { type: object, properties: { id: { type: string } } }
          output: { type: object, properties: { CommunicationID: { type: string } } }
        response:
          translationMap:
            commid: "$.participants[?(@.purpose=='customer')].id"
          successTemplate: '{"CommunicationID": \${successTemplateUtils.firstFromArray("\${commid}")}}'
      `,
      errors: [{ messageId: 'participantId', line: 9, column: 55 }],
    },
    {
      name: 'an output named sessionId fed by the analytics participantId',
      code: `${header}
  outputs:
    sessionId: { type: array, items: string, from: "$.participants[*].participantId" }
`,
      errors: [{ messageId: 'participantId', line: 7, column: 69 }],
    },
  ],
});
