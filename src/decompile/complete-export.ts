import { rawRequestTemplate } from '../compile/compile-action.js';

/** What an export may leave out, and what the platform assumes in its place. */
const optionalKeys: Array<{ path: readonly string[]; value: () => unknown }> = [
  { path: ['actionType'], value: () => 'custom' },
  { path: ['secure'], value: () => false },
  { path: ['config', 'request', 'headers'], value: () => ({}) },
  { path: ['config', 'request', 'requestTemplate'], value: () => rawRequestTemplate },
  { path: ['config', 'response', 'translationMap'], value: () => ({}) },
  { path: ['config', 'response', 'translationMapDefaults'], value: () => ({}) },
  { path: ['config', 'response', 'successTemplate'], value: () => '${rawResult}' },
];

/** A static action's export may carry no config at all: the platform runs it, nothing in the export does. */
const staticConfig = () => ({
  request: { requestUrlTemplate: '', requestType: 'GET', headers: {}, requestTemplate: rawRequestTemplate },
  response: { translationMap: {}, translationMapDefaults: {}, successTemplate: '${rawResult}' },
});

export interface CompletedExport {
  value: unknown;
  /** Dotted paths of the keys that were missing and filled in. */
  filledIn: string[];
}

/**
 * The export with the optional keys it lacks filled in as the platform reads them, so an export written by an
 * older UI, by hand or by a script imports like any other. The input is not changed. Anything else stays as it
 * was, for the export schema to judge.
 */
export function completeExport(value: unknown): CompletedExport {
  if (!isRecord(value)) return { value, filledIn: [] };
  const copy = structuredClone(value);
  const filledIn: string[] = [];
  if (copy.actionType === 'static' && copy.config === undefined) {
    copy.config = staticConfig();
    filledIn.push('config');
  }
  for (const { path, value: fallback } of optionalKeys) {
    let parent: Record<string, unknown> = copy;
    const parents = path.slice(0, -1);
    if (!parents.every((key) => isRecord(parent[key]) && (parent = parent[key] as Record<string, unknown>))) continue;
    const key = path[path.length - 1] as string;
    if (!Object.hasOwn(parent, key)) {
      Object.defineProperty(parent, key, { value: fallback(), enumerable: true, writable: true, configurable: true });
      filledIn.push(path.join('.'));
    }
  }
  return { value: copy, filledIn };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
