import { defineRule } from '../define-rule.js';

export const maxNameLength = 256;

export default defineRule({
  id: 'name-too-long',
  description: 'An action name longer than 256 characters, which the Platform API rejects.',
  defaultSeverity: 'warn',
  recommended: true,
  messages: { long: 'the name is {{length}} characters; Genesys Cloud accepts at most {{max}}' },
  check({ facts, report }) {
    const length = [...facts.action.name].length;
    if (length > maxNameLength) report({ messageId: 'long', data: { length, max: maxNameLength }, path: ['name'] });
  },
});
