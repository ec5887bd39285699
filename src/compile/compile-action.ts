import type { Finding } from '../diagnostics/index.js';
import { contentTypeOf, dataActionExport, type DataActionExport } from '../export/data-action-export.js';
import {
  inputNamePattern,
  reservedInputNames,
  type ActionSpec,
  type JsonObject,
  type OutputSpec,
} from '../spec/action-spec.js';
import type { CompileContext, InputInfo } from './compile-context.js';
import { inputSchema, successSchema } from './contracts.js';
import { compileFormFields } from './form-fields.js';
import { compileBody } from './request-body.js';
import { compileUrl } from './request-url.js';
import { compileResponse } from './response.js';

export const rawRequestTemplate = '${input.rawRequest}';

export interface CompiledAction {
  /** Undefined when a finding of severity error makes the spec impossible to compile. */
  artifact: DataActionExport | undefined;
  findings: Finding[];
}

/** Spec (already shape-checked against the action schema) → the data-action export. */
export function compileAction(spec: ActionSpec): CompiledAction {
  const findings: Finding[] = [];
  checkExclusive(spec, findings);
  const context: CompileContext = { inputs: declaredInputs(spec, findings), findings };

  const requestUrlTemplate = compileUrl(spec.request, context);
  const headers = { ...(spec.request.headers ?? {}) };
  let requestTemplate = spec.request.template ?? rawRequestTemplate;
  const structured = spec.request.body !== undefined ? 'body' : spec.request.form !== undefined ? 'form' : undefined;
  if (structured) {
    if (spec.request.method === 'GET') {
      findings.push({
        ruleId: 'get-with-body',
        severity: 'error',
        message: `a GET request sends no body; remove ${structured} or change the method`,
        path: ['request', structured],
        at: 'key',
      });
    }
    requestTemplate =
      structured === 'body'
        ? compileBody(spec.request.body, context)
        : compileFormFields(spec.request.form ?? {}, context, { path: ['request', 'form'], open: '', variable: 'dactlFormSeparator' });
    if (contentTypeOf(headers) === undefined) {
      headers['Content-Type'] = structured === 'body' ? 'application/json' : 'application/x-www-form-urlencoded';
    }
  }

  checkNestedArrays(spec.outputs ?? {}, ['outputs'], findings);
  const generated = compileResponse(spec.outputs ?? {}, findings);
  const raw = spec.response ?? {};
  const translationMap = mergeMaps(generated.translationMap, raw.translationMap, 'translationMap', findings);
  const translationMapDefaults = mergeMaps(
    generated.translationMapDefaults,
    raw.translationMapDefaults,
    'translationMapDefaults',
    findings,
  );
  const successTemplate = raw.successTemplate ?? generated.successTemplate;
  if (successTemplate === undefined) {
    findings.push({
      ruleId: 'output-without-from',
      severity: 'error',
      message: 'an output has no `from`, so the success template cannot be generated; give every output a `from` or write response.successTemplate',
      path: ['outputs'],
      at: 'key',
    });
  }

  const artifact = dataActionExport({
    name: spec.name,
    integrationType: spec.integration,
    request: { requestUrlTemplate, requestType: spec.request.method, headers, requestTemplate },
    response: { translationMap, translationMapDefaults, successTemplate: successTemplate ?? '' },
    inputSchema: spec.contract?.input ?? inputSchema(spec.inputs ?? {}, spec.inputContract),
    successSchema: spec.contract?.output ?? successSchema(spec.outputs ?? {}, spec.outputContract),
    secure: spec.secure ?? false,
    ...(spec.static === true ? { actionType: 'static' as const } : {}),
  });
  const failed = findings.some((f) => f.severity === 'error');
  return { artifact: failed ? undefined : artifact, findings };
}

function declaredInputs(spec: ActionSpec, findings: Finding[]): Map<string, InputInfo> {
  const inputs = new Map<string, InputInfo>();
  if (spec.contract?.input) {
    const schema = spec.contract.input as { properties?: Record<string, JsonObject>; required?: unknown };
    const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      inputs.set(name, { type: typeof property?.type === 'string' ? property.type : 'string', required: required.includes(name) });
    }
    return inputs;
  }
  for (const [name, input] of Object.entries(spec.inputs ?? {})) {
    const path = ['inputs', name];
    if ((reservedInputNames as readonly string[]).includes(name)) {
      findings.push({
        ruleId: 'input-name-reserved',
        severity: 'error',
        message: `"${name}" is reserved by the platform (rawRequest, orgId and integrationId are filled in by Genesys Cloud); rename the input`,
        path,
        at: 'key',
      });
    } else if (!inputNamePattern.test(name)) {
      findings.push({
        ruleId: 'input-name-invalid',
        severity: 'error',
        message: `input name "${name}" must start with a letter and contain only letters, digits, _ and -`,
        path,
        at: 'key',
      });
    }
    inputs.set(name, { type: input.type, required: input.required === true });
  }
  return inputs;
}

const exclusivePairs: Array<[string[], string[], string]> = [
  [['request', 'url'], ['request', 'urlTemplate'], 'use url (with {placeholders}) or the raw urlTemplate, not both'],
  [['request', 'body'], ['request', 'template'], 'use body (structured) or the raw template, not both'],
  [['request', 'form'], ['request', 'template'], 'use form (structured) or the raw template, not both'],
  [['request', 'body'], ['request', 'form'], 'a request has one body: use body (JSON) or form (URL-encoded), not both'],
  [['request', 'query'], ['request', 'urlTemplate'], 'query applies to url; with a raw urlTemplate write the query into it'],
  [['inputs'], ['contract', 'input'], 'use inputs or the raw contract.input, not both'],
  [['inputContract'], ['contract', 'input'], 'inputContract shapes the generated contract; it has no effect with a raw contract.input'],
  [['outputContract'], ['contract', 'output'], 'outputContract shapes the generated contract; it has no effect with a raw contract.output'],
];

function checkExclusive(spec: ActionSpec, findings: Finding[]): void {
  for (const [first, second, message] of exclusivePairs) {
    if (valueAt(spec, first) !== undefined && valueAt(spec, second) !== undefined) {
      findings.push({ ruleId: 'spec-conflict', severity: 'error', message, path: second, at: 'key' });
    }
  }
  if (spec.request.url === undefined && spec.request.urlTemplate === undefined) {
    findings.push({
      ruleId: 'spec-missing-key',
      severity: 'error',
      message: 'request needs a url (or a raw urlTemplate)',
      path: ['request'],
      at: 'key',
    });
  }
}

function checkNestedArrays(outputs: Record<string, OutputSpec>, path: string[], findings: Finding[]): void {
  for (const [name, output] of Object.entries(outputs)) {
    const items = output.items;
    const itemType = typeof items === 'string' ? items : (items as { type?: unknown } | undefined)?.type;
    if (output.type === 'array' && itemType === 'array') {
      findings.push({
        ruleId: 'output-nested-array',
        severity: 'error',
        message: `"${name}" is an array of arrays, which Genesys Cloud contracts do not support; use an array of objects`,
        path: [...path, name, 'items'],
      });
    }
    if (output.properties) checkNestedArrays(output.properties, [...path, name, 'properties'], findings);
  }
}

function valueAt(root: unknown, path: string[]): unknown {
  let current = root;
  for (const key of path) current = (current as Record<string, unknown> | undefined)?.[key];
  return current;
}

function mergeMaps(
  generated: Record<string, string>,
  raw: Record<string, string> | undefined,
  field: string,
  findings: Finding[],
): Record<string, string> {
  const merged = { ...generated };
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (Object.hasOwn(generated, key)) {
      findings.push({
        ruleId: 'spec-conflict',
        severity: 'error',
        message: `response.${field} sets "${key}", which an output already generates; rename one of them`,
        path: ['response', field, key],
        at: 'key',
      });
    }
    // Defined, not assigned: a translation key may be named `__proto__`.
    Object.defineProperty(merged, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return merged;
}
