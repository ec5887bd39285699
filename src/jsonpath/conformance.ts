import { JsonPathSyntaxError } from './errors.js';
import { queryJsonPath } from './index.js';

/** One case of a Jayway expectations file (`{id, selector, document, ordered, expect}`). */
export interface ConformanceCase {
  readonly id: string;
  readonly selector: string;
  readonly document: unknown;
  readonly ordered?: boolean;
  readonly expect: { readonly result?: unknown; readonly not_found?: boolean; readonly invalid?: boolean };
}

export type Outcome =
  | { readonly kind: 'result'; readonly value: unknown }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'error'; readonly message: string };

export interface Disagreement {
  readonly id: string;
  readonly selector: string;
  readonly expected: string;
  readonly got: string;
}

export interface ConformanceReport {
  readonly agree: number;
  readonly total: number;
  readonly disagreements: readonly Disagreement[];
}

export function outcomeOf(selector: string, document: unknown): Outcome {
  try {
    const result = queryJsonPath(selector, structuredClone(document));
    if (result.found) return { kind: 'result', value: result.value };
    if (result.exception === 'InvalidPathException') return { kind: 'invalid' };
    if (result.exception === 'JsonPathException') return { kind: 'error', message: result.reason };
    return { kind: 'not_found' };
  } catch (error) {
    if (error instanceof JsonPathSyntaxError) return { kind: 'invalid' };
    return { kind: 'error', message: String(error) };
  }
}

export function expectedOutcome(testCase: ConformanceCase): Outcome {
  if (testCase.expect.invalid) return { kind: 'invalid' };
  if (testCase.expect.not_found) return { kind: 'not_found' };
  return { kind: 'result', value: testCase.expect.result };
}

/** JSON with object keys sorted, so equal values have equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

export function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'result': return JSON.stringify(outcome.value);
    case 'not_found': return 'NOT_FOUND';
    case 'invalid': return 'INVALID';
    case 'error': return `ERROR (${outcome.message})`;
  }
}

export function outcomesAgree(expected: Outcome, got: Outcome, ordered: boolean): boolean {
  if (expected.kind !== got.kind) return false;
  if (expected.kind !== 'result' || got.kind !== 'result') return true;
  if (!ordered && Array.isArray(expected.value) && Array.isArray(got.value)) {
    const sort = (list: unknown[]): string[] => list.map(canonicalJson).sort();
    return canonicalJson(sort(expected.value)) === canonicalJson(sort(got.value));
  }
  return canonicalJson(expected.value) === canonicalJson(got.value);
}

export function runConformance(cases: readonly ConformanceCase[]): ConformanceReport {
  const disagreements: Disagreement[] = [];
  for (const testCase of cases) {
    const expected = expectedOutcome(testCase);
    const got = outcomeOf(testCase.selector, testCase.document);
    if (!outcomesAgree(expected, got, testCase.ordered !== false)) {
      disagreements.push({ id: testCase.id, selector: testCase.selector, expected: describeOutcome(expected), got: describeOutcome(got) });
    }
  }
  return { agree: cases.length - disagreements.length, total: cases.length, disagreements };
}
