import { compileJsonPath, JsonPathSyntaxError, toJsonText, type QueryResult } from '../jsonpath/index.js';
import { preview } from './contract-validator.js';
import { explainPath } from './explain-path.js';
import type { TranslationTrace } from './types.js';
import { isJsonText } from '../json/json-values.js';
import { own } from '../json/own.js';

export interface TranslationResult {
  /** Key → JSON text, as the success template sees `${key}`. */
  values: Record<string, string>;
  traces: TranslationTrace[];
  /** Set when a key failed and had no default: the action fails here. */
  error?: string;
}

/**
 * The translation map as the platform applies it: each key gets the JSON text of its JSONPath result;
 * the default is used only when the path does not resolve (a null value stays null); a key that does
 * not resolve and has no default fails the action.
 */
export function applyTranslationMap(
  map: Record<string, string>,
  defaults: Record<string, string>,
  document: { value: unknown; empty: boolean },
): TranslationResult {
  const result: TranslationResult = { values: {}, traces: [] };
  const failures: string[] = [];
  for (const [key, path] of Object.entries(map)) {
    const trace = translateKey(key, path, own(defaults, key), document);
    result.traces.push(trace);
    if (trace.value !== undefined) result.values[key] = trace.value;
    if (trace.outcome === 'failed') failures.push(failureMessage(trace));
  }
  if (failures.length) result.error = failures.join('; ');
  return result;
}

function translateKey(key: string, path: string, fallback: string | undefined, document: { value: unknown; empty: boolean }): TranslationTrace {
  const trace: TranslationTrace = { key, path, definite: true, outcome: 'failed', filters: [], notes: [] };
  let compiled;
  try {
    compiled = compileJsonPath(path);
  } catch (error) {
    if (!(error instanceof JsonPathSyntaxError)) throw error;
    trace.reason = `invalid JSONPath at column ${error.offset + 1}: ${error.message}`;
    return trace;
  }
  trace.definite = compiled.definite;
  let found: QueryResult;
  if (document.empty) {
    found = { found: false, reason: 'the response has no body' };
  } else {
    found = compiled.evaluate(document.value);
    const explanation = explainPath(compiled, document.value, found);
    trace.filters = explanation.filters;
    trace.notes.push(...explanation.notes);
  }
  if (found.found) {
    try {
      trace.value = toJsonText(found);
    } catch (error) {
      trace.reason = (error as Error).message;
      return trace;
    }
    trace.outcome = 'value';
    if (Array.isArray(found.value) && !compiled.definite) trace.matches = found.value.length;
    if (found.value === null && fallback !== undefined) {
      trace.notes.push('the value is null; the default applies only when the path does not resolve, so null stays null');
    }
    return trace;
  }
  trace.reason = found.reason;
  if (fallback === undefined) return trace;
  trace.outcome = 'default';
  trace.value = fallback;
  if (!isJsonText(fallback)) {
    trace.notes.push(`the default ${preview(fallback)} is not a JSON literal; the success template gets it as written`);
  }
  return trace;
}

function failureMessage(trace: TranslationTrace): string {
  const why = trace.notes[0] ?? trace.reason ?? 'it found nothing';
  return `translation map: \`${trace.key}\`: \`${trace.path}\` could not be resolved: ${why}; the key has no default`;
}

