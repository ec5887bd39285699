import type { Diagnostic, Severity } from '../diagnostics/index.js';
import { displayPath, type FormatContext } from './format-context.js';
import { painter, type Paint, type Style } from './paint.js';

/** Grouped by file, each problem with a code frame and a caret under the range, then a summary line. */
export function formatStylish(diagnostics: readonly Diagnostic[], context: FormatContext): string {
  if (diagnostics.length === 0) return '';
  const paint = painter(context.color);
  const severityStyle: Record<Severity, Style> = { error: 'red', warn: 'yellow', info: 'cyan' };
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const out: string[] = [];
  for (const [file, found] of byFile) {
    out.push(paint('underline', displayPath(file, context.cwd)));
    const lines = context.sources?.get(file)?.split('\n');
    for (const d of found) {
      const where = d.range ? `${d.range.start.line}:${d.range.start.column}` : '';
      out.push(`  ${paint('dim', where.padEnd(7))} ${paint(severityStyle[d.severity], d.severity.padEnd(5))}  ${d.message}  ${paint('dim', (d.ruleIds ?? [d.ruleId]).join(', '))}`);
      if (lines && d.range) out.push(...codeFrame(lines, d, paint));
    }
    out.push('');
  }
  out.push(summary(diagnostics, context, paint));
  return `${out.join('\n')}\n`;
}

function codeFrame(lines: string[], d: Diagnostic, paint: Paint): string[] {
  const range = d.range;
  if (!range) return [];
  const line = lines[range.start.line - 1];
  if (line === undefined) return [];
  const text = line.replace(/\r$/, '').replace(/\t/g, ' ');
  const gutter = String(range.start.line).length;
  const start = range.start.column;
  const end = range.end.line === range.start.line ? Math.max(range.end.column, start + 1) : text.length + 1;
  const width = Math.max(1, Math.min(end, text.length + 1) - start);
  const shown = text.length > 160 ? `${text.slice(Math.max(0, start - 60), start + 100)}` : text;
  const shift = text.length > 160 ? Math.max(0, start - 60) : 0;
  return [
    `    ${paint('dim', `${String(range.start.line).padStart(gutter)} |`)} ${shown}`,
    `    ${paint('dim', `${' '.repeat(gutter)} |`)} ${' '.repeat(Math.max(0, start - 1 - shift))}${paint('red', '^'.repeat(Math.min(width, 100)))}`,
  ];
}

function summary(diagnostics: readonly Diagnostic[], context: FormatContext, paint: Paint): string {
  const count = (severity: Severity): number => diagnostics.filter((d) => d.severity === severity).length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const errors = count('error');
  const text = `${errors ? '✖' : '⚠'} ${plural(diagnostics.length, 'problem')} (${plural(errors, 'error')}, ${plural(count('warn'), 'warning')}, ${plural(count('info'), 'info')})`;
  const fixable = new Set((context.rules ?? []).filter((r) => r.fixable).map((r) => r.id));
  const fixableCount = diagnostics.filter((d) => fixable.has(d.ruleId)).length;
  const lines = [paint('bold', paint(errors ? 'red' : 'yellow', text))];
  if (fixableCount) lines.push(`  ${plural(fixableCount, 'problem')} may be fixable with --fix`);
  return lines.join('\n');
}
