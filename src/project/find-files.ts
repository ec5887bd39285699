import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { globBase, isGlob, matchesGlob } from './glob.js';

/** Folders no command reads: build output, installed packages, Git's store (dot-folders are skipped too). */
export const skippedFolders: ReadonlySet<string> = new Set(['out', 'node_modules', '.git']);

export interface FileSearch {
  cwd: string;
  /** Whether a file met while walking a folder is one the command reads (path relative to the folder walked). */
  wanted(relativePath: string): boolean;
  /** Globs of files and folders to leave out, relative to `ignoreBase` (default `cwd`). */
  ignores?: readonly string[];
  ignoreBase?: string;
}

/** A configuration's `ignores:`, with the folder they are relative to. */
export interface IgnoreGlobs {
  globs: readonly string[];
  base: string;
}

export function ignoreOptions(ignore: IgnoreGlobs | undefined): Pick<FileSearch, 'ignores' | 'ignoreBase'> {
  return ignore ? { ignores: ignore.globs, ignoreBase: ignore.base } : {};
}

export interface UnmatchedPath {
  /** The argument as given. */
  pattern: string;
  reason: 'missing' | 'empty';
}

export interface FoundFiles {
  /** Each file once (a file reached through several links is kept under its first name), in walk order. */
  files: string[];
  /** Arguments that gave no file: the caller reports them as a usage error, as ESLint does. */
  unmatched: UnmatchedPath[];
}

/**
 * The files named by paths and globs. Folders are walked following symbolic links, each real folder once (so link
 * loops end); `out/`, `node_modules/`, dot-entries and the ignore globs are skipped. A named file is taken as given.
 */
export async function findFiles(patterns: readonly string[], search: FileSearch): Promise<FoundFiles> {
  const walker = new Walker(search);
  const unmatched: UnmatchedPath[] = [];
  for (const pattern of patterns) {
    const path = resolve(search.cwd, pattern);
    const info = await stat(path).catch(() => undefined);
    let count: number;
    if (info?.isDirectory()) count = await walker.walk(path, search.wanted);
    else if (info) count = walker.add(path, await realpath(path).catch(() => path));
    else if (isGlob(pattern)) count = await walker.walk(resolve(search.cwd, globBase(pattern)), (p, full) => matchesGlob(relative(search.cwd, full), pattern) && search.wanted(p));
    else count = -1;
    if (count <= 0) unmatched.push({ pattern, reason: count < 0 ? 'missing' : 'empty' });
  }
  return { files: walker.files, unmatched };
}

/** One sentence per unmatched argument, for the command's error output. */
export function describeUnmatched(unmatched: UnmatchedPath): string {
  if (unmatched.reason === 'missing') return `${unmatched.pattern}: no such file or folder`;
  return isGlob(unmatched.pattern) ? `${unmatched.pattern}: no file matches` : `${unmatched.pattern}: holds no file to check`;
}

class Walker {
  readonly files: string[] = [];
  private readonly realFiles = new Set<string>();

  constructor(private readonly search: FileSearch) {}

  /** Keeps a file unless it was found before under another name; answers 1, the file matched either way. */
  add(file: string, real: string): number {
    if (!this.realFiles.has(real)) {
      this.realFiles.add(real);
      this.files.push(file);
    }
    return 1;
  }

  async walk(root: string, wanted: (relativePath: string, file: string) => boolean): Promise<number> {
    const realFolders = new Set<string>();
    let matched = 0;
    const visit = async (dir: string): Promise<void> => {
      const real = await realpath(dir).catch(() => undefined);
      if (real === undefined || realFolders.has(real)) return;
      realFolders.add(real);
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (entry.name.startsWith('.') || skippedFolders.has(entry.name)) continue;
        const path = join(dir, entry.name);
        const linked = entry.isSymbolicLink() ? await stat(path).catch(() => undefined) : undefined;
        const isFolder = entry.isDirectory() || linked?.isDirectory() === true;
        if (this.ignored(path, isFolder)) continue;
        if (isFolder) await visit(path);
        else if ((entry.isFile() || entry.isSymbolicLink()) && wanted(relative(root, path), path)) {
          // A link that cannot be followed is kept, so the reader reports why it cannot be read.
          matched += this.add(path, entry.isSymbolicLink() ? await realpath(path).catch(() => path) : join(real, entry.name));
        }
      }
    };
    await visit(root);
    return matched;
  }

  private ignored(path: string, isFolder: boolean): boolean {
    const { ignores, ignoreBase = this.search.cwd } = this.search;
    if (!ignores?.length) return false;
    const relativePath = relative(ignoreBase, path);
    if (relativePath.startsWith('..')) return false;
    const posix = relativePath.split(sep).join('/');
    return ignores.some((glob) => (glob.endsWith('/') && !isFolder ? false : matchesGlob(posix, glob)));
  }
}
