import archy from 'archy';
import type { DiffResult } from './diff-actions.js';
import { describeField, kindWords, summarise } from './describe-change.js';

const marks = { added: '+', removed: '-', update: '~', replace: '!' } as const;

/** The default output: one branch per changed action, its changed fields below, template diffs line by line. */
export function formatDiffTree(result: DiffResult, title: string): string {
  const nodes = result.changes.map((change) => ({
    label: `${marks[change.kind]} ${change.action}  ${kindWords[change.kind]}`,
    nodes: change.fields.map((field) => ({
      label: describeField(field),
      nodes: field.diff === undefined ? [] : field.diff.split('\n'),
    })),
  }));
  return archy({ label: `${title}: ${summarise(result)}`, nodes });
}
