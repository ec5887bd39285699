import type { TemplatePosition } from './types.js';

/** Offsets of line starts, for turning velocityjs's (line, column) into offsets and back. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** `line` is 1-based, `column` 0-based, as velocityjs reports them. */
export function offsetOf(starts: number[], line: number, column: number): number {
  return (starts[line - 1] ?? starts[starts.length - 1] ?? 0) + column;
}

export function positionAt(starts: number[], offset: number): TemplatePosition {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { offset, line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}
