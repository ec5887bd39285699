import { relative } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';

/** One line per problem: `file:line:col  severity  message  (rule id)`. */
export function formatCompact(diagnostics: readonly Diagnostic[], cwd = process.cwd()): string {
  return diagnostics
    .map((d) => {
      const file = relative(cwd, d.file) || d.file;
      const where = d.range ? `${file}:${d.range.start.line}:${d.range.start.column}` : file;
      return `${where}  ${d.severity}  ${d.message}  (${(d.ruleIds ?? [d.ruleId]).join(', ')})\n`;
    })
    .join('');
}
