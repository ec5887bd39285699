import type { PathSegment, SourceLocation } from './location.js';

export type Severity = 'error' | 'warn' | 'info';

/** 1-based line and column, as people and CI systems read them. */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** The one result type every stage produces and every formatter consumes. */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  path: PathSegment[];
  range?: Range;
  /** Which of a lint rule's messages this is (its key in the rule's `messages`). */
  messageId?: string;
  /** When several rules found problems at this one place: every rule id, `ruleId` (the most severe) first. */
  ruleIds?: string[];
}

/** A problem found by a stage, at its place in the document before that is resolved to a line and column. */
export interface Finding extends SourceLocation {
  ruleId: string;
  severity: Severity;
  message: string;
}

export const severityRank: Record<Severity, number> = { info: 0, warn: 1, error: 2 };

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const la = a.range?.start.line ?? 0;
  const lb = b.range?.start.line ?? 0;
  if (la !== lb) return la - lb;
  const ca = a.range?.start.column ?? 0;
  const cb = b.range?.start.column ?? 0;
  if (ca !== cb) return ca - cb;
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}

/** One diagnostic per rule, file and start position: stages that both see a problem report it once. */
export function dedupeDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.ruleId}\u0000${d.file}\u0000${d.range?.start.line ?? 0}:${d.range?.start.column ?? 0}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
