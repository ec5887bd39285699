import type { ActionChange, DiffResult } from './diff-actions.js';
import type { FieldChange } from './compare-actions.js';

const maxValueLength = 120;

export function formatValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > maxValueLength ? `${text.slice(0, maxValueLength - 1)}…` : text;
}

/** `field: left → right`, or just the field when a unified diff follows. */
export function describeField(change: FieldChange): string {
  const flag = change.replace ? '  [forces a new id]' : '';
  if (change.diff !== undefined) return `${change.field}${flag}`;
  return `${change.field}: ${formatValue(change.left)} → ${formatValue(change.right)}${flag}`;
}

export const kindWords: Record<ActionChange['kind'], string> = {
  added: 'added',
  removed: 'removed',
  update: 'updated in place',
  replace: 'replaced (new id: flows that call it must be re-pointed)',
};

export function summarise(result: DiffResult): string {
  const count = (kind: ActionChange['kind']) => result.changes.filter((c) => c.kind === kind).length;
  if (result.changes.length === 0) return `no differences (${result.unchanged} action${result.unchanged === 1 ? '' : 's'} the same)`;
  const n = result.changes.length;
  return `${n} action${n === 1 ? ' differs' : 's differ'}: ${count('added')} added, ${count('removed')} removed, ${count('update')} updated, ${count('replace')} replaced; ${result.unchanged} the same`;
}
