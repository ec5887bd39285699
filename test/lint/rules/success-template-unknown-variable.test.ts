import { runRuleTests } from '../rule-tester.js';

const header = `
  name: T
  integration: purecloud-data-actions
  request: { method: GET, url: /api/v2/users/me }
`;

runRuleTests('success-template-unknown-variable', {
  valid: [
    {
      name: 'translation keys, rawResult, input, tools and #set variables',
      code: `${header}
  response:
    translationMap: { presence: $.presence }
    successTemplate: '#set($p = \${presence}){"p": $p, "raw": \${rawResult}, "in": "$esc.jsonString($!{input.x})", "n": $math.add(1, 2)}'
`,
    },
  ],
  invalid: [
    {
      name: 'a case mismatch and a plural (the workshop error)',
      code: `${header}
  response:
    translationMap: { Presence: $.presence }
    successTemplate: '{"a": \${presence}, "b": $Presences}'
`,
      errors: [
        { messageId: 'unknown', at: '${presence}', offset: 2 },
        { messageId: 'unknown', at: '$Presences', offset: 1 },
      ],
    },
  ],
});
