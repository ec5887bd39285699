import { runRuleTests } from '../rule-tester.js';

runRuleTests('jsonpath-syntax', {
  valid: [
    {
      name: 'a filter path in a raw translation map',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/externalcontacts/contacts }
        response:
          translationMap:
            ids: $.entities[?(@.title)].id
          successTemplate: '{"ids": \${ids}}'
      `,
    },
  ],
  invalid: [
    {
      name: 'an unclosed filter in a raw translation map points inside the expression',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/externalcontacts/contacts }
        response:
          translationMap:
            ids: $.entities[?(@.title].id
          successTemplate: '{"ids": \${ids}}'
      `,
      errors: [{ messageId: 'invalid', line: 6, column: 22 }],
    },
    {
      name: "an output's from (reported by the compiler under the same id)",
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/users/me }
        outputs:
          name: { type: string, from: "$.entities[?(@.x" }
      `,
      errors: [{ ruleId: 'jsonpath-syntax', line: 5, column: 44 }],
    },
    {
      name: 'an export',
      kind: 'export',
      code: '{"name":"T","integrationType":"purecloud-data-actions","actionType":"custom","config":{"request":{"requestUrlTemplate":"/x","requestType":"GET","headers":{},"requestTemplate":"${input.rawRequest}"},"response":{"translationMap":{"a":"$..[?(@.x"},"translationMapDefaults":{},"successTemplate":"{\\"a\\": ${a}}"}},"contract":{"input":{"inputSchema":{"type":"object","properties":{}}},"output":{"successSchema":{"type":"object","properties":{}}}},"secure":false}\n',
      errors: [{ messageId: 'invalid', at: '$..[?(@.x', offset: 5 }],
    },
  ],
});
