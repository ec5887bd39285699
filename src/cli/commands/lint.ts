import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import { compareDiagnostics, ExitCode, severityRank, suggestion, type Diagnostic, type Severity } from '../../diagnostics/index.js';
import { writeFileAtomic } from '../../files/atomic-write.js';
import { displayPath } from '../../formatters/format-context.js';
import { formatCompact } from '../../formatters/compact.js';
import { formatters, type FormatName } from '../../formatters/index.js';
import { effectiveSettings, loadLintConfig, withFolderConfigs, type LintConfig } from '../../lint/config.js';
import { fixFile } from '../../lint/fix-result.js';
import { lintableFiles, lintFiles, type CachedLint } from '../../lint/lint-files.js';
import { ResultCache } from '../../files/result-cache.js';
import { colourEnabled } from '../colour.js';
import { describeUnmatched } from '../../project/find-files.js';
import { projectRoot } from '../../project/project-root.js';
import { allRules, rulesById } from '../../lint/rules/index.js';
import { applyBaseline, baselineFileName, parseBaseline, pruneBaseline, recordFindings, serializeBaseline } from '../../lint/baseline.js';
import { unifiedDiff } from '../../lint/unified-diff.js';
import type { CliIo } from '../io.js';

export interface LintCommandOptions {
  format?: FormatName;
  output?: string;
  failSeverity?: Severity;
  maxWarnings?: number;
  fix?: boolean;
  fixDryRun?: boolean;
  printConfig?: boolean;
  config?: string;
  suppressAll?: boolean;
  suppressRule?: string[];
  pruneSuppressions?: boolean;
  suppressionsLocation?: string;
  toolVersion?: string;
  /** False with `--no-cache`. */
  cache?: boolean;
}

export async function runLint(paths: string[], options: LintCommandOptions, io: CliIo): Promise<number> {
  const { format = 'stylish', failSeverity = 'error', maxWarnings } = options;
  if (options.fix && options.fixDryRun) return usage(io, 'use --fix or --fix-dry-run, not both');
  const unknownRule = options.suppressRule?.find((id) => !rulesById.has(id));
  if (unknownRule !== undefined) return usage(io, `--suppress-rule: there is no rule "${unknownRule}"${suggestion(unknownRule, rulesById.keys())}`);

  const project = await loadLintConfig(io.cwd, options.config);
  if (!configUsable(project.diagnostics, io)) return ExitCode.usage;

  if (options.printConfig) {
    const file = paths[0] === undefined ? undefined : resolve(io.cwd, paths[0]);
    const { config, diagnostics } = await withFolderConfigs(project.config, file ? [file] : [], options.config !== undefined);
    if (!configUsable(diagnostics, io)) return ExitCode.usage;
    io.stdout(printConfig(config, file));
    return ExitCode.ok;
  }

  const found = await lintableFiles(paths.length ? paths : ['definitions'], project.config, io.cwd);
  if (found.unmatched.length) {
    for (const unmatched of found.unmatched) io.stderr(`dactl lint: ${describeUnmatched(unmatched)}\n`);
    return ExitCode.usage;
  }
  const { config, diagnostics: folderProblems } = await withFolderConfigs(project.config, found.files, options.config !== undefined);
  if (!configUsable(folderProblems, io)) return ExitCode.usage;
  // Fixes are computed afresh, so that what --fix writes never comes from an older run.
  const cache = options.fix || options.fixDryRun || options.cache === false ? undefined : ResultCache.open<CachedLint>(resolve(io.cwd, '.dactl-cache/lint.json'), config);
  const linted = await lintFiles(found.files, config, cache);

  let files = linted.files;
  if (options.fix || options.fixDryRun) {
    const root = await projectRoot(io.cwd);
    const diffs: string[] = [];
    files = [];
    for (const file of linted.files) {
      const fixed = fixFile(file, config);
      files.push(fixed.result);
      if (fixed.after === fixed.before) continue;
      if (options.fix) writeFileAtomic(file.file, fixed.after);
      else diffs.push(unifiedDiff(relative(root, file.file), fixed.before, fixed.after));
    }
    if (diffs.length) io.stdout(diffs.join(''));
  }

  const findings = files.flatMap((f) => f.diagnostics).sort(compareDiagnostics);
  const diagnostics = await withBaseline(findings, files.map((f) => f.file), options, io);
  if (diagnostics === undefined) return ExitCode.usage;
  const toFile = options.output !== undefined;
  const report = formatters[format](diagnostics, {
    cwd: io.cwd,
    color: format === 'stylish' && !toFile && colourEnabled(io),
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

/** Records, prunes and applies `dactl-suppressions.json`; answers what is left to report (undefined: unusable baseline). */
async function withBaseline(found: Diagnostic[], linted: string[], options: LintCommandOptions, io: CliIo): Promise<Diagnostic[] | undefined> {
  const file = resolve(io.cwd, options.suppressionsLocation ?? baselineFileName);
  const root = dirname(file);
  const shown = displayPath(file, io.cwd);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
  const parsed = text === undefined ? { baseline: {} } : parseBaseline(text);
  if ('problem' in parsed) {
    io.stderr(`dactl lint: ${shown} is not a suppressions file: ${parsed.problem}; fix it or delete it and run --suppress-all\n`);
    return undefined;
  }
  let baseline = parsed.baseline;
  if (options.suppressAll || options.suppressRule?.length) {
    baseline = recordFindings(baseline, found, root, options.suppressAll ? undefined : options.suppressRule);
    writeFileAtomic(file, serializeBaseline(baseline));
  }
  if (text === undefined && baseline === parsed.baseline) return found;
  const outcome = applyBaseline(baseline, found, root, linted);
  if (options.pruneSuppressions && outcome.unused.length) {
    writeFileAtomic(file, serializeBaseline(pruneBaseline(baseline, outcome.unused)));
    io.stderr(`pruned ${outcome.unused.length} suppression${outcome.unused.length === 1 ? '' : 's'} that no longer match from ${shown}\n`);
  } else if (outcome.unused.length) {
    io.stderr(`${outcome.unused.length} suppression${outcome.unused.length === 1 ? ' in' : 's in'} ${shown} no longer match (fixed findings): run dactl lint --prune-suppressions\n`);
  }
  if (outcome.suppressed) io.stderr(`${outcome.suppressed} finding${outcome.suppressed === 1 ? '' : 's'} suppressed by ${shown}\n`);
  return outcome.reported;
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
  const from = [...(config.file ? [config.file] : []), ...config.folders.map((folder) => folder.file)];
  const header = `# effective lint configuration${from.length ? ` (from ${from.join(', ')})` : ' (no .dactl.yaml: the recommended preset)'}${file ? ` for ${file}` : ''}\n`;
  return header + stringify({ extends: config.extends, rules });
}

/** Prints configuration problems; answers whether linting can go on (no errors among them). */
function configUsable(diagnostics: readonly Diagnostic[], io: CliIo): boolean {
  if (diagnostics.length) io.stderr(formatCompact(diagnostics, io.cwd));
  return !diagnostics.some((d) => d.severity === 'error');
}

function usage(io: CliIo, message: string): number {
  io.stderr(`dactl lint: ${message}\n`);
  return ExitCode.usage;
}
