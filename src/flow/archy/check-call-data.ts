import { matchesContractPattern } from '../contract-fields.js';
import { suggestion, type PathSegment } from '../../diagnostics/index.js';
import type { JsonObject } from '../../spec/action-spec.js';
import { failureOutputKeys } from '../failure-outputs.js';
import { hasSubstitution } from '../expression/opaque.js';
import type { ExpressionType } from '../expression/types.js';
import type { ArchyRuleId } from './archy-rules.js';

export interface CallableInput {
  name: string;
  required: boolean;
  /** The Architect type the input takes, when it has one. */
  type: ExpressionType | undefined;
  /** The input contract's property, for literal checks (enum, pattern, type). */
  schema: JsonObject;
}

export interface CallableAction {
  name: string;
  /** Every category a flow may address it by: the spec's category and each org profile's integration name. */
  categories: string[];
  inputs: CallableInput[];
  /** Flattened output keys (`a.b`, arrays as collections) and their Architect types. */
  outputs: Map<string, ExpressionType | undefined>;
  /** The spec or export that defines it, for messages. */
  file?: string;
}

/** The project's actions a flow's callData can resolve to. */
export interface ArchyActionCatalog {
  actions: CallableAction[];
}

export interface CallDataSite {
  category: string;
  actionName: string;
  call: Record<string, unknown>;
  /** Path of the action-name key: `…/category/<c>/dataAction/<a>`. */
  path: PathSegment[];
}

export type Reporter = (ruleId: ArchyRuleId, path: PathSegment[], message: string, at?: 'key' | 'value') => void;

export interface ResolvedCall {
  action: CallableAction;
  inputs: Map<string, CallableInput>;
  outputs: Map<string, ExpressionType | undefined>;
}

/**
 * Resolves a callData's category and action against the project's actions and checks the call against
 * the contract. A category or action written as a substitution matches any; an action outside the
 * project is reported as such (its contract is unknown offline).
 */
export function resolveCallData(site: Pick<CallDataSite, 'category' | 'actionName'>, catalog: ArchyActionCatalog | undefined): { action?: CallableAction; inProjectCategory: boolean; candidates: CallableAction[] } {
  if (!catalog) return { inProjectCategory: false, candidates: [] };
  const opaqueCategory = hasSubstitution(site.category);
  const inCategory = opaqueCategory ? catalog.actions : catalog.actions.filter((a) => a.categories.includes(site.category));
  if (hasSubstitution(site.actionName)) return { inProjectCategory: inCategory.length > 0 && !opaqueCategory, candidates: inCategory };
  const action = inCategory.find((a) => a.name === site.actionName);
  return action ? { action, inProjectCategory: true, candidates: inCategory } : { inProjectCategory: !opaqueCategory && inCategory.length > 0, candidates: inCategory };
}

export function checkCallData(site: CallDataSite, catalog: ArchyActionCatalog | undefined, report: Reporter, external: string): ResolvedCall | undefined {
  checkFailureOutputs(site, report);
  if (!catalog) return undefined;
  const resolved = resolveCallData(site, catalog);
  if (!resolved.action) {
    if (hasSubstitution(site.actionName)) return undefined;
    if (resolved.inProjectCategory) {
      report('archy-calldata-unknown-action', site.path, `the project has no action "${site.actionName}" in category "${site.category}"${suggestion(site.actionName, resolved.candidates.map((a) => a.name))}`, 'key');
    } else if (external !== 'off') {
      report('archy-calldata-external', site.path, `"${site.actionName}" is not an action of this project, so its inputs and outputs cannot be checked; add its spec or export to the definitions`, 'key');
    }
    return undefined;
  }
  const action = resolved.action;
  const inputs = new Map(action.inputs.map((input) => [input.name, input]));
  const given = isMap(site.call.inputs) ? site.call.inputs : {};
  for (const [name, value] of Object.entries(given)) {
    const input = inputs.get(name);
    const at = [...site.path, 'inputs', name];
    if (!input) {
      report('archy-calldata-unknown-input', at, `"${action.name}" has no input "${name}"${suggestion(name, inputs.keys())}${action.file ? ` (${action.file})` : ''}`, 'key');
      continue;
    }
    if (isMap(value) && 'lit' in value) {
      const problem = literalProblem(value.lit, input.schema);
      if (problem) report('archy-calldata-input-value', [...at, 'lit'], `input "${name}" of "${action.name}": ${problem}`);
    }
  }
  const missing = action.inputs.filter((input) => input.required && !Object.hasOwn(given, input.name));
  if (missing.length) {
    const names = missing.map((input) => input.name).join(', ');
    report('archy-calldata-missing-input', isMap(site.call.inputs) ? [...site.path, 'inputs'] : site.path, `"${action.name}" requires ${missing.length === 1 ? 'the input' : 'the inputs'} ${names}`, 'key');
  }
  const outputs = isMap(site.call.successOutputs) ? site.call.successOutputs : {};
  for (const key of Object.keys(outputs)) {
    if (!action.outputs.has(key)) {
      const keys = [...action.outputs.keys()];
      report('archy-calldata-unknown-output', [...site.path, 'successOutputs', key], `"${action.name}" has no output "${key}"${suggestion(key, keys)}${keys.length ? '' : ' (it has no outputs)'}`, 'key');
    }
  }
  return { action, inputs, outputs: action.outputs };
}

function checkFailureOutputs(site: CallDataSite, report: Reporter): void {
  const failures = isMap(site.call.failureOutputs) ? site.call.failureOutputs : {};
  for (const key of Object.keys(failures)) {
    if (!(failureOutputKeys as readonly string[]).includes(key) && !hasSubstitution(key)) {
      report('archy-calldata-failure-output', [...site.path, 'failureOutputs', key], `"${key}" is not a failure output; they are ${failureOutputKeys.join(', ')}${suggestion(key, failureOutputKeys)}`, 'key');
    }
  }
}

/** Why a literal does not satisfy an input's contract property, or undefined when it does. */
export function literalProblem(value: unknown, schema: JsonObject): string | undefined {
  if (typeof value === 'string' && hasSubstitution(value)) return undefined;
  const type = schema.type;
  if (type === 'integer' && !(Number.isInteger(value) || (typeof value === 'string' && /^-?\d+$/.test(value)))) return `${JSON.stringify(value)} is not an integer`;
  if (type === 'number' && !(typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)))) return `${JSON.stringify(value)} is not a number`;
  if (type === 'boolean' && typeof value !== 'boolean' && value !== 'true' && value !== 'false') return `${JSON.stringify(value)} is not a boolean`;
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => option === value || String(option) === String(value))) {
    return `${JSON.stringify(value)} is not one of ${schema.enum.map((option) => JSON.stringify(option)).join(', ')}`;
  }
  if (typeof schema.pattern === 'string' && typeof value === 'string' && !matchesContractPattern(schema.pattern, value)) {
    return `${JSON.stringify(value)} does not match the pattern ${schema.pattern}`;
  }
  return undefined;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

