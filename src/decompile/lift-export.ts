import { compileAction } from '../compile/compile-action.js';
import type { DataActionExport } from '../export/data-action-export.js';
import { compileJsonPath } from '../jsonpath/index.js';
import type { ActionSpec, OutputSpec } from '../spec/action-spec.js';
import { schemaFindings } from '../spec/schema-findings.js';
import { schemaValidator } from '../spec/validators.js';
import { compareBehaviour } from './compare-behaviour.js';
import { decompileExport, type DecompileOptions } from './decompile-export.js';

export type LiftVerdict =
  | { verdict: 'same' }
  | { verdict: 'safer'; differences: string[] }
  | { verdict: 'kept raw'; construct: string };

export interface LiftedSpec {
  spec: ActionSpec;
  /** The response's verdict: whether the outputs carry `from` and `default` now. */
  outputs: LiftVerdict;
  /** The URL's verdict when it had inputs the exact import could not turn into placeholders. */
  url?: LiftVerdict;
}

/**
 * The export as a structured spec wherever the structured form behaves like it: typed outputs with `from`
 * and `default` instead of a raw translation map and success template, and `{placeholders}` in the URL.
 * Each part is kept only when simulating both on generated inputs and responses finds no difference, or
 * only differences where the export was broken; otherwise it stays raw, with the reason.
 */
export function liftExport(exported: DataActionExport, options: DecompileOptions = {}): LiftedSpec {
  const exact = decompileExport(exported, options);
  const original = compileAction(exact).artifact ?? exported;
  let spec = exact;
  const url = liftUrlPart(spec, original);
  if (url.spec) spec = url.spec;
  const outputs = liftOutputsPart(spec, original);
  if (outputs.spec) spec = outputs.spec;
  return { spec, outputs: outputs.verdict, ...(url.verdict ? { url: url.verdict } : {}) };
}

interface PartResult {
  spec?: ActionSpec;
  verdict?: LiftVerdict;
}

function tryCandidate(candidate: ActionSpec, original: DataActionExport, construct: string): PartResult {
  if (schemaFindings(schemaValidator('action'), JSON.parse(JSON.stringify(candidate))).length) return { verdict: { verdict: 'kept raw', construct } };
  const compiled = compileAction(candidate);
  if (!compiled.artifact) {
    const error = compiled.findings.find((f) => f.severity === 'error');
    return { verdict: { verdict: 'kept raw', construct: `${construct} (${error?.message ?? 'it does not compile'})` } };
  }
  const behaviour = compareBehaviour(original, compiled.artifact);
  if (behaviour.verdict === 'differs') return { verdict: { verdict: 'kept raw', construct: `${construct}: ${behaviour.difference}` } };
  return { spec: candidate, verdict: behaviour };
}

function liftOutputsPart(spec: ActionSpec, original: DataActionExport): PartResult & { verdict: LiftVerdict } {
  const response = original.config.response;
  if (spec.response === undefined && spec.outputs && Object.values(spec.outputs).every(hasFrom)) return { verdict: { verdict: 'same' } };
  if (response.successTemplate.includes('rawResult')) return { verdict: { verdict: 'kept raw', construct: 'the success template passes ${rawResult} through' } };
  if (!spec.outputs) return { verdict: { verdict: 'kept raw', construct: 'an output contract that typed outputs cannot express' } };
  const outputs = withTranslations(structuredClone(spec.outputs), response, '');
  if (typeof outputs === 'string') return { verdict: { verdict: 'kept raw', construct: outputs } };
  const { response: _raw, ...rest } = spec;
  const candidate: ActionSpec = { ...rest, outputs };
  if (candidate.contract?.output) {
    const { output: _output, ...contract } = candidate.contract;
    if (Object.keys(contract).length) candidate.contract = contract;
    else delete candidate.contract;
  }
  const result = tryCandidate(candidate, original, 'a success template that typed outputs do not reproduce');
  return { ...result, verdict: result.verdict ?? { verdict: 'same' } };
}

function hasFrom(output: OutputSpec): boolean {
  return output.from !== undefined || (output.type === 'object' && output.properties !== undefined && Object.values(output.properties).every(hasFrom));
}

/** Each output with the translation that fills it in the success template; a string says why one has none. */
function withTranslations(
  outputs: Record<string, OutputSpec>,
  response: DataActionExport['config']['response'],
  prefix: string,
): Record<string, OutputSpec> | string {
  for (const [name, output] of Object.entries(outputs)) {
    const key = translationKeyFor(name, prefix, response);
    if (key === undefined) {
      if (output.type === 'object' && output.properties) {
        const nested = withTranslations(output.properties, response, `${prefix}${name}_`);
        if (typeof nested === 'string') return nested;
        continue;
      }
      return `output "${prefix}${name}" is not filled from the translation map`;
    }
    output.from = response.translationMap[key] as string;
    const fallback = defaultText(key, response, output);
    if (fallback !== undefined && fallback !== 'null') {
      let value: unknown;
      try {
        value = JSON.parse(fallback);
      } catch {
        value = fallback;
      }
      // A default of the wrong type (`""` for an integer) cannot be declared; the simulation shows what leaving it out does.
      if (fitsType(value, output.type)) output.default = value;
    }
  }
  return outputs;
}

function fitsType(value: unknown, type: OutputSpec['type']): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    default:
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

function translationKeyFor(name: string, prefix: string, response: DataActionExport['config']['response']): string | undefined {
  const direct = `${prefix}${name}`;
  if (Object.hasOwn(response.translationMap, direct)) return direct;
  const member = new RegExp(
    `"${escapeRegExp(name)}"\\s*:\\s*"?\\$!?\\{?(?:successTemplateUtils\\.firstFromArray\\(\\s*"?\\$!?\\{?)?([A-Za-z][A-Za-z0-9_-]*)`,
  ).exec(response.successTemplate);
  const key = member?.[1];
  return key !== undefined && Object.hasOwn(response.translationMap, key) ? key : undefined;
}

/** The default as JSON text: the firstFromArray fallback of an indefinite path, else the map's default. */
function defaultText(key: string, response: DataActionExport['config']['response'], output: OutputSpec): string | undefined {
  const path = response.translationMap[key] as string;
  let definite = true;
  try {
    definite = compileJsonPath(path).definite;
  } catch {
    // An invalid path is the simulation's to judge.
  }
  if (!definite && output.type !== 'array') {
    const call = new RegExp(
      `firstFromArray\\(\\s*"?\\$!?\\{?${escapeRegExp(key)}\\}?"?\\s*,\\s*(?:'([^']*)'|"((?:[^"\\\\]|\\\\.)*)"|\\$!?\\{?([A-Za-z][A-Za-z0-9_-]*)\\}?)\\s*\\)`,
    ).exec(response.successTemplate);
    // A fallback may be another translation variable that never resolves, used for its default (`$.NULL`).
    if (call?.[3] !== undefined) return response.translationMapDefaults[call[3]];
    if (call) return (call[1] ?? call[2] ?? '').replace(/\$esc\.quote/g, '"');
  }
  return response.translationMapDefaults[key];
}

function liftUrlPart(spec: ActionSpec, original: DataActionExport): PartResult {
  // The exact import keeps Velocity in `url` where the text compiles back unchanged, as in `urlTemplate`.
  const template = spec.request.urlTemplate ?? spec.request.url;
  if (template === undefined || !/\$!?\{?input\./.test(template)) return {};
  const url = template
    .replace(/\$esc\.url\(\$!?\{?input\.([A-Za-z][A-Za-z0-9_-]*)\}?\)/g, '{$1}')
    .replace(/\$!?\{input\.([A-Za-z][A-Za-z0-9_-]*)\}|\$!?input\.([A-Za-z][A-Za-z0-9_-]*)/g, (_, a: string | undefined, b: string | undefined) => `{${a ?? b}}`);
  if (/[$#]/.test(url)) return { verdict: { verdict: 'kept raw', construct: 'Velocity in the URL besides input references' } };
  const { urlTemplate: _raw, url: _url, ...request } = spec.request;
  const inline = tryCandidate({ ...spec, request: { ...request, url } }, original, 'a URL that placeholders do not reproduce');
  const [path, search] = url.split(/\?(.*)/s, 2) as [string, string | undefined];
  if (inline.spec || search === undefined || request.query !== undefined) return inline;
  // Optional inputs belong under query:, which leaves out a parameter whose input is unset.
  const query: Record<string, string> = {};
  for (const pair of search.split('&')) {
    const [name, value = ''] = pair.split(/=(.*)/s, 2) as [string, string | undefined];
    if (!name || Object.hasOwn(query, name)) return inline;
    Object.defineProperty(query, name, { value, enumerable: true, writable: true, configurable: true });
  }
  const split = tryCandidate({ ...spec, request: { ...request, url: path, query } }, original, 'a URL that placeholders do not reproduce');
  return split.spec ? split : inline;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One line for an action's lift: same, safer (with each difference) or kept raw (with the construct). */
export function describeLift(lifted: LiftedSpec): string {
  const urlNote = lifted.url?.verdict === 'kept raw' ? ` (URL kept raw: ${lifted.url.construct})` : '';
  if (lifted.outputs.verdict === 'kept raw') return `kept raw: ${lifted.outputs.construct}${urlNote}`;
  const safer = [lifted.outputs, ...(lifted.url ? [lifted.url] : [])].flatMap((part) => (part.verdict === 'safer' ? part.differences : []));
  const verdict = safer.length ? `safer: differs only where the export was broken: ${[...new Set(safer)].join('; ')}` : 'same: no difference found';
  return `${verdict}${urlNote}`;
}
