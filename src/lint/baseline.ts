import { relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';

/**
 * Recorded findings a team has accepted for now, as ESLint's bulk suppressions: file (relative to the folder the
 * baseline is in, `/`-separated) → rule id → how many findings of that rule the file may have.
 */
export type Baseline = Record<string, Record<string, { count: number }>>;

export const baselineFileName = 'dactl-suppressions.json';

type Counts = Map<string, Map<string, number>>;

function countFindings(diagnostics: readonly Diagnostic[], root: string): Counts {
  const counts: Counts = new Map();
  for (const d of diagnostics) {
    const file = baselineKey(d.file, root);
    const rules = counts.get(file) ?? new Map<string, number>();
    for (const id of d.ruleIds ?? [d.ruleId]) rules.set(id, (rules.get(id) ?? 0) + 1);
    counts.set(file, rules);
  }
  return counts;
}

function baselineKey(file: string, root: string): string {
  return relative(root, file).split(sep).join('/');
}

/** The baseline with today's findings recorded: all of them, or only those of `ruleIds`; other entries are kept. */
export function recordFindings(baseline: Baseline, diagnostics: readonly Diagnostic[], root: string, ruleIds?: readonly string[]): Baseline {
  const next: Baseline = structuredClone(baseline);
  for (const [file, rules] of countFindings(diagnostics, root)) {
    for (const [rule, count] of rules) {
      if (ruleIds && !ruleIds.includes(rule)) continue;
      (next[file] ??= {})[rule] = { count };
    }
  }
  return sorted(next);
}

export interface BaselineOutcome {
  /** What is left to report: every finding of a rule in a file that has more findings than recorded. */
  reported: Diagnostic[];
  suppressed: number;
  /** Entries that allow more findings than there are now (`--prune-suppressions` lowers or drops them). */
  unused: Array<{ file: string; rule: string; recorded: number; found: number }>;
}

/**
 * Drops the findings the baseline accepts. As in ESLint, a file with more findings of a rule than recorded reports
 * all of them, since counts cannot tell which is new. A finding of several rules is dropped only when each accepts it.
 */
export function applyBaseline(baseline: Baseline, diagnostics: readonly Diagnostic[], root: string, lintedFiles: readonly string[]): BaselineOutcome {
  const counts = countFindings(diagnostics, root);
  const within = (file: string, rule: string): boolean => (counts.get(file)?.get(rule) ?? 0) <= (baseline[file]?.[rule]?.count ?? 0);
  const reported = diagnostics.filter((d) => {
    const file = baselineKey(d.file, root);
    return !(d.ruleIds ?? [d.ruleId]).every((rule) => within(file, rule));
  });
  const linted = new Set(lintedFiles.map((file) => baselineKey(file, root)));
  const unused: BaselineOutcome['unused'] = [];
  for (const [file, rules] of Object.entries(baseline)) {
    if (!linted.has(file)) continue;
    for (const [rule, { count }] of Object.entries(rules)) {
      const found = counts.get(file)?.get(rule) ?? 0;
      if (found < count) unused.push({ file, rule, recorded: count, found });
    }
  }
  return { reported, suppressed: diagnostics.length - reported.length, unused };
}

/** The baseline with each entry lowered to what the linted files have now (and dropped at zero). */
export function pruneBaseline(baseline: Baseline, unused: BaselineOutcome['unused']): Baseline {
  const next: Baseline = structuredClone(baseline);
  for (const { file, rule, found } of unused) {
    const rules = next[file];
    if (!rules) continue;
    if (found === 0) delete rules[rule];
    else rules[rule] = { count: found };
    if (Object.keys(rules).length === 0) delete next[file];
  }
  return sorted(next);
}

function sorted(baseline: Baseline): Baseline {
  const out: Baseline = {};
  for (const file of Object.keys(baseline).sort()) {
    const rules = baseline[file] ?? {};
    out[file] = Object.fromEntries(Object.keys(rules).sort().map((rule) => [rule, rules[rule] as { count: number }]));
  }
  return out;
}

/** Reads a baseline's text; undefined with a reason when it is not one. */
export function parseBaseline(text: string): { baseline: Baseline } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `not JSON (${(error as Error).message})` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { problem: 'not a JSON object of files' };
  for (const [file, rules] of Object.entries(value as Record<string, unknown>)) {
    if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) return { problem: `"${file}" is not an object of rule ids` };
    for (const [rule, entry] of Object.entries(rules as Record<string, unknown>)) {
      const count = (entry as { count?: unknown } | null)?.count;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return { problem: `"${file}" › "${rule}" needs a whole "count"` };
    }
  }
  return { baseline: value as Baseline };
}

export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}
