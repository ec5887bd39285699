import { successSchema } from '../compile/contracts.js';
import { compileResponse } from '../compile/response.js';
import type { DataActionExport } from '../export/data-action-export.js';
import type { ContractHeader, JsonObject, OutputSpec } from '../spec/action-spec.js';
import { liftHeader } from './lift-inputs.js';
import { isJsonObject, sameJson } from '../json/json-values.js';
import { own } from '../json/own.js';

const outputTypes = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array']);

export interface LiftedOutputs {
  outputs: Record<string, OutputSpec>;
  header: ContractHeader;
  /** True when the outputs also generate the translation map and success template. */
  withResponse: boolean;
}

/**
 * Typed outputs for the output contract. When the response is what dactl generates from them, each
 * output also gets its `from` and `default`; otherwise the response stays raw beside contract-only outputs.
 */
export function liftOutputs(response: DataActionExport['config']['response'], schema: JsonObject): LiftedOutputs | undefined {
  if (schema.type !== 'object' || !isJsonObject(schema.properties)) return undefined;
  const contractOnly = outputsFromSchema(schema);
  if (!contractOnly) return undefined;
  const header = liftHeader(schema);
  if (!sameJson(successSchema(contractOnly, header), schema)) return undefined;

  const withFrom = addTranslations(structuredClone(contractOnly), response, '');
  if (withFrom) {
    const generated = compileResponse(withFrom, []);
    if (
      sameJson(generated.translationMap, response.translationMap) &&
      sameJson(generated.translationMapDefaults, response.translationMapDefaults) &&
      generated.successTemplate === response.successTemplate &&
      sameJson(successSchema(withFrom, header), schema)
    ) {
      return { outputs: withFrom, header, withResponse: true };
    }
  }
  return { outputs: contractOnly, header, withResponse: false };
}

function outputsFromSchema(schema: JsonObject): Record<string, OutputSpec> | undefined {
  const required = Array.isArray(schema.required) ? schema.required : [];
  const outputs: Record<string, OutputSpec> = {};
  for (const [name, property] of Object.entries(schema.properties as JsonObject)) {
    if (!isJsonObject(property) || !outputTypes.has(property.type as string)) return undefined;
    const output: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(property)) {
      if (key === 'from' || key === 'default') return undefined;
      if (key === 'required') continue;
      if (key === 'properties') {
        const nested = outputsFromSchema(property);
        if (!nested) return undefined;
        output.properties = nested;
        continue;
      }
      output[key] = value;
      if (key === 'type' && required.includes(name)) output.required = true;
    }
    outputs[name] = output as OutputSpec;
  }
  return outputs;
}

function addTranslations(
  outputs: Record<string, OutputSpec>,
  response: DataActionExport['config']['response'],
  prefix: string,
): Record<string, OutputSpec> | undefined {
  for (const [name, output] of Object.entries(outputs)) {
    const key = `${prefix}${name}`;
    const from = own(response.translationMap, key);
    if (from !== undefined) {
      output.from = from;
      const fallback = firstFromArrayDefault(response.successTemplate, key) ?? own(response.translationMapDefaults, key);
      if (fallback !== undefined && fallback !== 'null') {
        try {
          output.default = JSON.parse(fallback);
        } catch {
          return undefined;
        }
      }
    } else if (output.type === 'object' && output.properties) {
      if (!addTranslations(output.properties, response, `${key}_`)) return undefined;
    } else {
      return undefined;
    }
  }
  return outputs;
}

function firstFromArrayDefault(template: string, key: string): string | undefined {
  const call = `\${successTemplateUtils.firstFromArray("\${${key}}", '`;
  const start = template.indexOf(call);
  if (start < 0) return undefined;
  const end = template.indexOf("')}", start + call.length);
  return end < 0 ? undefined : template.slice(start + call.length, end);
}
