import { translationMapPath } from '../action-facts.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'unused-translation',
  description: 'A translation-map key the success template never uses.',
  defaultSeverity: 'warn',
  recommended: true,
  messages: { unused: 'translation "{{key}}" is never used in the success template; use it or remove it' },
  check({ facts, report }) {
    const field = facts.template('success');
    if (!field || !facts.parsed(field).ok) return;
    const used = new Set(facts.references(field).map((ref) => ref.root));
    for (const key of facts.translationKeys) {
      if (!used.has(key)) report({ messageId: 'unused', data: { key }, path: [...translationMapPath, key], at: 'key' });
    }
  },
});
