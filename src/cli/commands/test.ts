import { relative, resolve } from 'node:path';
import { ExitCode, UserError } from '../../diagnostics/index.js';
import { formatCompact } from '../../formatters/compact.js';
import { formatTestJunit } from '../../formatters/test-junit.js';
import { formatStep } from '../../simulate/format-trace.js';
import { runProjectTests, type TestRun } from '../../simulate/run-project-tests.js';
import type { SpecTestResult } from '../../simulate/run-spec-tests.js';
import { TestCache } from '../../simulate/test-cache.js';
import type { CliIo } from '../io.js';

export interface TestCommandOptions {
  format?: string;
  /** False with `--no-cache`: run every test, and keep no results. */
  cache?: boolean;
}

const formats = ['text', 'json', 'junit'];

export async function runTest(paths: string[], options: TestCommandOptions, io: CliIo): Promise<number> {
  const format = options.format ?? 'text';
  if (!formats.includes(format)) throw new UserError(`unknown format "${format}"; use ${formats.join(', ')}`);
  const targets = (paths.length ? paths : ['definitions']).map((p) => resolve(io.cwd, p));
  const run = await runProjectTests(targets, options.cache === false ? undefined : TestCache.open(resolve(io.cwd, '.dactl-cache')));
  if (run.diagnostics.length && run.reports.length === 0) {
    throw new UserError(run.diagnostics.map((d) => `${relative(io.cwd, d.file) || d.file}: ${d.message}`).join('; '));
  }
  if (format === 'junit') io.stdout(formatTestJunit(run, io.cwd));
  else if (format === 'json') io.stdout(`${JSON.stringify(jsonReport(run, io.cwd), null, 2)}\n`);
  else io.stdout(textReport(run, io.cwd));
  const failed = run.failed > 0 || run.broken > 0 || run.diagnostics.length > 0;
  return failed ? ExitCode.findings : ExitCode.ok;
}

function textReport(run: TestRun, cwd: string): string {
  const out: string[] = [];
  if (run.diagnostics.length) out.push(formatCompact(run.diagnostics, cwd).trimEnd());
  for (const report of run.reports) {
    if (report.diagnostics.length) {
      out.push(`✗ ${relative(cwd, report.file)}: the spec does not compile, so its tests did not run`);
      out.push(...formatCompact(report.diagnostics, cwd).trimEnd().split('\n').map((line) => `    ${line}`));
      continue;
    }
    for (const result of report.results) {
      out.push(`${result.passed ? '✓' : '✗'} ${result.action} › ${result.name}`);
      if (!result.passed) out.push(...failureLines(result, cwd));
    }
  }
  const tests = run.passed + run.failed;
  const untested = run.reports.filter((r) => !r.diagnostics.length && r.results.length === 0).length;
  const parts = [`${plural(run.reports.length, 'spec')}, ${plural(tests, 'test')}: ${run.passed} passed, ${run.failed} failed`];
  if (run.broken) parts.push(`${plural(run.broken, 'spec')} did not compile`);
  if (untested) parts.push(`${plural(untested, 'spec')} without tests`);
  out.push('', parts.join('; '));
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

function jsonReport(run: TestRun, cwd: string): unknown {
  const where = (file: string): string => relative(cwd, file) || file;
  return {
    summary: { specs: run.reports.length, tests: run.passed + run.failed, passed: run.passed, failed: run.failed, broken: run.broken },
    problems: run.diagnostics.map((d) => ({ ...d, file: where(d.file) })),
    specs: run.reports.map((report) => ({
      file: where(report.file),
      action: report.action ?? null,
      diagnostics: report.diagnostics.map((d) => ({ ...d, file: where(d.file) })),
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
