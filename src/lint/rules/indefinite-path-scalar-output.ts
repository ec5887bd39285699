import { schemaType, translationMapPath } from '../action-facts.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'indefinite-path-scalar-output',
  description: 'A filter, wildcard or deep-scan JSONPath (always a list) printed into a non-array output without firstFromArray.',
  defaultSeverity: 'error',
  recommended: true,
  messages: {
    list:
      '"{{path}}" always returns a list (from "{{token}}" on), but "{{member}}" is {{type}}: wrap it, ${successTemplateUtils.firstFromArray("${{{key}}}", ...)}, or declare the output as an array',
  },
  check({ facts, report }) {
    const success = facts.template('success');
    if (!success) return;
    const references = facts.references(success);
    for (const [key, source] of Object.entries(facts.translationMap)) {
      const parsed = facts.path(key);
      if (!parsed?.ok || parsed.path.definite) continue;
      for (const ref of references) {
        if (ref.root !== key || ref.context !== 'text' || ref.call || ref.name !== key) continue;
        const member = facts.memberOf(ref);
        const type = schemaType(member.schema);
        if (!member.schema || type === 'array') continue;
        const token = parsed.path.firstIndefinite ?? { offset: 0, length: source.length };
        report({
          messageId: 'list',
          data: {
            path: source,
            token: source.slice(token.offset, token.offset + token.length),
            member: member.name ?? 'the result',
            type: type ? `a${/^[aeiou]/.test(type) ? 'n' : ''} ${type}` : 'not an array',
            key,
          },
          path: [...translationMapPath, key],
          span: token,
        });
        break;
      }
    }
  },
});
