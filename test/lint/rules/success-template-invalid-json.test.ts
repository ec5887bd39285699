import { runRuleTests } from '../rule-tester.js';

const header = `
  name: T
  integration: purecloud-data-actions
  request: { method: GET, url: /api/v2/users/me }
`;

runRuleTests('success-template-invalid-json', {
  valid: [
    {
      name: 'objects, arrays, firstFromArray with a typed fallback, and rawResult',
      code: `${header}
  contract:
    output:
      type: object
      properties:
        count: { type: integer }
        names: { type: array, items: { type: string } }
        first: { type: string }
  response:
    translationMap: { count: $.total, names: "$.entities[*].name", ids: "$.entities[*].id" }
    translationMapDefaults: { count: "0" }
    successTemplate: '{"count": \${count}, "names": \${names}, "first": \${successTemplateUtils.firstFromArray("\${ids}", "$esc.quote$esc.quote")}}'
`,
    },
    {
      name: 'generated outputs',
      code: `${header}
  outputs:
    name: { type: string, from: $.name, default: "" }
    total: { type: integer, from: $.total, default: 0 }
`,
    },
  ],
  invalid: [
    {
      name: 'an extra brace (the GenesysCloudDevOps module)',
      code: `${header}
  response:
    translationMap: { userId: $.id }
    successTemplate: '{"userId" : \${userId}}}'
`,
      errors: [{ messageId: 'notJson', line: 7, column: 20 }],
    },
    {
      name: 'the callback-prioritization fallback: a string where the contract says integer',
      code: `${header}
  contract:
    output: { type: object, properties: { priority: { type: integer } } }
  response:
    translationMap:
      p: "$.participants[?(@.purpose=='acd')].conversationRoutingData.priority"
    translationMapDefaults: { p: '[""]' }
    successTemplate: '{"priority": \${successTemplateUtils.firstFromArray("\${p}", "$esc.quote$esc.quote")}}'
`,
      errors: [{ messageId: 'mismatch', line: 11, column: 22 }],
    },
    {
      name: 'a method that throws on the sample value fails the template before it is JSON',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/users/me }
        response:
          translationMap: { id: $.id }
          successTemplate: '{"id": \${id.substring(99)}}'
      `,
      errors: [{ messageId: 'renderFailed', line: 6, column: 28 }],
    },
  ],
});
