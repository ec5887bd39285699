import { existsSync, readdirSync } from 'node:fs';
import { describe, it } from 'vitest';
import { corpusDir } from './paths.js';

/**
 * Tests that read `../shared/corpus` (real exports, real flows, Jayway's recorded results). A fresh clone has no
 * `../shared`: there they are skipped, with the reason in the test name. CI must prove them, so under `CI=true`
 * a missing corpus is a failing test that says what is missing instead of a skip.
 */
export const corpusPresent = existsSync(corpusDir);

const inCi = Boolean(process.env.CI) && !['0', 'false'].includes(process.env.CI!.toLowerCase());
const missingMessage =
  `${corpusDir} is missing: the corpus tests need ../shared/corpus beside the checkout ` +
  '(real-actions/, real-flows/, archy-flows/, jsonpath/).';

if (!corpusPresent && !inCi) console.warn(`Skipping the corpus tests: ${missingMessage}`);

type SuiteBody = () => void;

/** `describe` for a suite that needs the corpus. */
export function describeWithCorpus(name: string, body: SuiteBody): void {
  if (corpusPresent) describe(name, body);
  else if (inCi) describe(name, () => it('has the shared corpus', () => { throw new Error(missingMessage); }));
  else describe.skip(`${name} (skipped: no ../shared/corpus)`, body);
}

/** `it` for one test that needs the corpus, inside a suite that does not. */
export function itWithCorpus(name: string, body: () => unknown, timeout?: number): void {
  if (corpusPresent) it(name, body, timeout);
  else if (inCi) it(name, () => { throw new Error(missingMessage); });
  else it.skip(`${name} (skipped: no ../shared/corpus)`, body);
}

/** The names in a corpus folder, or none when the corpus is absent (so module-level listings never throw). */
export function corpusFiles(dir: string, suffix: string): string[] {
  return corpusPresent ? readdirSync(dir).filter((name) => name.endsWith(suffix)).sort() : [];
}
