import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash } from './content-hash.js';

interface StoredResult<T> {
  /** The file's content hash, and each file it also read (null when that could not be read). */
  hash: string;
  dependencies: Array<[file: string, hash: string | null]>;
  result: T;
}

interface ResultCacheFile<T> {
  fingerprint: string;
  entries: Record<string, StoredResult<T>>;
}

const cacheVersion = 1;

/**
 * One result per file, in one JSON file under `.dactl-cache/`, reused while the file's content, the files it also
 * read, and everything in the fingerprint (dactl's version and build time, plus the caller's settings) are what
 * they were. Deleting the cache only costs time; one that cannot be read or written is ignored.
 */
export class ResultCache<T> {
  private readonly next = new Map<string, StoredResult<T>>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly fingerprint: string,
    private readonly previous: ReadonlyMap<string, StoredResult<T>>,
  ) {}

  static open<T>(file: string, settings: unknown = null): ResultCache<T> {
    const self = fileURLToPath(import.meta.url);
    const fingerprint = contentHash(JSON.stringify([cacheVersion, dactlVersion(), statSync(self).mtimeMs, self, settings]));
    let previous = new Map<string, StoredResult<T>>();
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as ResultCacheFile<T>;
      if (stored.fingerprint === fingerprint) previous = new Map(Object.entries(stored.entries));
    } catch {
      // No cache yet, or one that cannot be read: everything is computed.
    }
    return new ResultCache(file, fingerprint, previous);
  }

  /** The stored result for `file` when its content hash is `hash` (read from disk when not given) and nothing it read has changed. */
  lookup(file: string, hash: string | null = hashOf(file)): T | undefined {
    const stored = this.previous.get(file);
    if (!stored || hash === null || hash !== stored.hash) return undefined;
    if (stored.dependencies.some(([dependency, dependencyHash]) => hashOf(dependency) !== dependencyHash)) return undefined;
    this.next.set(file, stored);
    return stored.result;
  }

  remember(file: string, result: T, options: { hash?: string | null; dependencies?: readonly string[] } = {}): void {
    const hash = options.hash === undefined ? hashOf(file) : options.hash;
    if (hash === null) return;
    const dependencies = [...new Set(options.dependencies ?? [])].map((dependency): [string, string | null] => [dependency, hashOf(dependency)]);
    this.next.set(file, { hash, dependencies, result });
    this.changed = true;
  }

  /** Keeps this run's files only. */
  save(): void {
    if (!this.changed && this.next.size === this.previous.size) return;
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(temporary, JSON.stringify({ fingerprint: this.fingerprint, entries: Object.fromEntries(this.next) } satisfies ResultCacheFile<T>));
      renameSync(temporary, this.file);
    } catch {
      rmSync(temporary, { force: true });
    }
  }
}

export function hashOf(file: string): string | null {
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
