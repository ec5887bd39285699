import { linkSync, readdirSync, readFileSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../diagnostics/index.js';

/** Relative path (with `/`) → file content: everything a build puts in `out/`. */
export type OutputTree = Map<string, string>;

export interface TreeDifference {
  path: string;
  kind: 'missing' | 'changed' | 'extra';
}

export async function readTree(dir: string): Promise<OutputTree> {
  const files = await listTree(dir);
  // Small files, thousands of them: synchronous reads beat a round trip through the thread pool for each.
  return new Map(files.map((path) => [path, readFileSync(join(dir, ...path.split('/')), 'utf8')]));
}

/** The relative paths (with `/`) of the files under `dir`; none when it does not exist. */
export async function listTree(dir: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (current: string, prefix: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw asUserError(error, `cannot read ${dir}`) ?? error;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) await walk(join(current, entry.name), `${prefix}${entry.name}/`);
      else if (entry.isFile()) files.push(`${prefix}${entry.name}`);
    }
  };
  await walk(dir, '');
  return files;
}

export function compareTrees(expected: OutputTree, actual: OutputTree): TreeDifference[] {
  const differences: TreeDifference[] = [];
  for (const [path, content] of expected) {
    const found = actual.get(path);
    if (found === undefined) differences.push({ path, kind: 'missing' });
    else if (found !== content) differences.push({ path, kind: 'changed' });
  }
  for (const path of actual.keys()) if (!expected.has(path)) differences.push({ path, kind: 'extra' });
  return differences.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * A file whose content is already right is linked into the staging tree rather than written again: on a large
 * project, rewriting every file was most of a rebuild after a one-file change. Where links are not possible
 * (another file system, no hard links), it is written.
 */
function linkUnchanged(current: string, target: string): boolean {
  try {
    linkSync(current, target);
    return true;
  } catch {
    return false;
  }
}

/**
 * Replaces `dir` with exactly `tree`: written beside it, then swapped in with two renames, so a failed or killed
 * build leaves the previous output whole. A lock file keeps two builds from interleaving. `unchanged` names the
 * paths whose file in `dir` already has the content in `tree`.
 */
export async function replaceTree(dir: string, tree: OutputTree, unchanged?: ReadonlySet<string>): Promise<void> {
  const parent = dirname(dir);
  const name = basename(dir);
  let release: () => Promise<void>;
  try {
    await mkdir(parent, { recursive: true });
    release = await acquireLock(join(parent, `.${name}.dactl-lock`));
  } catch (error) {
    throw asUserError(error, `cannot write ${dir}`, `${dir} was left as it was`) ?? error;
  }
  const staging = join(parent, `.${name}.dactl-new-${process.pid}`);
  const previous = join(parent, `.${name}.dactl-old-${process.pid}`);
  try {
    await recoverInterruptedSwap(parent, name);
    await rm(staging, { recursive: true, force: true });
    const folders = new Set([...tree.keys()].map((path) => dirname(join(staging, ...path.split('/')))));
    await mkdir(staging, { recursive: true });
    for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
    for (const [path, content] of tree) {
      const target = join(staging, ...path.split('/'));
      if (unchanged?.has(path) && linkUnchanged(join(dir, ...path.split('/')), target)) continue;
      writeFileSync(target, content);
    }
    const existed = await rename(dir, previous).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    await rename(staging, dir);
    if (existed) removeTree(previous);
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw asUserError(error, `cannot write ${dir}`, `${dir} was left as it was`) ?? error;
  } finally {
    await release();
  }
}

/**
 * `rmSync(dir, { recursive: true })` without its `lstat` of every file: the entries' types come with the listing.
 * Anything unexpected (a file appearing meanwhile) falls back to `rmSync`.
 */
function removeTree(dir: string): void {
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) removeTree(path);
      else unlinkSync(path);
    }
    rmdirSync(dir);
  } catch {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fileSystemReasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a file stands where a folder must be',
  EEXIST: 'a file stands where a folder must be',
  EIO: 'the disk reported an I/O error',
};

/** A file-system refusal is the user's environment, not a bug: one sentence naming the cause. */
function asUserError(error: unknown, what: string, consequence?: string): UserError | undefined {
  if (error instanceof UserError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === undefined ? undefined : fileSystemReasons[code];
  if (!reason) return undefined;
  return new UserError(`${what}: ${reason} (${code})${consequence ? `; ${consequence}` : ''}`);
}

/** A build killed between its two renames leaves `.out.dactl-old-*` and no `out`: put it back. */
async function recoverInterruptedSwap(parent: string, name: string): Promise<void> {
  const entries = await readdir(parent);
  const leftovers = entries.filter((entry) => entry.startsWith(`.${name}.dactl-old-`));
  const hasCurrent = entries.includes(name);
  for (const leftover of leftovers) {
    if (!hasCurrent && leftover === leftovers[0]) await rename(join(parent, leftover), join(parent, name));
    else await rm(join(parent, leftover), { recursive: true, force: true });
  }
  for (const entry of entries.filter((e) => e.startsWith(`.${name}.dactl-new-`))) {
    await rm(join(parent, entry), { recursive: true, force: true });
  }
}

/**
 * The lock is a file holding the builder's pid. It is written whole under a private name and then linked into
 * place, so no build ever sees a lock without its pid, and a lock whose process is gone is taken over.
 */
async function acquireLock(lockFile: string): Promise<() => Promise<void>> {
  const claim = join(dirname(lockFile), `${basename(lockFile, '.dactl-lock')}.${process.pid}.dactl-lock`);
  try {
    await writeFile(claim, String(process.pid));
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(claim, lockFile);
        return () => rm(lockFile, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
        if (holder && holder !== process.pid && isAlive(holder)) {
          throw new UserError(`another dactl build (process ${holder}) is writing this output; wait for it to finish`);
        }
        await rm(lockFile, { force: true });
      }
    }
  } finally {
    await rm(claim, { force: true });
  }
  throw new UserError(`cannot take the build lock ${lockFile}; remove it if no build is running`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
