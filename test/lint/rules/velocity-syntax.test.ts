import { runRuleTests } from '../rule-tester.js';

runRuleTests('velocity-syntax', {
  valid: [
    {
      name: 'directives and references',
      code: `
        name: T
        integration: purecloud-data-actions
        request:
          method: POST
          url: /api/v2/x
          template: '#if($input.a)"\${input.a}"#else null#end'
        contract:
          input: { type: object, properties: { a: { type: string } } }
      `,
    },
  ],
  invalid: [
    {
      name: 'an unclosed reference and a stray #end',
      code: `
        name: T
        integration: purecloud-data-actions
        request:
          method: POST
          url: /api/v2/x
          template: '{"a": \${input.a'
        response:
          successTemplate: '{"ok": true}#end'
      `,
      errors: [{ messageId: 'invalid', at: 'a\'\n', offset: 0 }, { messageId: 'invalid', at: '#end' }],
    },
  ],
});
