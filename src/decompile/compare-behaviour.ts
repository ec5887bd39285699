import { contentTypeOf, type DataActionExport } from '../export/data-action-export.js';
import { isJsonText, sameJson, sortKeys } from '../json/json-values.js';
import { simulateAction } from '../simulate/simulate-action.js';
import type { RecordedResponse, Trace } from '../simulate/types.js';
import { sampleInputs, sampleResponses } from './behaviour-samples.js';

export type Equivalence =
  | { verdict: 'same' }
  /** Differs only where the original was broken; each difference said in words. */
  | { verdict: 'safer'; differences: string[] }
  | { verdict: 'differs'; difference: string };

/**
 * Runs both actions on the same generated inputs and responses, as the platform would, and compares the
 * requests they send and the outputs they give. A difference counts as safer only where the original was
 * broken: a body that is not JSON, an input left unencoded in the URL, a reference printed as text, a
 * success template that fails.
 */
export function compareBehaviour(original: DataActionExport, lifted: DataActionExport): Equivalence {
  const safer = new Set<string>();
  // Keys named after their outputs (as the lifted action's are) say what type of value to put at each path.
  const responses = [...sampleResponses(lifted), ...sampleResponses(original)];
  for (const input of sampleInputs(original.contract.input.inputSchema)) {
    for (const response of responses) {
      const a = simulateAction(original, { input, response });
      const b = simulateAction(lifted, { input, response });
      const difference = differenceOf(a, b, response);
      if (difference === undefined) continue;
      if ('broken' in difference) safer.add(difference.broken);
      else return { verdict: 'differs', difference: `${difference.differs} (input ${JSON.stringify(input)})` };
    }
  }
  return safer.size ? { verdict: 'safer', differences: [...safer] } : { verdict: 'same' };
}

type Difference = { broken: string } | { differs: string };

function differenceOf(a: Trace, b: Trace, response: RecordedResponse): Difference | undefined {
  if (a.request && b.request) {
    const request = requestDifference(a.request, b.request);
    if (request) return request;
  } else if (a.request || b.request) {
    return a.request ? { differs: 'the lifted request cannot be rendered' } : { broken: 'the request template cannot be rendered' };
  }
  if (a.success && b.success) {
    if (sameJson(sortKeys(a.output), sortKeys(b.output))) return undefined;
    if (quotedTwice(a.output, b.output)) return { broken: 'a translation value written inside a JSON string (its quotes ended up in the output)' };
    return { differs: `the output differs: ${JSON.stringify(a.output)} → ${JSON.stringify(b.output)}` };
  }
  if (!a.success && !b.success) return undefined;
  // Only a success template that cannot render or renders no JSON is broken; a path that finds nothing and has
  // no default fails on purpose, and succeeding there instead would change what the flow does.
  if (b.success && (a.failure?.step === 'template' || a.failure?.step === 'parse')) {
    const empty = typeof response.body === 'object' && response.body !== null && Object.keys(response.body).length === 0;
    return { broken: empty ? 'a default that is not JSON' : 'a success template that does not render JSON' };
  }
  if (b.success) return { differs: `the original fails where the lifted action does not: ${a.failure?.message}` };
  return { differs: `the lifted action fails: ${b.failure?.message}` };
}

/** Where the outputs differ, the original holds the lifted value's JSON text as a string. */
function quotedTwice(original: unknown, lifted: unknown): boolean {
  if (typeof original === 'string') return original === JSON.stringify(lifted);
  if (Array.isArray(original) && Array.isArray(lifted)) return original.length === lifted.length && original.every((v, i) => sameJson(v, lifted[i]) || quotedTwice(v, lifted[i]));
  if (typeof original === 'object' && original !== null && typeof lifted === 'object' && lifted !== null && !Array.isArray(lifted)) {
    const a = original as Record<string, unknown>;
    const b = lifted as Record<string, unknown>;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameJson(a[key], b[key]) || quotedTwice(a[key], b[key]));
  }
  return false;
}

function requestDifference(a: NonNullable<Trace['request']>, b: NonNullable<Trace['request']>): Difference | undefined {
  if (a.method !== b.method) return { differs: `the method differs: ${a.method} → ${b.method}` };
  if (a.url !== b.url) {
    if (/\$!?\{?input\./.test(a.url) && !/\$!?\{?input\./.test(b.url)) return { broken: 'a formal reference to an optional input (printed as text when unset)' };
    if (decoded(b.url) === decoded(a.url) || decoded(b.url) === a.url) return { broken: 'an input left unencoded in the URL' };
    return { differs: `the URL differs: ${a.url} → ${b.url}` };
  }
  if (!sameJson(sortKeys(a.headers), sortKeys(b.headers))) return { differs: 'the headers differ' };
  if (a.method === 'GET' || a.body === b.body) return undefined;
  const json = contentTypeOf(a.headers)?.includes('json') === true;
  if (isJsonText(a.body) && isJsonText(b.body) && sameJson(sortKeys(JSON.parse(a.body)), sortKeys(JSON.parse(b.body)))) return undefined;
  if (json && !isJsonText(a.body) && isJsonText(b.body)) return { broken: 'an unescaped input (the body was not JSON)' };
  if (/\$!?\{?input\./.test(a.body) && !/\$!?\{?input\./.test(b.body)) return { broken: 'a formal reference to an optional input (printed as text when unset)' };
  return { differs: 'the request body differs' };
}

function decoded(url: string): string {
  try {
    return decodeURIComponent(url.replace(/\+/g, ' '));
  } catch {
    return url;
  }
}
