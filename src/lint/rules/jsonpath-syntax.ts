import { translationMapPath } from '../action-facts.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'jsonpath-syntax',
  description: 'A translation-map JSONPath that does not parse: the action fails on every call.',
  defaultSeverity: 'error',
  recommended: true,
  messages: { invalid: 'invalid JSONPath: {{message}}' },
  check({ facts, report }) {
    for (const key of facts.translationKeys) {
      const parsed = facts.path(key);
      if (!parsed || parsed.ok) continue;
      report({
        messageId: 'invalid',
        data: { message: parsed.error.message },
        path: [...translationMapPath, key],
        span: { offset: parsed.error.offset, length: Math.max(1, parsed.error.length) },
      });
    }
  },
});
