import type { Diagnostic } from '../diagnostics/index.js';
import { formatCompact } from '../formatters/compact.js';
import { loadLintConfig, withFolderConfigs } from '../lint/config.js';
import { lintFiles } from '../lint/lint-files.js';

/** One action file's lint findings with the project's configuration, to show beside its run or test trace. */
export async function actionLintFindings(file: string, cwd: string): Promise<Diagnostic[]> {
  const project = await loadLintConfig(cwd);
  const { config } = await withFolderConfigs(project.config, [file], false);
  return (await lintFiles([file], config)).diagnostics;
}

export function formatLintSection(findings: readonly Diagnostic[], cwd: string): string {
  if (findings.length === 0) return '';
  return `\nlint findings for this action (dactl lint):\n${formatCompact(findings, cwd).trimEnd().replace(/^/gm, '  ')}\n`;
}
