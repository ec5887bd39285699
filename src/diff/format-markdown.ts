import type { DiffResult } from './diff-actions.js';
import { formatValue, kindWords, summarise } from './describe-change.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** For a pull-request comment: a summary table, then one section per changed action. */
export function formatDiffMarkdown(result: DiffResult, title: string): string {
  const lines = [`### ${cell(title)}`, '', summarise(result), ''];
  if (result.changes.length === 0) return lines.join('\n');
  lines.push('| action | change |', '|---|---|');
  for (const change of result.changes) lines.push(`| ${cell(change.action)} | ${change.kind === 'replace' ? '**replace**' : change.kind} |`);
  for (const change of result.changes) {
    if (change.fields.length === 0) continue;
    lines.push('', `#### ${cell(change.action)}: ${kindWords[change.kind]}`, '');
    for (const field of change.fields) {
      const flag = field.replace ? ' (forces a new id)' : '';
      if (field.diff !== undefined) {
        lines.push(`- \`${field.field}\`${flag}`, '', '```diff', field.diff, '```', '');
      } else {
        lines.push(`- \`${field.field}\`${flag}: \`${cell(formatValue(field.left))}\` → \`${cell(formatValue(field.right))}\``);
      }
    }
  }
  return lines.join('\n') + '\n';
}
