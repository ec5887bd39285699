import { severityRank, type Diagnostic } from '../diagnostics/index.js';
import type { LintMessage } from './run-lint.js';

/**
 * One message per place: messages that start at the same line and column become one diagnostic naming each
 * problem with its rule id, carrying every rule id, with the one fix that solves them all (a fix amended by
 * the others' `amend`, e.g. `$esc.jsonString(${input.x})` → `$esc.jsonString($!{input.x})`).
 */
export function onePerPlace<T extends LintMessage>(messages: readonly T[]): T[] {
  const places = new Map<string, T[]>();
  for (const message of messages) {
    const start = message.diagnostic.range?.start;
    const key = `${message.diagnostic.file}\u0000${start ? `${start.line}:${start.column}` : 'file'}`;
    const group = places.get(key);
    if (group) group.push(message);
    else places.set(key, [message]);
  }
  return [...places.values()].map((group) => (group.length === 1 ? (group[0] as T) : merge(group)));
}

function merge<T extends LintMessage>(group: readonly T[]): T {
  const distinct = group.filter((m, i) => group.findIndex((o) => o.diagnostic.ruleId === m.diagnostic.ruleId) === i);
  const ordered = [...distinct].sort((a, b) => severityRank[b.diagnostic.severity] - severityRank[a.diagnostic.severity]);
  const primary = ordered[0] as T;
  if (ordered.length === 1) return primary;
  const fixed = ordered.find((m) => m.fix);
  const fix = fixed?.fix && { ...fixed.fix, text: ordered.reduce((text, m) => (m.amend ? text.split(m.amend.from).join(m.amend.to) : text), fixed.fix.text) };
  const problems = ordered.map((m) => `${fix ? withoutAdvice(m.diagnostic.message) : m.diagnostic.message} [${m.diagnostic.ruleId}]`);
  const message = `${ordered.length} problems here: ${problems.join('; and ')}${fix ? `. One fix for all: write ${fix.text}` : ''}`;
  const diagnostic: Diagnostic = { ...primary.diagnostic, message, ruleIds: [...new Set(ordered.flatMap((m) => m.diagnostic.ruleIds ?? [m.diagnostic.ruleId]))] };
  const merged = { ...primary, diagnostic } as T;
  delete merged.amend;
  if (fix) merged.fix = fix;
  else delete merged.fix;
  return merged;
}

/** Each rule's closing advice (its last ": …" clause) gives way to the one fix. */
function withoutAdvice(message: string): string {
  const advice = message.lastIndexOf(': ');
  return advice > 0 ? message.slice(0, advice) : message;
}
