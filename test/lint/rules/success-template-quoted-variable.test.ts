import { runRuleTests } from '../rule-tester.js';

const header = `
  name: T
  integration: purecloud-data-actions
  request: { method: GET, url: /api/v2/users/me }
  contract:
    output: { type: object, properties: { name: { type: string }, greeting: { type: string } } }
`;

runRuleTests('success-template-quoted-variable', {
  valid: [
    {
      name: 'unquoted variables, and the quoted firstFromArray argument',
      code: `${header}
  response:
    translationMap: { name: $.name, ids: $.ids }
    successTemplate: '{"name": \${name}, "greeting": "Hello", "id": \${successTemplateUtils.firstFromArray("\${ids}", "$esc.quote$esc.quote")}}'
`,
    },
    {
      name: 'an input inside a string is not a translation variable',
      code: `${header}
  response:
    translationMap: { name: $.name }
    successTemplate: '{"name": \${name}, "greeting": "$esc.jsonString(\${input.x})"}'
`,
    },
  ],
  invalid: [
    {
      name: '"${name}" and a variable inside longer text',
      code: `${header}
  response:
    translationMap: { name: $.name }
    successTemplate: '{"name": "\${name}", "greeting": "Hello \${name}!"}'
`,
      errors: [
        { messageId: 'quoted', line: 9, column: 31 },
        { messageId: 'quoted', line: 9, column: 60 },
      ],
      output: `${header}
  response:
    translationMap: { name: $.name }
    successTemplate: '{"name": \${name}, "greeting": "Hello \${name}!"}'
`,
    },
    {
      name: 'the Get-Recording export: "$esc.jsonString(${transcript})"',
      kind: 'export',
      code: '{"name":"T","integrationType":"purecloud-data-actions","actionType":"custom","config":{"request":{"requestUrlTemplate":"/x","requestType":"GET","headers":{},"requestTemplate":"${input.rawRequest}"},"response":{"translationMap":{"transcript":"$[0].transcript"},"translationMapDefaults":{},"successTemplate":"{\\"transcript\\": \\"$esc.jsonString(${transcript})\\"}"}},"contract":{"input":{"inputSchema":{"type":"object","properties":{}}},"output":{"successSchema":{"type":"object","properties":{"transcript":{"type":"string"}}}}},"secure":false}\n',
      errors: [{ messageId: 'escaped', at: '$esc.jsonString' }],
      output: '{"name":"T","integrationType":"purecloud-data-actions","actionType":"custom","config":{"request":{"requestUrlTemplate":"/x","requestType":"GET","headers":{},"requestTemplate":"${input.rawRequest}"},"response":{"translationMap":{"transcript":"$[0].transcript"},"translationMapDefaults":{},"successTemplate":"{\\"transcript\\": ${transcript}}"}},"contract":{"input":{"inputSchema":{"type":"object","properties":{}}},"output":{"successSchema":{"type":"object","properties":{"transcript":{"type":"string"}}}}},"secure":false}\n',
    },
  ],
});
