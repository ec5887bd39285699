import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'velocity-syntax',
  description: 'A Velocity template (URL, header, body or success template) that does not parse.',
  defaultSeverity: 'error',
  recommended: true,
  messages: { invalid: 'the template does not parse: {{message}}' },
  check({ facts, report }) {
    for (const field of facts.templates) {
      const parsed = facts.parsed(field);
      if (parsed.ok) continue;
      report({ messageId: 'invalid', data: { message: parsed.error.message }, path: field.path, span: { offset: parsed.error.offset, length: 1 } });
    }
  },
});
