import type { ComparableAction } from './comparable-action.js';
import { normaliseText } from './normalise.js';
import { unifiedDiff } from './unified-diff.js';
import { isJsonObject, sortKeys } from '../json/json-values.js';
import { own } from '../json/own.js';

export interface FieldChange {
  /** Dotted path in the export's terms, e.g. `config.request.requestUrlTemplate`. */
  field: string;
  /** True when the platform cannot change this in place: the action must be recreated under a new id. */
  replace: boolean;
  /** Absent when the field is new on the right. */
  left?: unknown;
  /** Absent when the field is gone on the right. */
  right?: unknown;
  /** Unified diff of a template, left → right. */
  diff?: string;
}

const templates = new Set(['config.request.requestTemplate', 'config.response.successTemplate']);

/** Field-level changes from left to right; empty when the two are the same action. */
export function compareActions(left: ComparableAction, right: ComparableAction): FieldChange[] {
  const changes: FieldChange[] = [];
  const leaf = (field: string, a: unknown, b: unknown, replace: boolean) => {
    if (a === b) return;
    const change: FieldChange = { field, replace };
    if (a !== undefined) change.left = a;
    if (b !== undefined) change.right = b;
    if (templates.has(field) && typeof a === 'string' && typeof b === 'string') {
      change.diff = unifiedDiff(normaliseText(a), normaliseText(b));
    }
    changes.push(change);
  };
  if (left.category !== undefined && right.category !== undefined) leaf('category', left.category, right.category, false);
  if (left.integrationType !== undefined && right.integrationType !== undefined) {
    leaf('integrationType', left.integrationType, right.integrationType, true);
  }
  leaf('secure', left.secure, right.secure, true);
  if (left.timeoutSeconds !== undefined && right.timeoutSeconds !== undefined) {
    leaf('config.timeoutSeconds', left.timeoutSeconds ?? undefined, right.timeoutSeconds ?? undefined, false);
  }

  const request = (action: ComparableAction) => action.config.request;
  leaf('config.request.requestType', request(left).requestType, request(right).requestType, false);
  compareText('config.request.requestUrlTemplate', request(left).requestUrlTemplate, request(right).requestUrlTemplate, leaf);
  compareMap('config.request.headers', request(left).headers, request(right).headers, leaf, false);
  compareText('config.request.requestTemplate', request(left).requestTemplate, request(right).requestTemplate, leaf);

  const response = (action: ComparableAction) => action.config.response;
  compareMap('config.response.translationMap', response(left).translationMap, response(right).translationMap, leaf, false);
  compareMap(
    'config.response.translationMapDefaults',
    response(left).translationMapDefaults,
    response(right).translationMapDefaults,
    leaf,
    true,
  );
  compareText('config.response.successTemplate', response(left).successTemplate, response(right).successTemplate, leaf);

  compareJson('contract.input.inputSchema', left.contract.input.inputSchema, right.contract.input.inputSchema, (f, a, b) =>
    leaf(f, a, b, true),
  );
  compareJson('contract.output.successSchema', left.contract.output.successSchema, right.contract.output.successSchema, (f, a, b) =>
    leaf(f, a, b, true),
  );
  return changes;
}

type Leaf = (field: string, left: unknown, right: unknown, replace: boolean) => void;

function compareText(field: string, left: string | undefined, right: string | undefined, leaf: Leaf): void {
  if (normaliseText(left ?? '') !== normaliseText(right ?? '')) leaf(field, left, right, false);
}

function compareMap(
  field: string,
  left: Record<string, string> | undefined,
  right: Record<string, string> | undefined,
  leaf: Leaf,
  jsonValues: boolean,
): void {
  const a = left ?? {};
  const b = right ?? {};
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const x = own(a, key);
    const y = own(b, key);
    const same = jsonValues && x !== undefined && y !== undefined ? normaliseText(x) === normaliseText(y) : x === y;
    if (!same) leaf(`${field}.${key}`, x, y, false);
  }
}

/** Recurses into objects (keys in sorted order) and same-length arrays, so a change is named by its deepest path. */
function compareJson(field: string, left: unknown, right: unknown, leaf: (field: string, a: unknown, b: unknown) => void): void {
  if (isJsonObject(left) && isJsonObject(right)) {
    for (const key of [...new Set([...Object.keys(left), ...Object.keys(right)])].sort()) {
      compareJson(`${field}.${key}`, own(left, key), own(right, key), leaf);
    }
    return;
  }
  if (Array.isArray(left) && Array.isArray(right) && left.length === right.length) {
    left.forEach((item, index) => compareJson(`${field}[${index}]`, item, right[index], leaf));
    return;
  }
  if (JSON.stringify(sortKeys(left)) !== JSON.stringify(sortKeys(right))) leaf(field, left, right);
}

