import { successTemplatePath } from '../action-facts.js';
import { defineRule } from '../define-rule.js';
import { enclosingCall, referenceSpan, referenceText } from '../reference-helpers.js';

export default defineRule({
  id: 'success-template-quoted-variable',
  description: 'A translation variable written inside a JSON string in the success template; its value is already JSON text.',
  defaultSeverity: 'error',
  recommended: true,
  fixable: true,
  messages: {
    quoted:
      '${{{key}}} is inside a JSON string, but translation values are already JSON text (a string arrives with its quotes): write ${{{key}}} without the quotes',
    escaped:
      '$esc.jsonString(${{{key}}}) escapes JSON text that already has its quotes, so the output keeps them ("\\"text\\""): write ${{{key}}} without the quotes',
  },
  check({ facts, report }) {
    const field = facts.template('success');
    if (!field) return;
    const keys = new Set(facts.translationKeys);
    const text = field.text;
    const references = facts.references(field);
    for (const ref of references) {
      if (!keys.has(ref.root) || ref.name !== ref.root) continue;
      if (ref.context === 'text' && ref.inJsonString) {
        const quoted = text[ref.offset - 1] === '"' && text[ref.offset + ref.length] === '"';
        report({
          messageId: 'quoted',
          data: { key: ref.root },
          path: [...successTemplatePath],
          span: referenceSpan(ref),
          ...(quoted ? { fix: { span: { offset: ref.offset - 1, length: ref.length + 2 }, text: referenceText(field, ref) } } : {}),
        });
        continue;
      }
      const call = enclosingCall(references, ref);
      if (ref.context !== 'argument' || call?.name !== 'esc.jsonString' || call.context !== 'text' || !call.inJsonString) continue;
      const exact = referenceText(field, call) === `$esc.jsonString(${referenceText(field, ref)})`;
      const quoted = exact && text[call.offset - 1] === '"' && text[call.offset + call.length] === '"';
      report({
        messageId: 'escaped',
        data: { key: ref.root },
        path: [...successTemplatePath],
        span: referenceSpan(call),
        ...(quoted ? { fix: { span: { offset: call.offset - 1, length: call.length + 2 }, text: referenceText(field, ref) } } : {}),
      });
    }
  },
});
