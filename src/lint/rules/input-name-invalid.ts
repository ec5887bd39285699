import { inputNamePattern } from '../../spec/action-spec.js';
import { inputSchemaPath } from '../action-facts.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'input-name-invalid',
  description: 'An input name that does not start with a letter or has characters other than letters, digits, _ and -.',
  defaultSeverity: 'error',
  recommended: true,
  messages: { invalid: 'input name "{{name}}" must start with a letter and contain only letters, digits, _ and -' },
  check({ facts, report }) {
    for (const name of facts.inputs.keys()) {
      if (!inputNamePattern.test(name)) report({ messageId: 'invalid', data: { name }, path: [...inputSchemaPath, 'properties', name], at: 'key' });
    }
  },
});
