import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { findFiles, ignoreOptions, type IgnoreGlobs } from '../project/find-files.js';
import { loadAction } from '../project/load-project.js';
import { runSpecTests, type SpecTestReport } from './run-spec-tests.js';
import type { TestCache } from './test-cache.js';

export interface TestRun {
  reports: SpecTestReport[];
  /** Arguments that name no spec. */
  diagnostics: Diagnostic[];
  passed: number;
  failed: number;
  /** Specs that could not be compiled, so their tests did not run. */
  broken: number;
}

/**
 * Runs the tests of every action spec in `paths` (spec files, folders searched for `*.action.yaml`, or globs); with a
 * `cache`, a spec whose file and response files are unchanged since its last run is not run again.
 */
export async function runProjectTests(paths: readonly string[], cwd = process.cwd(), ignore?: IgnoreGlobs, cache?: TestCache): Promise<TestRun> {
  const run: TestRun = { reports: [], diagnostics: [], passed: 0, failed: 0, broken: 0 };
  const { files, unmatched } = await findFiles(paths, { cwd, ...ignoreOptions(ignore), wanted: (path) => /\.action\.ya?ml$/i.test(path) });
  for (const { pattern, reason } of unmatched) {
    const message = reason === 'missing' ? 'no such file or folder' : 'holds no action spec (*.action.yaml)';
    run.diagnostics.push({ ruleId: 'test-path', severity: 'error', message, file: resolve(cwd, pattern), path: [] });
  }
  for (const file of [...new Set(files)]) {
    let report = cache?.lookup(file);
    if (!report) {
      const action = await loadAction(file);
      report = await runSpecTests(action);
      cache?.remember(action, report);
    }
    run.reports.push(report);
    if (report.diagnostics.length) run.broken++;
    for (const result of report.results) {
      if (result.passed) run.passed++;
      else run.failed++;
    }
  }
  cache?.save();
  return run;
}
