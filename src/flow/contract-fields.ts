import type { JsonObject } from '../spec/action-spec.js';
import { collectionOf, scalarArchitectType, type ArchitectType } from './architect-types.js';
import { isJsonObject } from '../json/json-values.js';

export interface ContractInput {
  name: string;
  required: boolean;
  /** Undefined when the contract's type has no Architect equivalent. */
  type: ArchitectType | undefined;
  jsonType: string;
  /** The contract's `enum` and `pattern`, which a literal value in a flow must satisfy. */
  enum?: unknown[];
  pattern?: string;
}

export interface ContractOutput {
  /** The flattened key Architect shows: `a.b` for nested objects. */
  key: string;
  type: ArchitectType | undefined;
  jsonType: string;
}

/** The input contract's properties, required ones first, each group in contract order. */
export function contractInputs(inputSchema: JsonObject): ContractInput[] {
  const required = new Set(Array.isArray(inputSchema.required) ? inputSchema.required.map(String) : []);
  const inputs = Object.entries(asProperties(inputSchema.properties)).map(([name, property]) => ({
    name,
    required: required.has(name),
    type: scalarArchitectType(property.type),
    jsonType: describeType(property),
    ...(Array.isArray(property.enum) ? { enum: property.enum } : {}),
    ...(typeof property.pattern === 'string' ? { pattern: property.pattern } : {}),
  }));
  return [...inputs.filter((i) => i.required), ...inputs.filter((i) => !i.required)];
}

/**
 * The output contract flattened the way Architect presents it: nested objects become dotted keys and
 * arrays become collections; the properties of an array of objects become collections of their own
 * (that last shape is not seen in any real flow, so it is an inference).
 */
export function contractOutputs(successSchema: JsonObject): ContractOutput[] {
  const outputs: ContractOutput[] = [];
  const walk = (properties: Record<string, JsonObject>, prefix: string, inArray: boolean): void => {
    for (const [name, property] of Object.entries(properties)) {
      const key = `${prefix}${name}`;
      if (property.type === 'object' && isJsonObject(property.properties)) {
        walk(asProperties(property.properties), `${key}.`, inArray);
      } else if (property.type === 'array' && !inArray) {
        const items = isJsonObject(property.items) ? (property.items as JsonObject) : {};
        if (items.type === 'object' && isJsonObject(items.properties)) {
          walk(asProperties(items.properties), `${key}.`, true);
        } else {
          const itemType = scalarArchitectType(items.type);
          outputs.push({ key, type: itemType && collectionOf(itemType), jsonType: describeType(property) });
        }
      } else {
        const scalar = property.type === 'array' ? undefined : scalarArchitectType(property.type);
        outputs.push({ key, type: inArray ? scalar && collectionOf(scalar) : scalar, jsonType: describeType(property) });
      }
    }
  };
  walk(asProperties(successSchema.properties), '', false);
  return outputs;
}

function describeType(property: JsonObject): string {
  if (property.type === 'array') {
    const items = isJsonObject(property.items) ? (property.items as JsonObject) : {};
    return `array of ${typeof items.type === 'string' ? items.type : 'items'}`;
  }
  return Array.isArray(property.type) ? property.type.join('|') : String(property.type ?? 'any');
}


function asProperties(value: unknown): Record<string, JsonObject> {
  if (!isJsonObject(value)) return {};
  const properties: Record<string, JsonObject> = {};
  for (const [name, property] of Object.entries(value as Record<string, unknown>)) {
    properties[name] = isJsonObject(property) ? (property as JsonObject) : {};
  }
  return properties;
}

/** Does a literal match an input contract's `pattern`? A pattern this engine cannot compile is left to the platform. */
export function matchesContractPattern(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}
