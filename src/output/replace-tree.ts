import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileSystemError } from '../files/file-system-error.js';
import { acquireLock, isAlive, removeDeadLock } from './build-lock.js';
import { compareTrees, readTree, type OutputTree, type TreeDifference } from './output-tree.js';

/**
 * Makes `dir` hold exactly `tree`, given how it differs from it now (`differences`), without `dir` ever
 * disappearing: an editor, a file watcher or `archy` reading out/ during a build always finds it, and every file
 * in it whole, old or new.
 *
 * Node has no atomic exchange of two folders, so out/ stays in place and only what changed moves:
 * 1. the changed and new files, and the list of files to remove, are written to a staging folder beside `dir`
 *    (a failure or a kill here leaves `dir` exactly as it was);
 * 2. the staging folder is renamed to `.<dir>.dactl-swap`: from this instant the new tree is committed;
 * 3. each file is renamed into `dir` over its old version (one atomic step per file), then the files no longer
 *    produced are removed, then the swap folder.
 * A build killed during step 3 leaves the swap folder, and the next build finishes it before anything else, so
 * `dir` only ever holds the old tree, the new one, or (for the few milliseconds of step 3, or after a kill there
 * until the next build) old files being replaced one by one by new ones. A one-file change is a single rename.
 * A lock file keeps two builds from interleaving.
 */
export async function replaceTree(dir: string, tree: OutputTree, differences: readonly TreeDifference[]): Promise<void> {
  const { parent, swap, release } = await lockOutput(dir);
  const staging = join(parent, `.${basename(dir)}.dactl-new-${process.pid}`);
  try {
    let pending = differences;
    try {
      removeStaging(parent, basename(dir));
      if (finishSwap(dir, swap)) pending = compareTrees(tree, await readTree(dir));
      stage(staging, tree, pending);
      renameSync(staging, swap);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw fileSystemError(error, 'write', dir, `${dir} was left as it was`) ?? error;
    }
    completeSwap(dir, swap);
  } finally {
    await release();
  }
}

/** Completes the swap of a build that was killed while moving files into `dir`; nothing to do otherwise. */
export async function finishInterruptedSwap(dir: string): Promise<void> {
  if (!existsSync(swapFolder(dir))) {
    // A build killed after its swap (or before writing anything) leaves only its lock; an up-to-date build removes it.
    await removeDeadLock(join(dirname(dir), `.${basename(dir)}.dactl-lock`));
    return;
  }
  const { swap, release } = await lockOutput(dir);
  try {
    completeSwap(dir, swap);
  } finally {
    await release();
  }
}

/** Step 3 of a committed swap; a failure here is reported as such, since the next build finishes the job. */
function completeSwap(dir: string, swap: string): void {
  try {
    finishSwap(dir, swap);
  } catch (error) {
    throw fileSystemError(error, 'finish writing', dir, 'run the build again once that is fixed to complete it') ?? error;
  }
}

function swapFolder(dir: string): string {
  return join(dirname(dir), `.${basename(dir)}.dactl-swap`);
}

async function lockOutput(dir: string): Promise<{ parent: string; swap: string; release: () => Promise<void> }> {
  const parent = dirname(dir);
  try {
    await mkdir(parent, { recursive: true });
    const release = await acquireLock(join(parent, `.${basename(dir)}.dactl-lock`));
    return { parent, swap: swapFolder(dir), release };
  } catch (error) {
    throw fileSystemError(error, 'write', dir, `${dir} was left as it was`) ?? error;
  }
}

const stagedFiles = 'files';
const removalList = 'remove.json';

function stage(staging: string, tree: OutputTree, differences: readonly TreeDifference[]): void {
  const files = join(staging, stagedFiles);
  const folders = new Set<string>();
  mkdirSync(files, { recursive: true });
  const removals: string[] = [];
  for (const { path, kind } of differences) {
    if (kind === 'extra') {
      removals.push(path);
      continue;
    }
    const target = join(files, ...path.split('/'));
    const folder = dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(target, tree.get(path) as string);
  }
  writeFileSync(join(staging, removalList), JSON.stringify(removals));
}

/** Moves a committed swap's files into `dir` and removes what it lists; true when there was one. */
function finishSwap(dir: string, swap: string): boolean {
  let removals: string[];
  try {
    removals = JSON.parse(readFileSync(join(swap, removalList), 'utf8')) as string[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // The list goes only with the folder, after every file has moved: this is a finished swap being removed.
    rmSync(swap, { recursive: true, force: true });
    return false;
  }
  mkdirSync(dir, { recursive: true });
  const files = join(swap, stagedFiles);
  for (const path of listFiles(files)) moveInto(dir, path, join(files, ...path.split('/')));
  for (const path of removals) {
    rmSync(join(dir, ...path.split('/')), { force: true });
    removeEmptyFolders(dir, dirname(path));
  }
  rmSync(swap, { recursive: true, force: true });
  return true;
}

/** Renames `from` to `dir/path`, making way when a file stands where a folder must be, or a folder where a file goes. */
function moveInto(dir: string, path: string, from: string): void {
  const to = join(dir, ...path.split('/'));
  try {
    renameSync(from, to);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') makeFolders(dir, dirname(path));
    else if (code === 'EISDIR' || code === 'ENOTEMPTY' || code === 'EEXIST') rmSync(to, { recursive: true, force: true });
    else throw error;
  }
  renameSync(from, to);
}

function makeFolders(dir: string, folder: string): void {
  let current = dir;
  for (const part of folder === '.' ? [] : folder.split('/')) {
    current = join(current, part);
    try {
      mkdirSync(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw error;
      if (!existsSync(join(current, '.'))) {
        rmSync(current, { force: true });
        mkdirSync(current);
      }
    }
  }
}

function removeEmptyFolders(dir: string, folder: string): void {
  for (let current = folder; current !== '.' && current !== ''; current = dirname(current)) {
    try {
      rmdirSync(join(dir, ...current.split('/')));
    } catch {
      return;
    }
  }
}

function listFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      else found.push(`${prefix}${entry.name}`);
    }
  };
  if (existsSync(root)) walk(root, '');
  return found;
}

/**
 * What killed builds leave beside `dir`: staging folders never committed, claims on the lock, and the previous
 * tree kept by older versions of dactl, which swapped out/ as a whole (restored when out/ itself is missing).
 */
function removeStaging(parent: string, name: string): void {
  const entries = readdirSync(parent);
  const hasCurrent = entries.includes(name);
  let restored = hasCurrent;
  for (const entry of entries) {
    if (entry.startsWith(`.${name}.dactl-old-`) && !restored) {
      renameSync(join(parent, entry), join(parent, name));
      restored = true;
    } else if (entry.startsWith(`.${name}.dactl-new-`) || entry.startsWith(`.${name}.dactl-old-`) || isDeadClaim(entry, name)) {
      rmSync(join(parent, entry), { recursive: true, force: true });
    }
  }
}

function isDeadClaim(entry: string, name: string): boolean {
  if (!entry.startsWith(`.${name}.`) || !entry.endsWith('.dactl-lock')) return false;
  const pid = Number(entry.slice(name.length + 2, -'.dactl-lock'.length));
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid);
}
