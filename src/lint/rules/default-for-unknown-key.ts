import { suggestion } from '../../diagnostics/index.js';
import { defaultsPath } from '../action-facts.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'default-for-unknown-key',
  description: 'A translationMapDefaults key that is not in the translation map, so the default never applies.',
  defaultSeverity: 'warn',
  recommended: true,
  messages: { unknown: 'default "{{key}}" has no translation-map entry, so it never applies{{hint}}' },
  check({ facts, report }) {
    const keys = facts.translationKeys;
    for (const key of Object.keys(facts.defaults)) {
      if (keys.includes(key)) continue;
      report({ messageId: 'unknown', data: { key, hint: suggestion(key, keys) }, path: [...defaultsPath, key], at: 'key' });
    }
  },
});
