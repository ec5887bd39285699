import type { JsonObject } from '../spec/action-spec.js';
import { asObject, schemaType } from './action-facts.js';
import { own } from '../json/own.js';

/** A representative value for a schema: its default or first enum value, else a typed sample. */
export function sampleFor(schema: JsonObject | undefined, depth = 0): unknown {
  if (!schema || depth > 20) return 'sample';
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  switch (schemaType(schema)) {
    case 'string':
      return 'sample';
    case 'integer':
      return 1;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      const items = schema.items;
      if (Array.isArray(items)) return items.map((item) => sampleFor(asObject(item), depth + 1));
      return [sampleFor(asObject(items), depth + 1)];
    }
    case 'object': {
      const sample: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(asObject(schema.properties) ?? {})) {
        sample[name] = sampleFor(asObject(property), depth + 1);
      }
      return sample;
    }
    default:
      return 'sample';
  }
}

export interface ContractMismatch {
  /** Dotted location in the output, `` for the whole. */
  where: string;
  /** The first property name on the way down, to point at in the template. */
  member: string | undefined;
  problem: string;
}

/** The first way `value` breaks the types, required members or closed objects of `schema` (draft-04 subset). */
export function contractMismatch(value: unknown, schema: JsonObject | undefined, where: string[] = []): ContractMismatch | undefined {
  if (!schema) return undefined;
  const fail = (problem: string): ContractMismatch => ({ where: where.join('.'), member: where[0], problem });
  const types = Array.isArray(schema.type) ? schema.type.map(String) : typeof schema.type === 'string' ? [schema.type] : [];
  const actual = jsonType(value);
  if (types.length && !types.some((t) => t === actual || (t === 'number' && actual === 'integer'))) {
    return fail(`is ${article(actual)}, but the contract says ${types.join(' or ')}`);
  }
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    const properties = asObject(schema.properties) ?? {};
    for (const name of Array.isArray(schema.required) ? schema.required.map(String) : []) {
      if (!Object.hasOwn(object, name)) return { where: [...where, name].join('.'), member: where[0] ?? name, problem: 'is required by the contract but missing' };
    }
    for (const [name, member] of Object.entries(object)) {
      const property = asObject(own(properties, name));
      if (property) {
        const found = contractMismatch(member, property, [...where, name]);
        if (found) return found;
      } else if (schema.additionalProperties === false) {
        return { where: [...where, name].join('.'), member: where[0] ?? name, problem: 'is not in the contract, which allows no other properties' };
      }
    }
  }
  if (actual === 'array' && schema.items !== undefined) {
    const items = value as unknown[];
    for (let i = 0; i < items.length; i++) {
      const itemSchema = Array.isArray(schema.items) ? asObject(schema.items[i]) : asObject(schema.items);
      const found = contractMismatch(items[i], itemSchema, [...where, String(i)]);
      if (found) return found;
    }
  }
  return undefined;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function article(type: string): string {
  return type === 'null' ? 'null' : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}
