import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { compareDiagnostics, ExitCode, severityRank, type Diagnostic, type Severity } from '../../diagnostics/index.js';
import { writeFileAtomic } from '../../files/atomic-write.js';
import { displayPath } from '../../formatters/format-context.js';
import { formatCompact } from '../../formatters/compact.js';
import { formatNames, formatters, type FormatName } from '../../formatters/index.js';
import { effectiveSettings, loadLintConfig, type LintConfig } from '../../lint/config.js';
import { fixFile } from '../../lint/fix-result.js';
import { lintPaths, type CachedLint } from '../../lint/lint-files.js';
import { ResultCache } from '../../output/result-cache.js';
import { allRules } from '../../lint/rules/index.js';
import { unifiedDiff } from '../../lint/unified-diff.js';
import type { CliIo } from '../io.js';

export interface LintCommandOptions {
  format?: string;
  output?: string;
  failSeverity?: string;
  maxWarnings?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  printConfig?: boolean;
  config?: string;
  toolVersion?: string;
  /** False with `--no-cache`. */
  cache?: boolean;
}

const severities: readonly Severity[] = ['error', 'warn', 'info'];

export async function runLint(paths: string[], options: LintCommandOptions, io: CliIo): Promise<number> {
  const format = (options.format ?? 'stylish') as FormatName;
  const failSeverity = (options.failSeverity ?? 'error') as Severity;
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings);
  if (!formatNames.includes(format)) return usage(io, `--format must be one of ${formatNames.join(', ')}`);
  if (!severities.includes(failSeverity)) return usage(io, `--fail-severity must be one of ${severities.join(', ')}`);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    return usage(io, '--max-warnings must be a whole number, 0 or more');
  }
  if (options.fix && options.fixDryRun) return usage(io, 'use --fix or --fix-dry-run, not both');

  const { config, diagnostics: configProblems } = await loadLintConfig(io.cwd, options.config);
  if (configProblems.length) io.stderr(formatCompact(configProblems, io.cwd));
  if (configProblems.some((d) => d.severity === 'error')) return ExitCode.usage;

  const targets = (paths.length ? paths : ['definitions']).map((path) => resolve(io.cwd, path));
  if (options.printConfig) {
    io.stdout(printConfig(config, paths.length ? targets[0] : undefined));
    return ExitCode.ok;
  }

  // Fixes are computed afresh, so that what --fix writes never comes from an older run.
  const cache = options.fix || options.fixDryRun || options.cache === false ? undefined : ResultCache.open<CachedLint>(resolve(io.cwd, '.dactl-cache/lint.json'), config);
  const linted = await lintPaths(targets, config, cache);
  const missing = linted.diagnostics.filter((d) => d.ruleId === 'path-not-found');
  if (missing.length) {
    for (const d of missing) io.stderr(`dactl: ${displayPath(d.file, io.cwd)}: no such file or folder\n`);
    return ExitCode.usage;
  }

  let files = linted.files;
  if (options.fix || options.fixDryRun) {
    const diffs: string[] = [];
    files = [];
    for (const file of linted.files) {
      const fixed = fixFile(file, config);
      files.push(fixed.result);
      if (fixed.after === fixed.before) continue;
      if (options.fix) writeFileAtomic(file.file, fixed.after);
      else diffs.push(unifiedDiff(displayPath(file.file, io.cwd), fixed.before, fixed.after));
    }
    if (diffs.length) io.stdout(diffs.join(''));
  }

  const diagnostics = [...linted.diagnostics.filter((d) => !linted.files.some((f) => f.file === d.file)), ...files.flatMap((f) => f.diagnostics)].sort(compareDiagnostics);
  const toFile = options.output !== undefined;
  const report = formatters[format](diagnostics, {
    cwd: io.cwd,
    color: format === 'stylish' && !toFile && io.isTTY && !io.env.NO_COLOR,
    sources: new Map(files.map((f) => [f.file, f.text])),
    files: files.map((f) => f.file),
    rules: allRules,
    ...(options.toolVersion ? { toolVersion: options.toolVersion } : {}),
  });
  if (toFile) {
    const output = resolve(io.cwd, options.output as string);
    writeFileAtomic(output, report);
  } else {
    io.stdout(report);
  }
  return exitCode(diagnostics, failSeverity, maxWarnings);
}

export function exitCode(diagnostics: readonly Diagnostic[], failSeverity: Severity, maxWarnings: number | undefined): number {
  if (diagnostics.some((d) => severityRank[d.severity] >= severityRank[failSeverity])) return ExitCode.findings;
  const warnings = diagnostics.filter((d) => d.severity === 'warn').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) return ExitCode.findings;
  return ExitCode.ok;
}

function printConfig(config: LintConfig, file: string | undefined): string {
  const rules: Record<string, string> = {};
  for (const [rule, setting] of effectiveSettings(config, file)) rules[rule.id] = setting;
  const header = `# effective lint configuration${config.file ? ` (from ${config.file})` : ' (no .dactl.yaml: the recommended preset)'}${file ? ` for ${file}` : ''}\n`;
  return header + stringify({ extends: config.extends, rules });
}

function usage(io: CliIo, message: string): number {
  io.stderr(`dactl lint: ${message}\n`);
  return ExitCode.usage;
}
