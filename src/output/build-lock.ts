import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../diagnostics/index.js';

/**
 * The lock is a file holding the builder's pid. It is written whole under a private name and then linked into
 * place, so no build ever sees a lock without its pid, and a lock whose process is gone is taken over.
 */
export async function acquireLock(lockFile: string): Promise<() => Promise<void>> {
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

/** Removes a lock whose builder was killed; a lock of a live build, or none, is left alone. */
export async function removeDeadLock(lockFile: string): Promise<void> {
  const holder = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
  if (holder && holder !== process.pid && !isAlive(holder)) await rm(lockFile, { force: true });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
