import type { JavaResult } from './java-velocity.js';
import { renderCase, type OracleCase } from './oracle-case.js';

/** Java prints a `String[]` with its identity hash, which differs run to run. */
export const normalize = (text: string): string => text.replace(/\[Ljava\.lang\.String;@[0-9a-f]+/g, '[Ljava.lang.String;@');

export type Verdict = { agree: true } | { agree: false; java: string; dactl: string };

/** Renders the case with dactl: it agrees with Java on the same output, or on both failing with the same kind (syntax or not). */
export function compareWithJava(kase: OracleCase, expected: JavaResult | undefined): Verdict {
  const actual = renderCase(kase);
  if (!expected) return { agree: false, java: 'no result', dactl: '' };
  const javaText = expected.ok ? JSON.stringify(normalize(expected.output)) : `${expected.kind} error: ${expected.message.split('\n')[0]}`;
  const dactlText = actual.ok ? JSON.stringify(normalize(actual.output)) : `${actual.error.kind} error: ${actual.error.message}`;
  if (expected.ok && actual.ok && normalize(expected.output) === normalize(actual.output)) return { agree: true };
  if (!expected.ok && !actual.ok && (expected.kind === 'syntax') === (actual.error.kind === 'syntax')) return { agree: true };
  return { agree: false, java: javaText, dactl: dactlText };
}
