import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dactl, ensureBuilt, manyActions, projectWithPreviousOut, snapshotTree, writeFiles } from './hostile-project.js';

beforeAll(ensureBuilt, 120_000);

const mounts: string[] = [];
afterEach(() => {
  for (const mount of mounts.splice(0)) spawnSync('umount', [mount]);
});

/** A tmpfs of `size` at `dir`, when this machine lets us mount (root in a container); else undefined. */
function tmpfs(dir: string, size: string): string | undefined {
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() !== 0 || spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}

function expectRefused(root: string, outDir: string, message: RegExp): void {
  // The cache beside out/ may be written: it only remembers what the definitions compile to.
  const before = withoutCache(snapshotTree(root));
  const run = dactl(['build', '-o', outDir], root);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toContain('internal error');
  expect(run.code).toBe(2);
  expect(withoutCache(snapshotTree(root))).toEqual(before);
}

function withoutCache(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([path]) => !path.includes('.dactl-cache/')));
}

describe('an out/ that cannot be written is reported in one sentence and left as it was', () => {
  it('a file where the out folder must be', () => {
    const root = projectWithPreviousOut({ blocker: 'not a folder\n' });
    expectRefused(root, 'blocker/out', /^dactl: cannot read .*blocker\/out: a file stands where a folder must be \(ENOTDIR\); move that file away or choose another path\n$/);
    expectRefused(root, 'blocker', /^dactl: cannot read .*blocker: a file stands where a folder must be \(ENOTDIR\); move that file away or choose another path\n$/);
  });

  it('a read-only file system', (context) => {
    const root = projectWithPreviousOut();
    const mount = tmpfs(join(root, 'ro'), '1m');
    if (!mount) {
      // Without mount rights, a folder without write permission says the same (unless we are root).
      if (process.getuid?.() === 0) return context.skip();
      writeFiles(root, { 'ro/out/actions/previous.custom.json': '{"previous": true}\n' });
      chmodSync(join(root, 'ro'), 0o555);
      expectRefused(root, 'ro/out', /^dactl: cannot write .*ro\/out: permission denied \((EACCES|EPERM)\); .* was left as it was\n$/);
      return;
    }
    writeFiles(root, { 'ro/out/actions/previous.custom.json': '{"previous": true}\n' });
    expect(spawnSync('mount', ['-o', 'remount,ro', mount]).status).toBe(0);
    expectRefused(root, 'ro/out', /^dactl: cannot write .*ro\/out: the file system is read-only \(EROFS\); .* was left as it was\n$/);
  });

  it('a full disk', (context) => {
    const root = projectWithPreviousOut(manyActions(60));
    const mount = tmpfs(join(root, 'small'), '64k');
    if (!mount) return context.skip();
    writeFileSync(join(mount, 'filler'), Buffer.alloc(40 * 1024));
    writeFiles(root, { 'small/out/actions/previous.custom.json': '{"previous": true}\n' });
    expectRefused(root, 'small/out', /^dactl: cannot write .*small\/out: the disk is full \(ENOSPC\); .* was left as it was\n$/);
    expect(snapshotTree(mount)).toEqual({ filler: '\0'.repeat(40 * 1024), 'out/actions/previous.custom.json': '{"previous": true}\n' });
  });
});
