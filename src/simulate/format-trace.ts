import type { Trace, TraceStep } from './types.js';

const MAX_NOTE_LINES = 40;

/**
 * The trace as the Test tab shows an execution: numbered steps, each with what it did, and the cause
 * in words where one failed.
 */
export function formatTrace(trace: Trace, title?: string): string {
  const lines: string[] = [];
  if (title) lines.push(title, '');
  const width = Math.max(...trace.steps.map((s) => s.step.length));
  trace.steps.forEach((step, index) => {
    lines.push(`${index + 1}. ${step.step.padEnd(width)}  ${step.ok ? '✓' : '✗'} ${step.detail}`);
    lines.push(...noteLines(step));
    if (step.error) lines.push(...indent(`error: ${step.error}`));
  });
  lines.push('');
  lines.push(trace.success ? 'success' : `failed at step ${trace.steps.length} (${trace.failure?.step ?? '?'})`);
  return `${lines.join('\n')}\n`;
}

function noteLines(step: TraceStep): string[] {
  const lines = step.notes.flatMap((note) => indent(note));
  if (lines.length <= MAX_NOTE_LINES) return lines;
  return [...lines.slice(0, MAX_NOTE_LINES), `     … ${lines.length - MAX_NOTE_LINES} more lines (use --format json for all)`];
}

function indent(text: string): string[] {
  return text.split('\n').map((line) => `     ${line}`);
}
