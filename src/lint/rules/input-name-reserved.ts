import { reservedInputNames } from '../../spec/action-spec.js';
import { inputSchemaPath } from '../action-facts.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'input-name-reserved',
  description: 'An input named rawRequest, orgId or integrationId, which the platform fills in itself.',
  defaultSeverity: 'error',
  recommended: true,
  messages: {
    reserved: '"{{name}}" is reserved: Genesys Cloud sets rawRequest, orgId and integrationId itself and overwrites an input of that name; rename it',
  },
  check({ facts, report }) {
    for (const name of facts.inputs.keys()) {
      if ((reservedInputNames as readonly string[]).includes(name)) {
        report({ messageId: 'reserved', data: { name }, path: [...inputSchemaPath, 'properties', name], at: 'key' });
      }
    }
  },
});
