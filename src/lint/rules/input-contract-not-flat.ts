import { asObject, inputSchemaPath, schemaType } from '../action-facts.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'input-contract-not-flat',
  description: 'An input that is an object or array: input contracts are flat (string, integer, number, boolean).',
  defaultSeverity: 'error',
  recommended: true,
  messages: {
    nested: 'input "{{name}}" is {{type}}, but input contracts are flat: pass it as a JSON string and print it unquoted, or split it into several inputs',
  },
  check({ facts, report }) {
    const properties = asObject(facts.inputSchema.properties) ?? {};
    for (const [name, value] of Object.entries(properties)) {
      const property = asObject(value);
      const type = schemaType(property);
      const nested = type === 'object' || type === 'array' || property?.properties !== undefined || property?.items !== undefined;
      if (!nested) continue;
      const hasType = property?.type !== undefined;
      report({
        messageId: 'nested',
        data: { name, type: type === 'array' || property?.items !== undefined ? 'an array' : 'an object' },
        path: [...inputSchemaPath, 'properties', name, ...(hasType ? ['type'] : [])],
        ...(hasType ? {} : { at: 'key' as const }),
      });
    }
  },
});
