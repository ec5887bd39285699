import { contentTypeOf } from '../../export/data-action-export.js';
import { requestTemplatePath } from '../action-facts.js';
import { defineRule } from '../define-rule.js';
import { inputNameOf, referenceSpan, referenceText } from '../reference-helpers.js';

const unquotedTypes = new Set(['integer', 'number', 'boolean']);

export default defineRule({
  id: 'body-unescaped-input',
  description: 'An input printed inside a JSON string of the request body without $esc.jsonString: a quote or newline breaks the body.',
  defaultSeverity: 'error',
  recommended: true,
  fixable: true,
  messages: {
    unescaped:
      '{{reference}} is printed inside a JSON string without escaping, so a value with a quote, backslash or newline breaks the request body: write {{fixed}}',
  },
  check({ facts, report }) {
    const field = facts.template('body');
    if (!field) return;
    const contentType = contentTypeOf(facts.action.config.request.headers ?? {}) ?? '';
    if (/x-www-form-urlencoded|text\/plain|xml/i.test(contentType)) return;
    for (const ref of facts.references(field)) {
      const name = inputNameOf(ref);
      if (name === undefined || name === 'rawRequest' || ref.context !== 'text' || !ref.inJsonString) continue;
      const input = facts.inputs.get(name);
      if (!input || unquotedTypes.has(input.type ?? '')) continue;
      const reference = referenceText(field, ref);
      const fixed = `${ref.silent ? '$!' : '$'}esc.jsonString(${reference})`;
      report({
        messageId: 'unescaped',
        data: { reference, fixed },
        path: [...requestTemplatePath],
        span: referenceSpan(ref),
        fix: { span: referenceSpan(ref), text: fixed },
      });
    }
  },
});
