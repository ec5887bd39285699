import { didYouMean } from '../../diagnostics/index.js';
import { successTemplatePath } from '../action-facts.js';
import { defineRule } from '../define-rule.js';
import { segmentSpan, velocityTools } from '../reference-helpers.js';

const contextNames = ['rawResult', 'input', 'credentials', 'authResponse'];

export default defineRule({
  id: 'success-template-unknown-variable',
  description: 'A success-template variable that is neither a translation-map key nor rawResult: "Variable $x has not been set".',
  defaultSeverity: 'error',
  recommended: true,
  messages: {
    unknown: '${{{name}}} is not a translation-map key, so the action fails with "Variable ${{name}} has not been set"{{hint}}',
  },
  check({ facts, report }) {
    const field = facts.template('success');
    if (!field) return;
    const keys = facts.translationKeys;
    const known = new Set([...keys, ...contextNames, ...velocityTools, ...facts.definedVariables(field)]);
    for (const ref of facts.references(field)) {
      if (known.has(ref.root)) continue;
      const sameCase = keys.find((key) => key.toLowerCase() === ref.root.toLowerCase());
      const close = sameCase ?? didYouMean(ref.root, keys);
      const hint = sameCase
        ? `; did you mean "${sameCase}"? (names are case-sensitive)`
        : close
          ? `; did you mean "${close}"?`
          : keys.length
            ? `; the keys are ${keys.map((k) => `"${k}"`).join(', ')}`
            : '; the translation map is empty';
      report({ messageId: 'unknown', data: { name: ref.root, hint }, path: [...successTemplatePath], span: segmentSpan(field, ref, 0) });
    }
  },
});
