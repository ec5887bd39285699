import type { PathSegment } from '../../diagnostics/index.js';
import { inputSchemaPath, successSchemaPath } from '../action-facts.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'contract-ref',
  description: 'A $ref in a contract: Genesys Cloud contracts do not resolve references.',
  defaultSeverity: 'error',
  recommended: true,
  messages: { ref: '$ref is not supported in data-action contracts: write the schema out in place' },
  check({ facts, report }) {
    const walk = (value: unknown, path: PathSegment[]): void => {
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
      else if (value !== null && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          if (key === '$ref') report({ messageId: 'ref', path: [...path, key], at: 'key' });
          else walk(child, [...path, key]);
        }
      }
    };
    walk(facts.inputSchema, [...inputSchemaPath]);
    walk(facts.successSchema, [...successSchemaPath]);
  },
});
