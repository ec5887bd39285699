import { translationMapPath } from '../action-facts.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'jsonpath-positional-participant',
  description: 'A JSONPath that picks a conversation participant by position (`participants[1]`) instead of by purpose.',
  defaultSeverity: 'error',
  recommended: true,
  messages: {
    positional:
      'participants{{index}} picks a participant by position, but the order depends on the flow, queue and transfers (the customer is not always first); filter on purpose instead, e.g. participants[?(@.purpose==\'customer\')]',
  },
  check({ facts, report }) {
    for (const [key, source] of Object.entries(facts.translationMap)) {
      const parsed = facts.path(key);
      if (!parsed?.ok) continue;
      const ast = parsed.path.ast;
      ast.forEach((node, i) => {
        const next = ast[i + 1];
        if (node.kind !== 'property' || !node.names.includes('participants') || !next) return;
        if (next.kind !== 'index' && next.kind !== 'slice') return;
        report({
          messageId: 'positional',
          data: { index: source.slice(next.offset, next.offset + next.length) },
          path: [...translationMapPath, key],
          span: { offset: next.offset, length: next.length },
        });
      });
    }
  },
});
