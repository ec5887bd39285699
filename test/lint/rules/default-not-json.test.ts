import { runRuleTests } from '../rule-tester.js';

const header = `
  name: T
  integration: purecloud-data-actions
  request: { method: GET, url: "/api/v2/conversations/{id}" }
  inputs: { id: { type: string, required: true } }
`;

runRuleTests('default-not-json', {
  valid: [
    {
      name: 'JSON literal defaults, and generated defaults',
      code: `${header}
  outputs:
    total: { type: integer, from: $.total, default: 0 }
  response:
    translationMap: { state: $.state, list: $.list }
    translationMapDefaults: { state: '"disconnected"', list: "[]" }
    successTemplate: '{"state": \${state}, "list": \${list}, "total": \${total}}'
`,
    },
  ],
  invalid: [
    {
      name: 'a bare word (automated-callback-blueprint) and an empty default (call-park)',
      code: `${header}
  response:
    translationMap: { state: $.state, ids: $..id }
    translationMapDefaults:
      state: disconnected
      ids: ""
    successTemplate: '{"state": \${state}, "ids": \${ids}}'
`,
      errors: [
        { messageId: 'notJson', line: 9, column: 12 },
        { messageId: 'empty', line: 10, column: 10 },
      ],
      output: `${header}
  response:
    translationMap: { state: $.state, ids: $..id }
    translationMapDefaults:
      state: '"disconnected"'
      ids: ""
    successTemplate: '{"state": \${state}, "ids": \${ids}}'
`,
    },
    {
      name: 'an export keeps JSON quoting when fixed',
      kind: 'export',
      code: '{"name":"T","integrationType":"purecloud-data-actions","actionType":"custom","config":{"request":{"requestUrlTemplate":"/x","requestType":"GET","headers":{},"requestTemplate":"${input.rawRequest}"},"response":{"translationMap":{"state":"$.state"},"translationMapDefaults":{"state":"UNKNOWN"},"successTemplate":"{\\"state\\": ${state}}"}},"contract":{"input":{"inputSchema":{"type":"object","properties":{}}},"output":{"successSchema":{"type":"object","properties":{}}}},"secure":false}\n',
      errors: [{ messageId: 'notJson', at: '"UNKNOWN"' }],
      output: '{"name":"T","integrationType":"purecloud-data-actions","actionType":"custom","config":{"request":{"requestUrlTemplate":"/x","requestType":"GET","headers":{},"requestTemplate":"${input.rawRequest}"},"response":{"translationMap":{"state":"$.state"},"translationMapDefaults":{"state":"\\"UNKNOWN\\""},"successTemplate":"{\\"state\\": ${state}}"}},"contract":{"input":{"inputSchema":{"type":"object","properties":{}}},"output":{"successSchema":{"type":"object","properties":{}}}},"secure":false}\n',
    },
  ],
});
