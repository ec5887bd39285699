import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** The folder holding `.git` at or above `cwd`, or `cwd` itself outside a repository. */
export async function projectRoot(cwd: string): Promise<string> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (await stat(join(dir, '.git')).then(() => true, () => false)) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}
