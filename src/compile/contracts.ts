import type { ContractHeader, InputSpec, JsonObject, OutputSpec } from '../spec/action-spec.js';

export const draft04 = 'http://json-schema.org/draft-04/schema#';

/** Keys of an output spec that feed the translation map, not the contract. */
const outputOnlyKeys = new Set(['from', 'default', 'required', 'properties', 'items']);

/** The flat draft-04 input contract, property keywords in the order they were written. */
export function inputSchema(inputs: Record<string, InputSpec>, header: ContractHeader = {}): JsonObject {
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const [name, input] of Object.entries(inputs)) {
    const { required: isRequired, ...keywords } = input;
    if (isRequired) required.push(name);
    properties[name] = keywords;
  }
  return objectSchema(header, required, properties);
}

export function successSchema(outputs: Record<string, OutputSpec>, header: ContractHeader = {}): JsonObject {
  const { properties, required } = outputProperties(outputs);
  return objectSchema(header, required, properties);
}

function objectSchema(header: ContractHeader, required: string[], properties: JsonObject): JsonObject {
  const schema: JsonObject = {};
  const $schema = header.$schema === undefined ? draft04 : header.$schema;
  if ($schema !== null) schema.$schema = $schema;
  if (header.title !== undefined) schema.title = header.title;
  if (header.description !== undefined) schema.description = header.description;
  schema.type = 'object';
  if (required.length) schema.required = required;
  schema.properties = properties;
  const additional = header.additionalProperties === undefined ? true : header.additionalProperties;
  if (additional !== null) schema.additionalProperties = additional;
  return schema;
}

function outputProperties(outputs: Record<string, OutputSpec>): { properties: JsonObject; required: string[] } {
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const [name, output] of Object.entries(outputs)) {
    if (output.required) required.push(name);
    properties[name] = outputSchema(output);
  }
  return { properties, required };
}

/** One output's schema: its own keywords as written, with `items` and nested properties expanded. */
export function outputSchema(output: OutputSpec): JsonObject {
  const schema: JsonObject = {};
  for (const [key, value] of Object.entries(output)) {
    if (!outputOnlyKeys.has(key)) {
      schema[key] = value;
      continue;
    }
    if (key === 'items' && value !== undefined) schema.items = typeof value === 'string' ? { type: value } : value;
    if (key === 'properties' && output.properties) {
      const nested = outputProperties(output.properties);
      if (nested.required.length) schema.required = nested.required;
      schema.properties = nested.properties;
    }
  }
  return schema;
}
