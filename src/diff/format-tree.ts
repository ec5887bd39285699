import archy from 'archy';
import type { DiffResult } from './diff-actions.js';
import { painter, type Paint, type Style } from '../formatters/paint.js';
import { describeField, kindWords, summarise } from './describe-change.js';

const marks = { added: '+', removed: '-', update: '~', replace: '!' } as const;
const markStyles = { added: 'green', removed: 'red', update: 'yellow', replace: 'red' } as const satisfies Record<keyof typeof marks, Style>;

/**
 * The default output: one branch per changed action, its changed fields below, template diffs line by line
 * (in colour with a colouring `paint`).
 */
export function formatDiffTree(result: DiffResult, title: string, paint: Paint = painter(false)): string {
  const nodes = result.changes.map((change) => ({
    label: `${paint(markStyles[change.kind], marks[change.kind])} ${change.action}  ${kindWords[change.kind]}`,
    nodes: change.fields.map((field) => ({
      label: describeField(field),
      nodes: field.diff === undefined ? [] : field.diff.split('\n').map((line) => paintDiffLine(line, paint)),
    })),
  }));
  return archy({ label: `${title}: ${summarise(result)}`, nodes });
}

function paintDiffLine(line: string, paint: Paint): string {
  if (line.startsWith('+') && !line.startsWith('+++')) return paint('green', line);
  if (line.startsWith('-') && !line.startsWith('---')) return paint('red', line);
  if (line.startsWith('@@')) return paint('cyan', line);
  return line;
}
