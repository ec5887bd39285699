import { runRuleTests } from '../rule-tester.js';

const header = `
  name: T
  integration: custom-rest-actions
  contract:
    input: { type: object, required: [name, id, page, host], properties: { name: { type: string }, id: { type: string }, page: { type: integer }, host: { type: string } } }
`;

runRuleTests('url-unencoded-input', {
  valid: [
    {
      name: 'encoded values, integers, placeholders, and an input as the host',
      code: `${header}
  request:
    method: GET
    urlTemplate: 'https://\${input.host}/users/$esc.url(\${input.id})?q=$esc.url(\${input.name})&page=\${input.page}'
`,
    },
    {
      name: 'placeholders in url are encoded by the compiler',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: "/api/v2/users/{id}", query: { q: "{name}" } }
        inputs: { id: { type: string, required: true }, name: { type: string, required: true } }
      `,
    },
    {
      name: 'a whole URL from an input (webhooks)',
      code: `${header}
  request: { method: POST, urlTemplate: '\${input.host}' }
`,
    },
  ],
  invalid: [
    {
      name: 'a path segment and a query value',
      code: `${header}
  request:
    method: GET
    urlTemplate: /api/v2/conversations/\${input.id}?name=\${input.name}
`,
      errors: [{ messageId: 'unencoded', at: '${input.id}' }, { messageId: 'unencoded', at: '${input.name}' }],
      output: `${header}
  request:
    method: GET
    urlTemplate: /api/v2/conversations/$esc.url(\${input.id})?name=$esc.url(\${input.name})
`,
    },
    {
      name: 'raw Velocity in a generated url maps back to the url',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: "/api/v2/users/{id}/x/\${input.name}" }
        inputs: { id: { type: string, required: true }, name: { type: string, required: true } }
      `,
      errors: [{ messageId: 'unencoded', at: '${input.name}' }],
      output: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: "/api/v2/users/{id}/x/$esc.url(\${input.name})" }
        inputs: { id: { type: string, required: true }, name: { type: string, required: true } }
      `,
    },
  ],
});
