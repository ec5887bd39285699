import { runRuleTests } from '../rule-tester.js';

const header = `
  name: T
  integration: purecloud-data-actions
  contract:
    input: { type: object, properties: { msg: { type: string }, count: { type: integer }, attributes: { type: string } } }
`;

runRuleTests('body-unescaped-input', {
  valid: [
    {
      name: 'escaped strings, bare numbers and raw JSON text outside quotes',
      code: `${header}
  request:
    method: POST
    url: /api/v2/x
    template: '{"text": "$esc.jsonString(\${input.msg})", "count": \${input.count}, "n": "\${input.count}", "attributes": \${input.attributes}}'
`,
    },
    {
      name: 'a structured body is escaped by the compiler',
      code: `
        name: T
        integration: purecloud-data-actions
        request:
          method: POST
          url: /api/v2/x
          body: { text: "{msg}" }
        inputs: { msg: { type: string, required: true } }
      `,
    },
    {
      name: 'a form-encoded body is not JSON',
      code: `${header}
  request:
    method: POST
    url: /oauth/token
    headers: { Content-Type: application/x-www-form-urlencoded }
    template: 'grant_type="\${input.msg}"'
`,
    },
  ],
  invalid: [
    {
      name: '"text": "${input.msg}" (the forum thread and negative-sentiment-callback)',
      code: `${header}
  request:
    method: POST
    url: /api/v2/x
    template: |
      {
        "text": "\${input.msg}",
        "optional": "$!{input.msg}"
      }
`,
      errors: [{ messageId: 'unescaped', at: '${input.msg}' }, { messageId: 'unescaped', at: '$!{input.msg}' }],
      output: `${header}
  request:
    method: POST
    url: /api/v2/x
    template: |
      {
        "text": "$esc.jsonString(\${input.msg})",
        "optional": "$!esc.jsonString($!{input.msg})"
      }
`,
    },
  ],
});
