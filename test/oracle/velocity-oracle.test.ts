import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { corpusPresent, itWithCorpus } from '../support/corpus.js';
import { corpusDir, repoRoot } from '../support/paths.js';
import { actionCasesIn } from './cases/action-cases.js';
import { edgeCases } from './cases/edge-cases.js';
import { renderWithJavaVelocity, type JavaResult } from './java-velocity.js';
import { renderCase, type OracleCase } from './oracle-case.js';

const corpusCases = corpusPresent ? actionCasesIn(join(corpusDir, 'real-actions'), '.json') : [];
const cases: OracleCase[] = [
  ...corpusCases,
  ...actionCasesIn(join(repoRoot, 'out', 'actions'), '.custom.json'),
  ...edgeCases,
];

/** Differences we know and accept; each is explained in docs/fidelity.md. */
const KNOWN_DIFFERENCES = new Set<string>([]);

let java: Map<string, JavaResult>;

beforeAll(() => {
  java = renderWithJavaVelocity(cases);
});


describe(`renderTemplate agrees with Apache Velocity 1.7 (${cases.length} cases)`, () => {
  test('case ids are unique', () => {
    expect(new Set(cases.map((kase) => kase.id)).size).toBe(cases.length);
  });

  itWithCorpus('includes every template of the real exports', () => {
    expect(corpusCases.length).toBeGreaterThan(0);
  });

  test.each(cases.map((kase) => [kase.id, kase] as const))('%s', (id, kase) => {
    if (KNOWN_DIFFERENCES.has(id)) {
      expect(renderCase(kase), 'a known difference now agrees: remove it from KNOWN_DIFFERENCES').not.toEqual(java.get(id)?.ok ? { ok: true, output: (java.get(id) as { output: string }).output } : undefined);
      return;
    }
    const expected = java.get(kase.id);
    expect(expected, 'Java produced no result').toBeDefined();
    const actual = renderCase(kase);
    if (expected?.ok) {
      expect(actual).toEqual({ ok: true, output: expected.output });
      return;
    }
    expect(actual.ok, `Java failed with: ${expected?.message}`).toBe(false);
    if (actual.ok || !expected) return;
    if (expected.kind === 'syntax') expect(actual.error.kind).toBe('syntax');
    else expect(actual.error.kind).not.toBe('syntax');
    if (/^Variable \$\S+ has not been set/.test(expected.message)) expect(actual.error.message).toBe(expected.message);
  });
});
