import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash } from '../output/content-hash.js';
import type { ProjectAction } from '../project/load-project.js';
import type { SpecTestReport } from './run-spec-tests.js';

interface StoredReport {
  /** The spec file's content hash, and each response file's (null when it could not be read). */
  hash: string;
  dependencies: Array<[file: string, hash: string | null]>;
  report: SpecTestReport;
}

interface TestCacheFile {
  fingerprint: string;
  entries: Record<string, StoredReport>;
}

const cacheVersion = 1;

/**
 * The results of each spec's tests in `.dactl-cache/tests.json`, reused while the spec file, every response file
 * its tests read, and dactl itself (version and the time this code was built) are what they were: a `dactl test`
 * after a one-file change reruns that file's tests only. Deleting the file only costs time.
 */
export class TestCache {
  private readonly next = new Map<string, StoredReport>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly fingerprint: string,
    private readonly previous: ReadonlyMap<string, StoredReport>,
  ) {}

  static open(cacheDir: string): TestCache {
    const file = join(cacheDir, 'tests.json');
    const self = fileURLToPath(import.meta.url);
    const fingerprint = contentHash(JSON.stringify([cacheVersion, dactlVersion(), statSync(self).mtimeMs, self]));
    let previous = new Map<string, StoredReport>();
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as TestCacheFile;
      if (stored.fingerprint === fingerprint) previous = new Map(Object.entries(stored.entries));
    } catch {
      // No cache yet, or one that cannot be read: every test runs.
    }
    return new TestCache(file, fingerprint, previous);
  }

  /** The stored report for `file`, when nothing it was computed from has changed. */
  lookup(file: string): SpecTestReport | undefined {
    const stored = this.previous.get(file);
    if (!stored || hashOf(file) !== stored.hash) return undefined;
    if (stored.dependencies.some(([dependency, hash]) => hashOf(dependency) !== hash)) return undefined;
    this.next.set(file, stored);
    return stored.report;
  }

  remember(action: ProjectAction, report: SpecTestReport): void {
    const hash = hashOf(action.file);
    if (hash === null) return;
    const responseFiles = (action.spec?.tests ?? []).flatMap((test) => (test.responseFile === undefined ? [] : [resolve(dirname(action.file), test.responseFile)]));
    const dependencies = [...new Set(responseFiles)].map((file): [string, string | null] => [file, hashOf(file)]);
    this.next.set(action.file, { hash, dependencies, report });
    this.changed = true;
  }

  /** Keeps the reports of this run's specs only; a cache that cannot be written makes the next run slower, never wrong. */
  save(): void {
    if (!this.changed && this.next.size === this.previous.size) return;
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(temporary, JSON.stringify({ fingerprint: this.fingerprint, entries: Object.fromEntries(this.next) } satisfies TestCacheFile));
      renameSync(temporary, this.file);
    } catch {
      rmSync(temporary, { force: true });
    }
  }
}

function hashOf(file: string): string | null {
  try {
    return contentHash(readFileSync(file));
  } catch {
    return null;
  }
}

function dactlVersion(): string {
  const manifest = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}
