import { runRuleTests } from '../rule-tester.js';

const header = `
  name: T
  integration: purecloud-data-actions
  contract:
    input: { type: object, required: [queueId], properties: { queueId: { type: string }, scriptId: { type: string } } }
`;

runRuleTests('optional-input-formal-reference', {
  valid: [
    {
      name: 'silent references and guarded blocks (Create-Callback-Extended)',
      code: `${header}
  request:
    method: POST
    url: /api/v2/conversations/callbacks
    template: |
      {
        "queueId": "$esc.jsonString(\${input.queueId})"
      #if("$!{input.scriptId}" != "")
        ,"scriptId": "$esc.jsonString(\${input.scriptId})"
      #end
        ,"note": "$!{input.scriptId}"
      }
`,
    },
    {
      name: 'an optional body member from a structured body',
      code: `
        name: T
        integration: purecloud-data-actions
        request: { method: POST, url: /api/v2/externalcontacts/contacts, body: { firstName: "{first}", email: "{email}" } }
        inputs: { first: { type: string, required: true }, email: { type: string } }
      `,
    },
  ],
  invalid: [
    {
      name: 'an optional input printed formally, and in the else branch of its own guard',
      code: `${header}
  request:
    method: POST
    url: /api/v2/conversations/callbacks
    template: |
      {"scriptId": "$esc.jsonString(\${input.scriptId})"
      #if("$!{input.scriptId}" == "")
      , "note": "\${input.scriptId}"
      #else
      , "other": "\${input.scriptId}"
      #end
      }
`,
      errors: [{ messageId: 'formal', at: '${input.scriptId})' }, { messageId: 'formal', at: '"note": "${input.scriptId}"', offset: 9 }],
    },
  ],
});
