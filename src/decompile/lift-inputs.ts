import { draft04, inputSchema } from '../compile/contracts.js';
import type { ContractHeader, InputSpec, JsonObject } from '../spec/action-spec.js';
import { isJsonObject, sameJson } from '../json/json-values.js';

const inputKeywords = new Set([
  'type', 'description', 'title', 'enum', 'pattern', 'format', 'minLength', 'maxLength', 'minimum', 'maximum', 'default',
]);
const inputTypes = new Set(['string', 'integer', 'number', 'boolean']);

export interface LiftedInputs {
  inputs: Record<string, InputSpec>;
  header: ContractHeader;
}

/** The structured `inputs` (+ header) that compile back to exactly this input contract, if any. */
export function liftInputs(schema: JsonObject): LiftedInputs | undefined {
  const properties = schema.properties;
  if (schema.type !== 'object' || !isJsonObject(properties)) return undefined;
  const required = Array.isArray(schema.required) ? schema.required : [];
  const inputs: Record<string, InputSpec> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (!isJsonObject(property) || !inputTypes.has(property.type as string)) return undefined;
    if (!Object.keys(property).every((key) => inputKeywords.has(key))) return undefined;
    const input: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(property)) {
      input[key] = value;
      if (key === 'type' && required.includes(name)) input.required = true;
    }
    inputs[name] = input as InputSpec;
  }
  const header = liftHeader(schema);
  return sameJson(inputSchema(inputs, header), schema) ? { inputs, header } : undefined;
}

export function liftHeader(schema: JsonObject): ContractHeader {
  const header: ContractHeader = {};
  if (schema.$schema === undefined) header.$schema = null;
  else if (schema.$schema !== draft04) header.$schema = schema.$schema as string;
  if (typeof schema.title === 'string') header.title = schema.title;
  if (typeof schema.description === 'string') header.description = schema.description;
  if (schema.additionalProperties === undefined) header.additionalProperties = null;
  else if (schema.additionalProperties !== true) header.additionalProperties = schema.additionalProperties as boolean;
  return header;
}
