import { readFileSync, statSync, type Stats } from 'node:fs';
import { contentHash } from '../files/content-hash.js';
import { settledBefore, type FileStamp } from './file-stamp.js';
import { listTree, type OutputTree, type TreeDifference } from './output-tree.js';

/** out/'s files as a build last saw them: a file whose stamp is unchanged still has the recorded content hash. */
export interface OutManifest {
  dir: string;
  files: Map<string, RecordedFile>;
}

type OutStamp = Omit<FileStamp, 'ctimeMs'>;

interface RecordedFile {
  stamp: OutStamp;
  hash: string;
  recordedAt: number;
}

export interface ManifestComparison {
  differences: TreeDifference[];
  /** What was seen of `dir`, to keep when nothing is written. */
  seen: OutManifest;
  /** Whether `seen` says more or other than the manifest compared with (files read, gone or new). */
  seenChanged: boolean;
}

/**
 * `compareTrees(expected, await readTree(dir))`, reading only the files whose stamp differs from the manifest's
 * (or was recorded too soon after they changed to be trusted): on a large project, reading out/ back was a large
 * part of a rebuild after a one-file change.
 */
export async function compareWithManifest(dir: string, expected: OutputTree, manifest: OutManifest | undefined): Promise<ManifestComparison> {
  const actual = await listTree(dir);
  const seen: OutManifest = { dir, files: new Map() };
  const differences: TreeDifference[] = [];
  const now = Date.now();
  let seenChanged = actual.length !== manifest?.files.size;
  for (const path of actual) {
    const content = expected.get(path);
    if (content === undefined) {
      differences.push({ path, kind: 'extra' });
      continue;
    }
    const wanted = contentHash(content);
    const recorded = manifest?.files.get(path);
    const found = currentHash(`${dir}/${path}`, recorded, now);
    if (found === undefined || found.hash !== wanted) differences.push({ path, kind: 'changed' });
    if (found) seen.files.set(path, found);
    if (found !== recorded) seenChanged = true;
  }
  const present = new Set(actual);
  for (const path of expected.keys()) {
    if (!present.has(path)) differences.push({ path, kind: 'missing' });
  }
  return { differences: differences.sort((a, b) => (a.path < b.path ? -1 : 1)), seen, seenChanged };
}

function currentHash(file: string, recorded: RecordedFile | undefined, now: number): RecordedFile | undefined {
  try {
    const stamp = outStampOf(statSync(file));
    if (recorded && sameOutStamp(recorded.stamp, stamp) && settledBefore(stamp.mtimeMs, recorded.recordedAt)) return recorded;
    return { stamp, hash: contentHash(readFileSync(file)), recordedAt: now };
  } catch {
    return undefined;
  }
}

/**
 * Without ctime, which says nothing about the content that size, mtime and inode do not: editing a file changes its
 * mtime, and the build replaces a file by renaming a new one over it, which changes its inode.
 */
function outStampOf(stats: Stats): OutStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
}

function sameOutStamp(a: OutStamp, b: OutStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/** The manifest of `dir` after the differences were written: files just written are read by the next build. */
export function manifestAfterWrite(seen: OutManifest, differences: readonly TreeDifference[]): OutManifest {
  const files = new Map(seen.files);
  for (const { path } of differences) files.delete(path);
  return { dir: seen.dir, files };
}

/**
 * One line per file (hash, size, mtime, inode, recorded at, path, tab-separated), after a first line naming the
 * folder: ten thousand entries as JSON objects took longer to write and parse than the rest of a small rebuild.
 */
export function serializeManifest(manifest: OutManifest): string {
  const lines = [JSON.stringify(manifest.dir)];
  for (const [path, { stamp, hash, recordedAt }] of manifest.files) {
    // A path that would break the line format is left out, so it is read back every time.
    if (/[\t\n\r]/.test(path)) continue;
    lines.push(`${hash}\t${stamp.size}\t${stamp.mtimeMs}\t${stamp.ino}\t${recordedAt}\t${path}`);
  }
  return `${lines.join('\n')}\n`;
}

export function parseManifest(text: string): OutManifest | undefined {
  const lines = text.split('\n');
  let dir: unknown;
  try {
    dir = JSON.parse(lines[0] ?? '');
  } catch {
    return undefined;
  }
  if (typeof dir !== 'string') return undefined;
  const files: OutManifest['files'] = new Map();
  for (const line of lines.slice(1)) {
    const [hash, size, mtimeMs, ino, recordedAt, path] = line.split('\t');
    if (hash === undefined || path === undefined) continue;
    const numbers = [size, mtimeMs, ino, recordedAt].map(Number);
    if (numbers.some((n) => !Number.isFinite(n))) continue;
    const [s, m, i, r] = numbers as [number, number, number, number];
    files.set(path, { stamp: { size: s, mtimeMs: m, ino: i }, hash, recordedAt: r });
  }
  return { dir, files };
}
