import type { PathSegment } from '../../diagnostics/index.js';
import type { JsonObject } from '../../spec/action-spec.js';
import { asObject, schemaType, successSchemaPath } from '../action-facts.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'output-nested-array',
  description: 'An array whose items are arrays in the output contract, which Genesys Cloud does not support.',
  defaultSeverity: 'error',
  recommended: true,
  messages: { nested: 'an array of arrays is not supported in an output contract: make the inner items objects with an array property' },
  check({ facts, report }) {
    const walk = (schema: JsonObject, path: PathSegment[]): void => {
      for (const [name, child] of Object.entries(asObject(schema.properties) ?? {})) {
        const object = asObject(child);
        if (object) walk(object, [...path, 'properties', name]);
      }
      const items = schema.items;
      const entries: Array<[unknown, PathSegment[]]> = Array.isArray(items)
        ? items.map((item, i) => [item, [...path, 'items', i]])
        : [[items, [...path, 'items']]];
      for (const [item, itemPath] of entries) {
        const object = asObject(item);
        if (!object) continue;
        if (schemaType(schema) === 'array' && schemaType(object) === 'array') {
          report({ messageId: 'nested', path: [...itemPath, 'type'] });
        }
        walk(object, itemPath);
      }
    };
    walk(facts.successSchema, [...successSchemaPath]);
  },
});
