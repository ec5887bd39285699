import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/index.js';
import { exportSlug, type DataActionExport } from '../export/data-action-export.js';
import type { FlowOutputs } from './flow-outputs.js';
import { loadTemplateSet } from '../flow/template-set.js';
import type { LintConfig } from '../lint/config.js';
import { lintProjectActions } from '../lint/lint-project.js';
import type { OrgProfile } from '../orgs/org-profile.js';
import type { ProjectAction } from '../project/model.js';
import type { ActionSpec } from '../spec/action-spec.js';
import { contentHash } from '../files/content-hash.js';
import { sameStamp, settledBefore, stampOf, type FileStamp } from './file-stamp.js';
import { parseManifest, serializeManifest, type OutManifest } from './out-manifest.js';

/** What a build derived from one action file, valid while the file's content and the fingerprint are unchanged. */
export interface CachedAction {
  written: ActionSpec | undefined;
  spec: ActionSpec | undefined;
  artifact: DataActionExport | undefined;
  /** Load and compile problems. */
  diagnostics: Diagnostic[];
  snippet?: { path: string; content: string } | undefined;
  lint?: Diagnostic[];
}

/** One action file's entry: the content hash it was built from, and its stamp when that hash was taken. */
interface StoredEntry {
  hash: string;
  stamp: FileStamp;
  checkedAt: number;
  action: CachedAction;
}

interface ShardFile {
  fingerprint: string;
  entries: Record<string, StoredEntry>;
}

const cacheVersion = 2;
/** Entries are spread over this many files, so that a build after a small change rewrites a few small files. */
const shardCount = 64;

function shardOf(file: string): string {
  let hash = 0;
  for (let i = 0; i < file.length; i++) hash = (Math.imul(hash, 31) + file.charCodeAt(i)) >>> 0;
  return `entries-${String(hash % shardCount).padStart(2, '0')}.json`;
}

/**
 * Per-file build results in `.dactl-cache/<name>/` beside out/, keyed by the file's content hash, and by its stamp
 * (size, times, inode) so that a file whose stamp is unchanged and settled is not read again. Everything else a
 * result depends on (dactl's version, org profile, templates, lint configuration) is in the fingerprint, and a
 * different fingerprint starts an empty cache. Deleting the folder only costs time; an unreadable cache is ignored.
 */
export class BuildCache {
  private readonly next = new Map<string, StoredEntry>();
  private readonly changedShards = new Set<string>();

  private constructor(
    private readonly dir: string,
    private readonly fingerprint: string,
    private readonly previous: Map<string, StoredEntry>,
    private readonly outDir: string,
  ) {}

  static async open(outDir: string, name: string, inputs: unknown): Promise<BuildCache> {
    const fingerprint = contentHash(JSON.stringify([cacheVersion, inputs]));
    const dir = join(dirname(outDir), '.dactl-cache', name);
    const previous = new Map<string, StoredEntry>();
    const shards = await readdir(dir).catch(() => [] as string[]);
    for (const shard of shards.filter((f) => /^entries-\d+\.json$/.test(f))) {
      const stored = readJson<ShardFile>(join(dir, shard));
      if (stored?.fingerprint !== fingerprint) continue;
      for (const [file, entry] of Object.entries(stored.entries)) {
        // Saved without `written` when it was the same as `spec`.
        entry.action.written ??= entry.action.spec;
        previous.set(file, entry);
      }
    }
    return new BuildCache(dir, fingerprint, previous, outDir);
  }

  /** The entry for a file whose stamp is the one recorded with it, long enough after its last change to trust. */
  unchanged(file: string, stats: Stats): CachedAction | undefined {
    const entry = this.previous.get(file);
    if (!entry || !sameStamp(entry.stamp, stampOf(stats))) return undefined;
    if (!settledBefore(Math.max(entry.stamp.mtimeMs, entry.stamp.ctimeMs), entry.checkedAt)) return undefined;
    this.next.set(file, entry);
    return entry.action;
  }

  get(file: string, hash: string, stats: Stats): CachedAction | undefined {
    const entry = this.previous.get(file);
    if (entry?.hash !== hash) return undefined;
    this.next.set(file, { ...entry, stamp: stampOf(stats), checkedAt: Date.now() });
    this.changedShards.add(shardOf(file));
    return entry.action;
  }

  set(file: string, hash: string, stats: Stats, action: CachedAction): void {
    this.next.set(file, { hash, stamp: stampOf(stats), checkedAt: Date.now(), action });
    this.changedShards.add(shardOf(file));
  }

  /** Records that an entry of this build was completed (a snippet or lint findings added). */
  markChanged(file: string): void {
    this.changedShards.add(shardOf(file));
  }

  /** The entry stored or reused in this build, to complete it (snippet, lint) before saving. */
  entry(file: string): CachedAction | undefined {
    return this.next.get(file)?.action;
  }

  /** The stamps and hashes of out/'s files as last seen, when they were recorded for this out/. */
  outManifest(): OutManifest | undefined {
    const text = readText(join(this.dir, 'out-manifest.txt'));
    const stored = text === undefined ? undefined : parseManifest(text);
    return stored?.dir === this.outDir ? stored : undefined;
  }

  async saveOutManifest(manifest: OutManifest): Promise<void> {
    await this.writeWhole('out-manifest.txt', serializeManifest(manifest));
  }

  /** Keeps only the files of this build; each shard that changed is written whole, then renamed into place. */
  async save(): Promise<void> {
    for (const file of this.previous.keys()) if (!this.next.has(file)) this.changedShards.add(shardOf(file));
    if (this.changedShards.size === 0) return;
    const shards = new Map<string, Record<string, StoredEntry>>([...this.changedShards].map((shard) => [shard, {}]));
    for (const [file, entry] of this.next) {
      const entries = shards.get(shardOf(file));
      if (entries) entries[file] = withoutRepeatedSpec(entry);
    }
    for (const [shard, entries] of shards) {
      await this.writeWhole(shard, JSON.stringify({ fingerprint: this.fingerprint, entries } satisfies ShardFile));
    }
    // The single-file cache of earlier versions.
    await rm(`${this.dir}.json`, { force: true }).catch(() => undefined);
  }

  private async writeWhole(name: string, text: string): Promise<void> {
    const file = join(this.dir, name);
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(temporary, text);
      await rename(temporary, file);
    } catch {
      // A cache that cannot be written makes the next build slower, never wrong.
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}

function withoutRepeatedSpec(entry: StoredEntry): StoredEntry {
  const { written, spec } = entry.action;
  if (written === undefined || JSON.stringify(written) !== JSON.stringify(spec)) return entry;
  const { written: _, ...action } = entry.action;
  return { ...entry, action: action as CachedAction };
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The cache for a build into `outDir`. Its fingerprint covers what every cached result depends on besides the file:
 * dactl itself (version and the time this code was built), the org profile, the lint settings and the templates.
 */
export async function openBuildCache(
  outDir: string,
  inputs: { profile: OrgProfile | undefined; lintConfig: LintConfig; templatesDir: string | undefined },
): Promise<BuildCache> {
  const templates = [...(await loadTemplateSet(inputs.templatesDir)).values()].map((t) => [t.name, t.source]);
  const self = fileURLToPath(import.meta.url);
  const build = [dactlVersion(), statSync(self).mtimeMs, self];
  const name = `build-${inputs.profile ? exportSlug(inputs.profile.name) : 'default'}`;
  return BuildCache.open(outDir, name, { build, profile: inputs.profile ?? null, lint: inputs.lintConfig, templates });
}

function dactlVersion(): string {
  const manifest = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}

/** Snippets of actions whose cached entry has one, by action file. */
export function cachedSnippets(cache: BuildCache, actions: readonly ProjectAction[]): Map<string, { path: string; content: string }> {
  const found = new Map<string, { path: string; content: string }>();
  for (const action of actions) {
    const snippet = cache.entry(action.file)?.snippet;
    if (snippet) found.set(action.file, snippet);
  }
  return found;
}

/** Keeps the freshly rendered snippets; when the templates reported a problem, nothing is kept, so it is reported again. */
export function rememberSnippets(cache: BuildCache, rendered: readonly ProjectAction[], archy: FlowOutputs): void {
  if (archy.diagnostics.length) return;
  const byFile = new Map(archy.outputs.filter((o) => o.path.startsWith('snippets/')).map((o) => [o.file, o]));
  for (const action of rendered) {
    const entry = cache.entry(action.file);
    const output = byFile.get(action.file);
    if (entry && output) {
      entry.snippet = { path: output.path, content: output.content };
      cache.markChanged(action.file);
    }
  }
}

/** Lint findings, from the cache for actions linted before, fresh (and remembered) for the others. */
export function cachedLint(cache: BuildCache, actions: readonly ProjectAction[], config: LintConfig): Diagnostic[] {
  const fresh = actions.filter((action) => !cache.entry(action.file)?.lint);
  const found = lintProjectActions(fresh, config);
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of found) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  for (const action of fresh) {
    const entry = cache.entry(action.file);
    if (entry) {
      entry.lint = byFile.get(action.file) ?? [];
      cache.markChanged(action.file);
    }
  }
  const freshFiles = new Set(fresh.map((action) => action.file));
  const reused = actions.filter((action) => !freshFiles.has(action.file)).flatMap((action) => cache.entry(action.file)?.lint ?? []);
  return [...found, ...reused];
}
