import { urlTemplatePath } from '../action-facts.js';
import { defineRule } from '../define-rule.js';
import { inputNameOf, referenceSpan, referenceText } from '../reference-helpers.js';

const unencodedTypes = new Set(['integer', 'number', 'boolean']);

export default defineRule({
  id: 'url-unencoded-input',
  description: 'An input in the URL path or query without $esc.url: a space, slash, & or # in the value changes the request.',
  defaultSeverity: 'error',
  recommended: true,
  fixable: true,
  messages: {
    unencoded:
      '{{reference}} is put into the URL without encoding, so a value with a space, /, ?, & or # changes which resource is called: write {{fixed}}',
  },
  check({ facts, report }) {
    const field = facts.template('url');
    if (!field || /^arn:/i.test(field.text) || facts.action.integrationType === 'aws-lambda-data-actions') return;
    const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(field.text);
    const pathStart = authority ? authority[0].length : 0;
    for (const ref of facts.references(field)) {
      const name = inputNameOf(ref);
      if (name === undefined || ref.context !== 'text' || ref.offset < pathStart) continue;
      if (ref.offset === 0 && !field.text.startsWith('/')) continue;
      if (unencodedTypes.has(facts.inputs.get(name)?.type ?? '')) continue;
      const reference = referenceText(field, ref);
      const fixed = `${ref.silent ? '$!' : '$'}esc.url(${reference})`;
      report({
        messageId: 'unencoded',
        data: { reference, fixed },
        path: [...urlTemplatePath],
        span: referenceSpan(ref),
        fix: { span: referenceSpan(ref), text: fixed },
      });
    }
  },
});
