import type { Stats } from 'node:fs';

/** What `stat` says about a file: enough to tell, without reading it, that it is the file seen before. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/**
 * File systems keep times to a tick (a second or two on some): a file rewritten in the tick it was stamped in can
 * keep its stamp. A stamp is trusted only when the file's last change is older than this before it was recorded.
 */
const timestampSlackMs = 2_000;

export function stampOf(stats: Stats): FileStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/** True when the content behind `stamp` cannot have changed within the tick it was recorded in. */
export function settledBefore(changedMs: number, recordedAt: number): boolean {
  return changedMs < recordedAt - timestampSlackMs;
}
