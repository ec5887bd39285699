import { rawRequestTemplate } from '../../compile/compile-action.js';
import { requestTemplatePath } from '../action-facts.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'get-with-body',
  description: 'A GET whose request template is not ${input.rawRequest}: a GET sends no body, so the template is ignored.',
  defaultSeverity: 'warn',
  recommended: true,
  messages: { body: 'a GET request sends no body, so this request template is ignored: leave it as ${input.rawRequest} or change the method' },
  check({ facts, report }) {
    const template = facts.action.config.request.requestTemplate;
    if (facts.method !== 'GET' || template.trim() === '' || template.trim() === rawRequestTemplate) return;
    report({ messageId: 'body', path: [...requestTemplatePath] });
  },
});
