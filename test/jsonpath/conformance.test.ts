import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ConformanceCase, expectedOutcome, outcomeOf, outcomesAgree, runConformance } from '../../src/jsonpath/conformance.js';
import { corpusPresent, describeWithCorpus } from '../support/corpus.js';
import { corpusDir } from '../support/paths.js';

const file = resolve(corpusDir, 'jsonpath/jayway-2.10.json');
const cases = corpusPresent ? (JSON.parse(readFileSync(file, 'utf8')) as { cases: ConformanceCase[] }).cases : [];

describeWithCorpus('Jayway 2.10 conformance', () => {
  it('agrees with Jayway on at least 250 of the recorded cases', () => {
    const report = runConformance(cases);
    expect(report.total).toBe(257);
    expect(report.disagreements).toEqual([]);
    expect(report.agree).toBeGreaterThanOrEqual(250);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, testCase) => {
    const got = outcomeOf(testCase.selector, testCase.document);
    expect(outcomesAgree(expectedOutcome(testCase), got, testCase.ordered !== false), JSON.stringify(got)).toBe(true);
  });
});

describe('outcome comparison', () => {
  it('compares unordered results as multisets and ordered ones by position', () => {
    const expected = { kind: 'result', value: [1, 2, 2] } as const;
    expect(outcomesAgree(expected, { kind: 'result', value: [2, 1, 2] }, false)).toBe(true);
    expect(outcomesAgree(expected, { kind: 'result', value: [2, 1, 2] }, true)).toBe(false);
    expect(outcomesAgree(expected, { kind: 'result', value: [1, 2] }, false)).toBe(false);
    expect(outcomesAgree({ kind: 'not_found' }, { kind: 'result', value: [] }, true)).toBe(false);
  });
});
