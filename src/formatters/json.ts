import type { Diagnostic } from '../diagnostics/index.js';
import { displayPath, type FormatContext } from './format-context.js';

export const jsonFormatVersion = 1;

/** Stable, versioned JSON: one object per diagnostic, 1-based positions, null when a problem has none. */
export function formatJson(diagnostics: readonly Diagnostic[], context: FormatContext): string {
  const report = {
    version: jsonFormatVersion,
    diagnostics: diagnostics.map((d) => ({
      ruleId: d.ruleId,
      messageId: d.messageId ?? null,
      ...(d.ruleIds ? { ruleIds: d.ruleIds } : {}),
      severity: d.severity,
      message: d.message,
      file: displayPath(d.file, context.cwd),
      line: d.range?.start.line ?? null,
      column: d.range?.start.column ?? null,
      endLine: d.range?.end.line ?? null,
      endColumn: d.range?.end.column ?? null,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
