import { compileAction } from '../compile/compile-action.js';
import type { InputInfo } from '../compile/compile-context.js';
import { stripExportSuffix, type DataActionExport } from '../export/data-action-export.js';
import type { ActionSpec, JsonObject } from '../spec/action-spec.js';
import { liftInputs } from './lift-inputs.js';
import { liftOutputs } from './lift-outputs.js';
import { liftRequest } from './lift-request.js';
import { isJsonObject, sameJson } from '../json/json-values.js';
import { schemaFindings } from '../spec/schema-findings.js';
import { schemaValidator } from '../spec/validators.js';

export interface DecompileOptions {
  /** Drop the " - Exported YYYY-MM-DD @ HH:MM" the UI appends to exported names. */
  stripExportSuffix?: boolean;
}

type Lift = 'request' | 'inputs' | 'outputs';

/**
 * An export as an action spec that compiles back to exactly the same JSON. Each part is lifted to the
 * structured form only where that is exact; the candidates are tried from most to least structured and
 * the first whose compiled export equals the original wins, so the round trip holds for any export.
 */
export function decompileExport(exported: DataActionExport, options: DecompileOptions = {}): ActionSpec {
  const target: DataActionExport = options.stripExportSuffix
    ? { ...exported, name: stripExportSuffix(exported.name) }
    : exported;
  const candidates: Lift[][] = [['request', 'inputs', 'outputs'], ['inputs', 'outputs'], ['inputs'], []];
  for (const lifts of candidates) {
    const spec = specFor(target, new Set(lifts));
    const compiled = compileAction(spec);
    if (compiled.artifact && sameJson(compiled.artifact, target) && isValidSpec(spec)) return spec;
  }
  return specFor(target, new Set());
}

/** A lifted part may carry a keyword the spec format has no place for (e.g. `additionalItems` on an output). */
function isValidSpec(spec: ActionSpec): boolean {
  return schemaFindings(schemaValidator('action'), JSON.parse(JSON.stringify(spec))).length === 0;
}

function specFor(exported: DataActionExport, lifts: ReadonlySet<Lift>): ActionSpec {
  const { request, response } = exported.config;
  const inputSchema = exported.contract.input.inputSchema;
  const outputSchema = exported.contract.output.successSchema;
  const spec: ActionSpec = { name: exported.name, integration: exported.integrationType, request: { method: 'GET' } };
  if (exported.actionType === 'static') spec.static = true;
  if (exported.secure) spec.secure = true;

  const inputs = lifts.has('inputs') ? liftInputs(inputSchema) : undefined;
  spec.request = lifts.has('request')
    ? liftRequest(request, declaredInputs(inputSchema))
    : rawRequest(request);
  if (inputs) {
    spec.inputs = inputs.inputs;
    if (Object.keys(inputs.header).length) spec.inputContract = inputs.header;
  }

  const outputs = lifts.has('outputs') ? liftOutputs(response, outputSchema) : undefined;
  if (outputs) {
    spec.outputs = outputs.outputs;
    if (Object.keys(outputs.header).length) spec.outputContract = outputs.header;
  }
  if (!outputs?.withResponse) {
    spec.response = {
      translationMap: response.translationMap,
      translationMapDefaults: response.translationMapDefaults,
      successTemplate: response.successTemplate,
    };
  }
  if (!inputs || !outputs) {
    spec.contract = {};
    if (!inputs) spec.contract.input = inputSchema;
    if (!outputs) spec.contract.output = outputSchema;
  }
  return spec;
}

function rawRequest(request: DataActionExport['config']['request']): ActionSpec['request'] {
  const spec: ActionSpec['request'] = { method: request.requestType as ActionSpec['request']['method'] };
  spec.urlTemplate = request.requestUrlTemplate;
  if (Object.keys(request.headers).length) spec.headers = { ...request.headers };
  if (request.requestTemplate !== '${input.rawRequest}') spec.template = request.requestTemplate;
  return spec;
}

function declaredInputs(schema: JsonObject): Map<string, InputInfo> {
  const inputs = new Map<string, InputInfo>();
  const required = Array.isArray(schema.required) ? schema.required : [];
  for (const [name, property] of Object.entries(isJsonObject(schema.properties) ? schema.properties : {})) {
    const type = isJsonObject(property) && typeof property.type === 'string' ? property.type : 'string';
    inputs.set(name, { type, required: required.includes(name) });
  }
  return inputs;
}
