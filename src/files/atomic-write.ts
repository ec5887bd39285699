import { closeSync, fchmodSync, fsyncSync, mkdirSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { fileSystemError } from './file-system-error.js';

let written = 0;

/**
 * Writes `file` so that it is, at every instant and whatever happens (a full disk, a kill, a power cut), either
 * its old content or `content`: the text goes to a temporary file in the same folder, is flushed to the disk, and
 * then renamed over the old file. A symbolic link is written through (the file it points to is replaced) and an
 * existing file keeps its permissions. Any refusal is a one-line `UserError` naming the file.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const target = resolveLink(file);
  let existing: number | undefined;
  let temporary: string | undefined;
  try {
    existing = modeOf(target);
    const folder = dirname(target);
    makeFolder(folder);
    temporary = join(folder, `.${basename(target).slice(0, 100)}.${process.pid}-${written++}.dactl-tmp`);
    const fd = openSync(temporary, 'wx', existing ?? 0o666);
    try {
      const bytes = typeof content === 'string' ? Buffer.from(content) : content;
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      if (existing !== undefined) fchmodSync(fd, existing);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
    temporary = undefined;
    syncFolder(folder);
  } catch (error) {
    if (temporary !== undefined) removeQuietly(temporary);
    throw fileSystemError(error, 'write', file, existing === undefined ? 'nothing was written' : `${file} was left as it was`) ?? error;
  }
}

/** The permission bits of `file`, or undefined when it does not exist yet. A folder cannot be written as a file. */
function modeOf(file: string): number | undefined {
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (stats.isDirectory()) throw Object.assign(new Error(`${file} is a folder`), { code: 'EISDIR', path: file });
  return stats.mode & 0o7777;
}

/**
 * `mkdirSync(folder, { recursive: true })`, except that where it reports ENOENT for a refusal (a read-only disk,
 * say), the folders are made one by one to learn the real cause.
 */
function makeFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const parts = folder.split(sep);
    for (let end = 2; end <= parts.length; end++) {
      try {
        mkdirSync(parts.slice(0, end).join(sep));
      } catch (step) {
        if ((step as NodeJS.ErrnoException).code !== 'EEXIST') throw step;
      }
    }
  }
}

function resolveLink(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** Makes the rename itself durable; some file systems cannot open a folder for that, which loses nothing else. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort only.
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone, or the folder refuses even that: the temporary name never shadows a user's file.
  }
}
