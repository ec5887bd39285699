import { stepNames, type Trace, type TraceStep } from './types.js';

const MAX_NOTE_LINES = 40;

/**
 * The trace as the Test tab shows an execution: numbered steps, each with what it did, and the cause
 * in words where one failed.
 */
export function formatTrace(trace: Trace, title?: string): string {
  const lines: string[] = [];
  if (title) lines.push(title, '');
  trace.steps.forEach((step, index) => lines.push(...formatStep(step, index + 1)));
  lines.push('');
  lines.push(trace.success ? 'success' : `failed at step ${trace.steps.length} (${trace.failure?.step ?? '?'})`);
  return `${lines.join('\n')}\n`;
}

const stepWidth = Math.max(...stepNames.map((name) => name.length));

/** One step: `4. translation  ✓ 2 keys`, its notes indented below, and the error when it failed. */
export function formatStep(step: TraceStep, number: number): string[] {
  const lines = [`${number}. ${step.step.padEnd(stepWidth)}  ${step.ok ? '✓' : '✗'} ${step.detail}`, ...noteLines(step)];
  if (step.error) lines.push(...indent(`error: ${step.error}`));
  return lines;
}

function noteLines(step: TraceStep): string[] {
  const lines = step.notes.flatMap((note) => indent(note));
  if (lines.length <= MAX_NOTE_LINES) return lines;
  return [...lines.slice(0, MAX_NOTE_LINES), `     … ${lines.length - MAX_NOTE_LINES} more lines (use --format json for all)`];
}

function indent(text: string): string[] {
  return text.split(/\r?\n/).map((line) => `     ${line}`);
}
