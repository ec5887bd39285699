import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { generatedCases } from './cases/generated-templates.js';
import { compareWithJava } from './compare-results.js';
import { renderWithJavaVelocity, type JavaResult } from './java-velocity.js';
import { knownDifference } from './known-differences.js';

/** A few hundred in CI; `npm run fuzz` raises ORACLE_RUNS to a few thousand. */
const runs = Math.max(1, Number(process.env.ORACLE_RUNS ?? 400) || 400);
const seed = Number(process.env.ORACLE_SEED ?? 1707);
const cases = generatedCases(seed, runs);

let java: Map<string, JavaResult>;

beforeAll(() => {
  java = renderWithJavaVelocity(cases);
});

describe(`generated templates agree with Apache Velocity 1.7 (seed ${seed}, ${runs} templates)`, () => {
  test('at least 99% agree, and every disagreement is a documented difference', () => {
    const disagreements: string[] = [];
    let unexplained = 0;
    for (const kase of cases) {
      const verdict = compareWithJava(kase, java.get(kase.id));
      if (verdict.agree) continue;
      const known = knownDifference(kase.template);
      if (!known) unexplained++;
      disagreements.push(`${kase.id}${kase.strict ? ' (strict)' : ''} ${known ? `[known: ${known}]` : '[UNEXPLAINED]'}\n  template: ${JSON.stringify(kase.template)}\n  java:  ${verdict.java}\n  dactl: ${verdict.dactl}`);
    }
    const report = join(import.meta.dirname, 'build', 'generated-disagreements.txt');
    mkdirSync(join(import.meta.dirname, 'build'), { recursive: true });
    writeFileSync(report, disagreements.join('\n\n') + '\n');
    const agreement = 1 - disagreements.length / cases.length;
    console.log(`generated templates: ${cases.length - disagreements.length}/${cases.length} agree (${(agreement * 100).toFixed(1)}%); details in ${report}`);
    expect(unexplained, disagreements.filter((d) => d.includes('UNEXPLAINED')).slice(0, 5).join('\n\n')).toBe(0);
    expect(agreement).toBeGreaterThanOrEqual(0.99);
  });
});
