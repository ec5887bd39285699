import { defaultsPath } from '../action-facts.js';
import { defineRule } from '../define-rule.js';
import { isJsonText } from '../../json/json-values.js';

export default defineRule({
  id: 'default-not-json',
  description: 'A translationMapDefaults value that is not JSON text: the success template renders invalid JSON when it is used.',
  defaultSeverity: 'error',
  recommended: true,
  fixable: true,
  messages: {
    notJson: 'the default {{value}} is not JSON, and defaults are pasted into the success template as JSON text: write {{suggestion}}',
    empty: 'the default is empty, which is not JSON: write the JSON the output needs when the path is missing ("\\"\\"", "0", "[]", "null")',
  },
  check({ facts, report }) {
    for (const [key, value] of Object.entries(facts.defaults)) {
      if (typeof value !== 'string' || isJsonText(value)) continue;
      const path = [...defaultsPath, key];
      if (value.trim() === '') {
        report({ messageId: 'empty', path });
        continue;
      }
      const suggestion = JSON.stringify(value);
      report({
        messageId: 'notJson',
        data: { value: JSON.stringify(value), suggestion: JSON.stringify(suggestion) },
        path,
        fix: { text: suggestion },
      });
    }
  },
});

