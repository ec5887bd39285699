import { inputSchemaPath, schemaType, successSchemaPath } from '../action-facts.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'contract-root-not-object',
  description: 'A contract whose top-level type is not object: Architect reads inputs and outputs as named properties.',
  defaultSeverity: 'error',
  recommended: true,
  messages: {
    notObject: 'the {{contract}} contract is {{type}} at the top level, but it must be an object: Architect maps its properties to variables',
  },
  check({ facts, report }) {
    const contracts = [
      ['input', facts.inputSchema, inputSchemaPath],
      ['output', facts.successSchema, successSchemaPath],
    ] as const;
    for (const [contract, schema, path] of contracts) {
      const type = schemaType(schema);
      if (type === 'object') continue;
      report({
        messageId: 'notObject',
        data: { contract, type: type ? `"${type}"` : 'untyped' },
        path: type ? [...path, 'type'] : [...path],
        ...(type ? {} : { at: 'key' as const }),
      });
    }
  },
});
