import { inputSchemaPath } from '../action-facts.js';
import { defineRule } from '../define-rule.js';
import { inputNameOf } from '../reference-helpers.js';

export default defineRule({
  id: 'unused-input',
  description: 'An input the contract declares but no template uses (not recommended by default: a published contract cannot change).',
  defaultSeverity: 'warn',
  recommended: false,
  messages: { unused: 'input "{{name}}" is declared but never used in the URL, headers, body or success template' },
  check({ facts, report }) {
    if (facts.forwardsAllInputs) return;
    if (facts.templates.some((field) => !facts.parsed(field).ok)) return;
    const used = new Set<string>();
    for (const field of facts.templates) {
      for (const ref of facts.references(field)) {
        const name = inputNameOf(ref);
        if (name !== undefined) used.add(name);
      }
    }
    for (const name of facts.inputs.keys()) {
      if (!used.has(name)) report({ messageId: 'unused', data: { name }, path: [...inputSchemaPath, 'properties', name], at: 'key' });
    }
  },
});
