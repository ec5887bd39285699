import { defineRule } from '../define-rule.js';
import { maxNameLength } from './name-too-long.js';

export default defineRule({
  id: 'category-too-long',
  description: 'A category (the integration name) longer than 256 characters, which the Platform API rejects.',
  defaultSeverity: 'warn',
  recommended: true,
  messages: { long: 'the category is {{length}} characters; Genesys Cloud accepts at most {{max}}' },
  check({ facts, report }) {
    if (facts.category === undefined) return;
    const length = [...facts.category].length;
    if (length > maxNameLength) report({ messageId: 'long', data: { length, max: maxNameLength }, path: ['category'] });
  },
});
