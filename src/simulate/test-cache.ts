import { dirname, join, resolve } from 'node:path';
import { ResultCache } from '../files/result-cache.js';
import type { ProjectAction } from '../project/model.js';
import type { SpecTestReport } from './run-spec-tests.js';

/**
 * The results of each spec's tests in `.dactl-cache/tests.json`, reused while the spec file, every response file
 * its tests read, and dactl itself are what they were: a `dactl test` after a one-file change reruns that file's
 * tests only.
 */
export class TestCache {
  private constructor(private readonly results: ResultCache<SpecTestReport>) {}

  static open(cacheDir: string): TestCache {
    return new TestCache(ResultCache.open(join(cacheDir, 'tests.json')));
  }

  lookup(file: string): SpecTestReport | undefined {
    return this.results.lookup(file);
  }

  remember(action: ProjectAction, report: SpecTestReport): void {
    const responseFiles = (action.spec?.tests ?? []).flatMap((test) => (test.responseFile === undefined ? [] : [resolve(dirname(action.file), test.responseFile)]));
    this.results.remember(action.file, report, { dependencies: responseFiles });
  }

  save(): void {
    this.results.save();
  }
}
