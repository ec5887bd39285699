import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { ExitCode, UserError, type Diagnostic } from '../../diagnostics/index.js';
import { formatCompact } from '../../formatters/compact.js';
import { ignoreGlobs, loadLintConfig } from '../../lint/config.js';
import { formatTestJunit } from '../../formatters/test-junit.js';
import { formatStep } from '../../simulate/format-trace.js';
import { runProjectTests, type TestRun } from '../../simulate/run-project-tests.js';
import type { SpecTestResult } from '../../simulate/run-spec-tests.js';
import { actionLintFindings, formatLintSection } from '../action-lint.js';
import { painter, type Paint } from '../../formatters/paint.js';
import type { TestFormat } from '../choices.js';
import { colourEnabled } from '../colour.js';
import { TestCache } from '../../simulate/test-cache.js';
import type { CliIo } from '../io.js';
import { watchLoop } from '../watch-loop.js';

export interface TestCommandOptions {
  format?: TestFormat;
  watch?: boolean;
  /** False with `--no-cache`: run every test, and keep no results. */
  cache?: boolean;
}


export async function runTest(paths: string[], options: TestCommandOptions, io: CliIo): Promise<number> {
  if (!options.watch) return testOnce(paths, options, io);
  if ((options.format ?? 'text') !== 'text') throw new UserError('--watch prints text; it cannot be used with --format');
  const targets = paths.length ? paths : ['definitions'];
  await testOnce(targets, options, io);
  const folders = [...new Set(await Promise.all(targets.map(async (p) => watchedFolder(resolve(io.cwd, p)))))];
  // A changed spec is retested alone; any other change (a recorded response, say) retests everything.
  return watchLoop(folders, io, async (changed) => {
    const specs = changed.filter((file) => /\.action\.ya?ml$/i.test(file) && existsSync(file));
    let output = '';
    const rerun = specs.length === changed.length ? specs : targets;
    await testOnce(rerun, options, { ...io, env: { ...io.env, FORCE_COLOR: '0' }, stdout: (text) => (output += text) });
    const lines = output.trimEnd().split('\n');
    const failures = lines.filter((line, i) => i < lines.length - 1 && !line.startsWith('✓') && line !== '');
    if (failures.length) io.stderr(`${failures.join('\n')}\n`);
    return lines[lines.length - 1] ?? '';
  });
}

async function watchedFolder(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  return info?.isDirectory() ? path : dirname(path);
}

async function testOnce(paths: string[], options: TestCommandOptions, io: CliIo): Promise<number> {
  const format = options.format ?? 'text';
  const project = await loadLintConfig(io.cwd);
  if (project.diagnostics.length) io.stderr(formatCompact(project.diagnostics, io.cwd));
  if (project.diagnostics.some((d) => d.severity === 'error')) return ExitCode.usage;
  const cache = options.cache === false ? undefined : TestCache.open(resolve(io.cwd, '.dactl-cache'));
  const run = await runProjectTests(paths.length ? paths : ['definitions'], io.cwd, ignoreGlobs(project.config), cache);
  if (run.diagnostics.length) {
    throw new UserError(run.diagnostics.map((d) => `${relative(io.cwd, d.file) || d.file}: ${d.message}`).join('; '));
  }
  const lint = new Map<string, Diagnostic[]>();
  for (const report of run.reports) {
    if (report.results.some((result) => !result.passed)) lint.set(report.file, await actionLintFindings(report.file, io.cwd));
  }
  if (format === 'junit') io.stdout(formatTestJunit(run, io.cwd));
  else if (format === 'json') io.stdout(`${JSON.stringify(jsonReport(run, io.cwd, lint), null, 2)}\n`);
  else io.stdout(textReport(run, io.cwd, lint, painter(colourEnabled(io))));
  const failed = run.failed > 0 || run.broken > 0 || run.diagnostics.length > 0;
  return failed ? ExitCode.findings : ExitCode.ok;
}

function textReport(run: TestRun, cwd: string, lint: ReadonlyMap<string, Diagnostic[]>, paint: Paint): string {
  const out: string[] = [];
  if (run.diagnostics.length) out.push(formatCompact(run.diagnostics, cwd).trimEnd());
  for (const report of run.reports) {
    if (report.diagnostics.length) {
      out.push(`${paint('red', '✗')} ${relative(cwd, report.file)}: the spec does not compile, so its tests did not run`);
      out.push(...formatCompact(report.diagnostics, cwd).trimEnd().split('\n').map((line) => `    ${line}`));
      continue;
    }
    for (const result of report.results) {
      out.push(`${result.passed ? paint('green', '✓') : paint('red', '✗')} ${result.action} › ${result.name}`);
      if (!result.passed) out.push(...failureLines(result, cwd));
    }
    const findings = formatLintSection(lint.get(report.file) ?? [], cwd).trimEnd();
    if (findings) out.push(...findings.split('\n').slice(1).map((line) => `  ${line}`));
  }
  const tests = run.passed + run.failed;
  const untested = run.reports.filter((r) => !r.diagnostics.length && r.results.length === 0).length;
  const parts = [`${plural(run.reports.length, 'spec')}, ${plural(tests, 'test')}: ${run.passed} passed, ${run.failed} failed`];
  if (run.broken) parts.push(`${plural(run.broken, 'spec')} did not compile`);
  if (untested) parts.push(`${plural(untested, 'spec')} without tests`);
  out.push('', paint('bold', parts.join('; ')));
  return `${out.join('\n')}\n`;
}

function failureLines(result: SpecTestResult, cwd: string): string[] {
  const lines = formatCompact(result.problems, cwd).trimEnd().split('\n').map((line) => `    ${line}`);
  const trace = result.trace;
  if (!trace) return lines;
  const failedIndex = trace.steps.findIndex((step) => !step.ok);
  if (failedIndex >= 0) {
    lines.push('    trace, the step that failed:');
    lines.push(...formatStep(trace.steps[failedIndex]!, failedIndex + 1).map((line) => `      ${line}`));
  } else {
    const translationIndex = trace.steps.findIndex((step) => step.step === 'translation');
    if (translationIndex >= 0) {
      lines.push('    trace, what the translation map found:');
      lines.push(...formatStep(trace.steps[translationIndex]!, translationIndex + 1).map((line) => `      ${line}`));
    }
  }
  return lines;
}

function jsonReport(run: TestRun, cwd: string, lint: ReadonlyMap<string, Diagnostic[]>): unknown {
  const where = (file: string): string => relative(cwd, file) || file;
  return {
    summary: { specs: run.reports.length, tests: run.passed + run.failed, passed: run.passed, failed: run.failed, broken: run.broken },
    problems: run.diagnostics.map((d) => ({ ...d, file: where(d.file) })),
    specs: run.reports.map((report) => ({
      file: where(report.file),
      action: report.action ?? null,
      diagnostics: report.diagnostics.map((d) => ({ ...d, file: where(d.file) })),
      lint: (lint.get(report.file) ?? []).map((d) => ({ ...d, file: where(d.file) })),
      tests: report.results.map((result) => ({
        name: result.name,
        passed: result.passed,
        line: result.range?.start.line ?? null,
        column: result.range?.start.column ?? null,
        problems: result.problems.map((d) => ({ ...d, file: where(d.file) })),
        trace: result.trace ?? null,
      })),
    })),
  };
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
