import { defineRule } from '../define-rule.js';
import { inputNameOf, referenceSpan, referenceText } from '../reference-helpers.js';

export default defineRule({
  id: 'optional-input-formal-reference',
  description: 'An optional input used as ${input.x}: when the flow leaves it unset, Velocity prints the reference text itself.',
  defaultSeverity: 'warn',
  recommended: true,
  messages: {
    formal:
      'input "{{name}}" is optional, and when it is unset {{reference}} prints itself ("{{reference}}") into the request: make it required, write $!{input.{{name}}}, or put it inside #if("$!{input.{{name}}}" != "")',
  },
  check({ facts, report }) {
    for (const field of facts.templates) {
      for (const ref of facts.references(field)) {
        const name = inputNameOf(ref);
        if (name === undefined || ref.silent || ref.context === 'directive') continue;
        const input = facts.inputs.get(name);
        if (!input || input.required || facts.isGuarded(field, ref.offset, name)) continue;
        const reference = referenceText(field, ref);
        const amend = { from: reference, to: reference.replace(/^\$/, '$!') };
        report({ messageId: 'formal', data: { name, reference }, path: field.path, span: referenceSpan(ref), amend });
      }
    }
  },
});
