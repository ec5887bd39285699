import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/index.js';
import { exportSlug, type DataActionExport } from '../export/data-action-export.js';
import type { FlowOutputs } from '../flow/flow-outputs.js';
import { loadTemplateSet } from '../flow/template-set.js';
import type { LintConfig } from '../lint/config.js';
import { lintProjectActions } from '../lint/lint-project.js';
import type { OrgProfile } from '../orgs/org-profile.js';
import type { ProjectAction } from '../project/load-project.js';
import type { ActionSpec } from '../spec/action-spec.js';

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

interface CacheFile {
  fingerprint: string;
  entries: Record<string, { hash: string; action: CachedAction }>;
}

const cacheVersion = 1;

export function contentHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Per-file build results in `.dactl-cache/` beside out/, keyed by the file's content hash. Everything else a
 * result depends on (dactl's version, org profile, templates, lint configuration) is in the fingerprint, and a
 * different fingerprint starts an empty cache. Deleting the folder only costs time; an unreadable cache is ignored.
 */
export class BuildCache {
  private readonly next: CacheFile['entries'] = {};
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly fingerprint: string,
    private readonly previous: CacheFile['entries'],
  ) {}

  static async open(outDir: string, name: string, inputs: unknown): Promise<BuildCache> {
    const fingerprint = contentHash(JSON.stringify([cacheVersion, inputs]));
    const file = join(dirname(outDir), '.dactl-cache', `${name}.json`);
    const stored = await readFile(file, 'utf8')
      .then((text) => JSON.parse(text) as CacheFile)
      .catch(() => undefined);
    return new BuildCache(file, fingerprint, stored?.fingerprint === fingerprint ? stored.entries : {});
  }

  get(file: string, hash: string): CachedAction | undefined {
    const entry = this.previous[file];
    if (entry?.hash !== hash) return undefined;
    this.next[file] = entry;
    return entry.action;
  }

  set(file: string, hash: string, action: CachedAction): void {
    this.next[file] = { hash, action };
    this.changed = true;
  }

  /** Records that an entry of this build was completed (a snippet or lint findings added). */
  markChanged(): void {
    this.changed = true;
  }

  /** The entry stored or reused in this build, to complete it (snippet, lint) before saving. */
  entry(file: string): CachedAction | undefined {
    return this.next[file]?.action;
  }

  /** Keeps only the files of this build; written whole under a temporary name, then renamed into place. */
  async save(): Promise<void> {
    if (!this.changed && Object.keys(this.next).length === Object.keys(this.previous).length) return;
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFile(temporary, JSON.stringify({ fingerprint: this.fingerprint, entries: this.next } satisfies CacheFile));
      await rename(temporary, this.file);
    } catch {
      // A cache that cannot be written makes the next build slower, never wrong.
      await rm(temporary, { force: true }).catch(() => undefined);
    }
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
      cache.markChanged();
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
      cache.markChanged();
    }
  }
  const freshFiles = new Set(fresh.map((action) => action.file));
  const reused = actions.filter((action) => !freshFiles.has(action.file)).flatMap((action) => cache.entry(action.file)?.lint ?? []);
  return [...found, ...reused];
}
