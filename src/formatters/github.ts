import type { Diagnostic, Severity } from '../diagnostics/index.js';
import { displayPath, type FormatContext } from './format-context.js';

const command: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'notice' };

/** GitHub Actions workflow commands: each problem becomes an annotation on the file and line. */
export function formatGithub(diagnostics: readonly Diagnostic[], context: FormatContext): string {
  return diagnostics
    .map((d) => {
      const properties = [`file=${escapeProperty(displayPath(d.file, context.cwd))}`];
      if (d.range) {
        properties.push(`line=${d.range.start.line}`, `col=${d.range.start.column}`);
        properties.push(`endLine=${d.range.end.line}`, `endColumn=${d.range.end.column}`);
      }
      properties.push(`title=${escapeProperty(d.ruleId)}`);
      return `::${command[d.severity]} ${properties.join(',')}::${escapeData(d.message)}\n`;
    })
    .join('');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
