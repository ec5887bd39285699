import type { TemplatePosition } from './types.js';

/** Offsets of line starts, for turning offsets into (line, column). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
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
