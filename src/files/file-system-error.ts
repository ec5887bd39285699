import { UserError } from '../diagnostics/errors.js';

interface Refusal {
  reason: string;
  remedy: string;
}

const refusals: Record<string, Refusal> = {
  EACCES: { reason: 'permission denied', remedy: 'check its permissions or choose another path' },
  EPERM: { reason: 'permission denied', remedy: 'check its permissions or choose another path' },
  EROFS: { reason: 'the file system is read-only', remedy: 'choose a path on a writable disk' },
  ENOSPC: { reason: 'the disk is full', remedy: 'free some space and run again' },
  EDQUOT: { reason: 'the disk quota is used up', remedy: 'free some space and run again' },
  EFBIG: { reason: 'the file is larger than this file system allows', remedy: 'choose a path on another disk' },
  ENOTDIR: { reason: 'a file stands where a folder must be', remedy: 'move that file away or choose another path' },
  EEXIST: { reason: 'a file stands where a folder must be', remedy: 'move that file away or choose another path' },
  EISDIR: { reason: 'it is a folder', remedy: 'name a file instead' },
  ENOTEMPTY: { reason: 'a folder stands where a file must be', remedy: 'move that folder away or choose another path' },
  ENAMETOOLONG: { reason: 'the path is longer than the file system allows', remedy: 'choose a shorter path' },
  ELOOP: { reason: 'its symbolic links form a loop', remedy: 'fix the links or choose another path' },
  EMFILE: { reason: 'too many files are open', remedy: 'raise the limit (ulimit -n 4096) and run again' },
  ENFILE: { reason: 'the system has too many files open', remedy: 'close some programs and run again' },
  EIO: { reason: 'the disk reported an I/O error', remedy: 'check the disk and run again' },
  ENOENT: { reason: 'a folder on the way does not exist', remedy: 'create it or choose another path' },
  EXDEV: { reason: 'it is on another file system than its folder', remedy: 'choose a path on one disk' },
  EBUSY: { reason: 'the file is busy', remedy: 'close the program using it and run again' },
  ETXTBSY: { reason: 'the file is busy', remedy: 'close the program using it and run again' },
  EINVAL: { reason: 'the file system refused the operation', remedy: 'choose a path on an ordinary disk' },
};

const kernelViews = /^\/(proc|sys|dev)(\/|$)/;

/**
 * A refusal by the file system or the environment is the user's to fix, not a bug: one sentence naming the path,
 * the cause and what to do. `consequence` says what was kept (e.g. "out/ was left as it was").
 */
export function fileSystemError(error: unknown, action: string, path: string, consequence?: string): UserError | undefined {
  if (error instanceof UserError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return undefined;
  const refusal: Refusal | undefined = kernelViews.test(path)
    ? { reason: `it is under /${path.split('/')[1]}, which the kernel provides, not a place for dactl's files`, remedy: 'choose another path' }
    : Object.hasOwn(refusals, code)
      ? refusals[code]
      : undefined;
  if (!refusal) {
    if (!/^E[A-Z]+$/.test(code)) return undefined;
    return new UserError(`cannot ${action} ${path}: the system refused (${code}); check the path and run again${consequence ? `; ${consequence}` : ''}`);
  }
  return new UserError(`cannot ${action} ${path}: ${refusal.reason} (${code}); ${refusal.remedy}${consequence ? `; ${consequence}` : ''}`);
}

/** The path an errno error names, when Node recorded one. */
export function errorPath(error: unknown): string | undefined {
  const path = (error as NodeJS.ErrnoException | undefined)?.path;
  return typeof path === 'string' ? path : undefined;
}

const verbs: Record<string, string> = {
  open: 'open',
  read: 'read',
  scandir: 'read',
  stat: 'read',
  lstat: 'read',
  readlink: 'read',
  realpath: 'read',
  access: 'read',
  opendir: 'read',
  write: 'write',
  mkdir: 'create',
  rename: 'write',
  link: 'write',
  unlink: 'remove',
  rmdir: 'remove',
  rm: 'remove',
};

/** Any error from the system that escaped a command (too many open files while loading, say) as one line. */
export function environmentError(error: unknown): UserError | undefined {
  const syscall = (error as NodeJS.ErrnoException | undefined)?.syscall;
  if (syscall === 'uv_cwd') return new UserError('the current folder no longer exists; change to an existing folder and run again');
  const path = errorPath(error);
  if (path !== undefined) return fileSystemError(error, (syscall && verbs[syscall]) || 'use', path);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code) || syscall === undefined) return undefined;
  const refusal = Object.hasOwn(refusals, code) ? refusals[code] : undefined;
  return new UserError(`the system refused ${syscall} (${code})${refusal ? `: ${refusal.reason}; ${refusal.remedy}` : '; run again, and report it if it persists'}`);
}
