import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { generatedCases } from './cases/generated-templates.js';
import { renderWithJavaVelocity, type JavaResult } from './java-velocity.js';
import { knownDifference } from './known-differences.js';
import { renderCase, type OracleCase } from './oracle-case.js';

/** A few hundred in CI; `npm run fuzz` raises ORACLE_RUNS to a few thousand. */
const runs = Math.max(1, Number(process.env.ORACLE_RUNS ?? 400) || 400);
const seed = Number(process.env.ORACLE_SEED ?? 1707);
const cases = generatedCases(seed, runs);

let java: Map<string, JavaResult>;

beforeAll(() => {
  java = renderWithJavaVelocity(cases);
});

/** Java prints a `String[]` with its identity hash, which differs run to run. */
const normalize = (text: string): string => text.replace(/\[Ljava\.lang\.String;@[0-9a-f]+/g, '[Ljava.lang.String;@');


type Verdict = { agree: true } | { agree: false; java: string; dactl: string };

function compare(kase: OracleCase, expected: JavaResult | undefined): Verdict {
  const actual = renderCase(kase);
  if (!expected) return { agree: false, java: 'no result', dactl: '' };
  const javaText = expected.ok ? JSON.stringify(normalize(expected.output)) : `${expected.kind} error: ${expected.message.split('\n')[0]}`;
  const dactlText = actual.ok ? JSON.stringify(normalize(actual.output)) : `${actual.error.kind} error: ${actual.error.message}`;
  if (expected.ok && actual.ok && normalize(expected.output) === normalize(actual.output)) return { agree: true };
  if (!expected.ok && !actual.ok && (expected.kind === 'syntax') === (actual.error.kind === 'syntax')) return { agree: true };
  return { agree: false, java: javaText, dactl: dactlText };
}

describe(`generated templates agree with Apache Velocity 1.7 (seed ${seed}, ${runs} templates)`, () => {
  test('at least 99% agree, and every disagreement is a documented difference', () => {
    const disagreements: string[] = [];
    let unexplained = 0;
    for (const kase of cases) {
      const verdict = compare(kase, java.get(kase.id));
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
