import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { discoverDefinitions } from '../project/discover.js';
import { loadAction } from '../project/load-project.js';
import { runSpecTests, type SpecTestReport } from './run-spec-tests.js';
import type { TestCache } from './test-cache.js';

export interface TestRun {
  reports: SpecTestReport[];
  /** Paths that do not exist. */
  diagnostics: Diagnostic[];
  passed: number;
  failed: number;
  /** Specs that could not be compiled, so their tests did not run. */
  broken: number;
}

/**
 * Runs the tests of every action spec in `paths` (spec files or folders searched for `*.action.yaml`); with a
 * `cache`, a spec whose file and response files are unchanged since its last run is not run again.
 */
export async function runProjectTests(paths: readonly string[], cache?: TestCache): Promise<TestRun> {
  const run: TestRun = { reports: [], diagnostics: [], passed: 0, failed: 0, broken: 0 };
  const files: string[] = [];
  for (const path of paths.map((p) => resolve(p))) {
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      run.diagnostics.push({ ruleId: 'test-path', severity: 'error', message: 'no such file or folder', file: path, path: [] });
    } else if (info.isDirectory()) {
      const discovery = await discoverDefinitions(path);
      files.push(...discovery.definitions.filter((d) => d.kind === 'action').map((d) => d.file));
    } else {
      files.push(path);
    }
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
