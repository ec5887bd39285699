import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileSystemError } from '../files/file-system-error.js';

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
      throw fileSystemError(error, 'read', dir) ?? error;
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

