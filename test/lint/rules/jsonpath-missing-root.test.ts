import { runRuleTests } from '../rule-tester.js';

runRuleTests('jsonpath-missing-root', {
  valid: [
    {
      name: 'paths with $',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/externalcontacts/contacts }
        response:
          translationMap:
            total: $.total
            last: $['entities'][0].lastName
          successTemplate: '{"total": \${total}, "last": \${last}}'
      `,
    },
  ],
  invalid: [
    {
      name: 'a dotted path without $ (the forum thread) and .total, which becomes a deep scan',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/externalcontacts/contacts }
        response:
          translationMap:
            apellido: entities[0].lastName
            total: .total
            quoted: "['participants'][0]"
          successTemplate: '{"a": \${apellido}, "t": \${total}, "q": \${quoted}}'
      `,
      errors: [
        { messageId: 'missing', line: 6, column: 15 },
        { messageId: 'deepScan', line: 7, column: 12 },
        { messageId: 'missing', line: 8, column: 14 },
      ],
      output: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/externalcontacts/contacts }
        response:
          translationMap:
            apellido: $.entities[0].lastName
            total: $.total
            quoted: "$['participants'][0]"
          successTemplate: '{"a": \${apellido}, "t": \${total}, "q": \${quoted}}'
      `,
    },
    {
      name: "an output's from",
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/users/me }
        outputs:
          name:
            type: string
            from: name
      `,
      errors: [{ messageId: 'missing', line: 7, column: 11 }],
      output: `
        name: T
        integration: purecloud-data-actions
        request: { method: GET, url: /api/v2/users/me }
        outputs:
          name:
            type: string
            from: $.name
      `,
    },
  ],
});
