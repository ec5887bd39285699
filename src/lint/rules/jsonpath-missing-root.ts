import { translationMapPath } from '../action-facts.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'jsonpath-missing-root',
  description: 'A JSONPath without `$`: Jayway prepends `$.`, so `.total` silently becomes the deep scan `$..total`.',
  defaultSeverity: 'warn',
  recommended: true,
  fixable: true,
  messages: {
    missing: '"{{path}}" has no root; Jayway reads it as "{{read}}": write the $ yourself',
    deepScan: '"{{path}}" has no root; Jayway reads it as the deep scan "{{read}}", which returns a list of every "{{name}}" at any depth: write "${{path}}"',
  },
  check({ facts, report }) {
    for (const [key, source] of Object.entries(facts.translationMap)) {
      const parsed = facts.path(key);
      if (!parsed?.ok || parsed.path.hasRoot) continue;
      const first = parsed.path.ast[1];
      const deepScan = source.startsWith('.') && !source.startsWith('..');
      report({
        messageId: deepScan ? 'deepScan' : 'missing',
        data: { path: source, read: `$.${source}`, name: source.slice(1).split(/[.[]/)[0] ?? '' },
        path: [...translationMapPath, key],
        span: { offset: 0, length: Math.max(1, first ? first.offset + first.length : source.length) },
        fix: { span: { offset: 0, length: 0 }, text: source.startsWith('.') || source.startsWith('[') ? '$' : '$.' },
      });
    }
  },
});
