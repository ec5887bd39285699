import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bin, dactl, ensureBuilt, projectWithPreviousOut, snapshotTree, writeFiles, type BinRun } from './hostile-project.js';

beforeAll(ensureBuilt, 120_000);

const mounts: string[] = [];
afterEach(() => {
  for (const mount of mounts.splice(0)) spawnSync('umount', [mount]);
});

const isRoot = process.getuid?.() === 0;

function run(args: string[], cwd: string, options: { shellPrefix?: string; uid?: number } = {}): BinRun {
  const result = options.shellPrefix
    ? spawnSync('sh', ['-c', `${options.shellPrefix} && exec "$0" "$@"`, process.execPath, bin, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH } })
    : spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH }, ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }) });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** One line on stderr, starting `dactl: `, matching `message`; exit 2; no stack trace. */
function expectOneLine(result: BinRun, message: RegExp): void {
  expect(result.stderr).toMatch(/^dactl: [^\n]+\n$/);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/internal error|    at /);
  expect(result.code).toBe(2);
}

describe('a refusal by the file system or the environment is one line naming the path and what to do, exit 2', () => {
  it('EMFILE: build and lint under ulimit -n 64, with one action', () => {
    const root = projectWithPreviousOut();
    for (const command of [['build'], ['lint', 'definitions']]) {
      const result = run(command, root, { shellPrefix: 'ulimit -n 64' });
      if (result.code === 0) continue; // loaded within the limit: nothing to report
      expectOneLine(result, /: too many files are open \(EMFILE\)[;,].*raise the limit \(ulimit -n 4096\).* and run again\n$/);
    }
    expect(snapshotTree(join(root, 'out'))).toEqual({ 'actions/previous.custom.json': '{"previous": true}\n' });
  });

  it('a path under /proc: build -o /proc/x, lint -o /proc/version', () => {
    const root = projectWithPreviousOut();
    expectOneLine(run(['build', '-o', '/proc/x'], root), /^dactl: cannot write \/proc\/x: it is under \/proc, which the kernel provides, not a place for dactl's files \(\w+\); choose another path/);
    const version = readFileSync('/proc/version', 'utf8');
    expectOneLine(run(['lint', '-o', '/proc/version'], root), /^dactl: cannot write \/proc\/version: it is under \/proc, .*; choose another path/);
    expect(readFileSync('/proc/version', 'utf8')).toBe(version);
  });

  it('EISDIR: lint -o a folder, import over a folder', () => {
    const root = projectWithPreviousOut({ 'exports/a.json': '' });
    expectOneLine(run(['lint', '-o', '/tmp'], root), /^dactl: cannot write \/tmp: it is a folder \(EISDIR\); name a file instead; nothing was written\n$/);
    expect(dactl(['build', '-o', 'built'], root).code).toBe(0);
    mkdirSync(join(root, 'specs/Get-Conversation.action.yaml'), { recursive: true });
    expectOneLine(run(['import', '--force', 'built/actions', '-o', 'specs'], root), /^dactl: cannot write \S+\/specs\/Get-Conversation\.action\.yaml: it is a folder \(EISDIR\); name a file instead/);
  });

  it('ENOTDIR: lint -o below a file, build -o below a file', () => {
    const root = projectWithPreviousOut({ 'a-file': 'x\n' });
    expectOneLine(run(['lint', '-o', 'a-file/report.txt'], root), /^dactl: cannot write \S+\/a-file\/report\.txt: a file stands where a folder must be \((ENOTDIR|EEXIST)\); move that file away or choose another path/);
    expectOneLine(run(['build', '-o', 'a-file/out'], root), /a-file\/out: a file stands where a folder must be \((ENOTDIR|EEXIST)\); move that file away or choose another path/);
    expect(readFileSync(join(root, 'a-file'), 'utf8')).toBe('x\n');
  });

  it('ENAMETOOLONG: an output name longer than the file system allows', () => {
    const root = projectWithPreviousOut();
    const long = 'n'.repeat(300);
    expectOneLine(run(['lint', '-o', long], root), /: the path is longer than the file system allows \(ENAMETOOLONG\); choose a shorter path/);
    expectOneLine(run(['build', '-o', long], root), /: the path is longer than the file system allows \(ENAMETOOLONG\); choose a shorter path/);
    expectOneLine(run(['build', long], root), /ENAMETOOLONG/);
  });

  it('EACCES: a folder the user may not write', (context) => {
    if (!isRoot) return context.skip();
    const root = projectWithPreviousOut({ 'locked/keep.txt': 'keep\n' });
    expect(dactl(['build', '-o', 'built'], root).code).toBe(0);
    chmodSync(root, 0o755);
    chmodSync(join(root, 'locked'), 0o555);
    const nobody = 65534;
    expectOneLine(run(['lint', '-o', 'locked/report.txt'], root, { uid: nobody }), /^dactl: cannot write \S+\/locked\/report\.txt: permission denied \(EACCES\); check its permissions or choose another path/);
    expectOneLine(run(['import', 'built/actions', '-o', 'locked'], root, { uid: nobody }), /^dactl: cannot write \S+\/locked\/Get-Conversation\.action\.yaml: permission denied \(EACCES\)/);
    expectOneLine(run(['build', '-o', 'locked/out'], root, { uid: nobody }), /^dactl: cannot write \S+\/locked\/out: permission denied \(EACCES\)/);
    expect(snapshotTree(join(root, 'locked'))).toEqual({ 'keep.txt': 'keep\n' });
  });

  it('EROFS: lint -o and import onto a read-only file system', (context) => {
    const root = projectWithPreviousOut();
    const mount = join(root, 'ro');
    mkdirSync(mount);
    if (!isRoot || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount]).status !== 0) return context.skip();
    mounts.push(mount);
    writeFiles(root, { 'ro/keep.txt': 'keep\n' });
    expect(spawnSync('mount', ['-o', 'remount,ro', mount]).status).toBe(0);
    expect(dactl(['build', '-o', 'built'], root).code).toBe(0);
    expectOneLine(run(['lint', '-o', 'ro/report.txt'], root), /^dactl: cannot write \S+\/ro\/report\.txt: the file system is read-only \(EROFS\); choose a path on a writable disk/);
    expectOneLine(run(['import', 'built/actions', '-o', 'ro/specs'], root), /^dactl: cannot write \S+\/ro\/specs\/Get-Conversation\.action\.yaml: the file system is read-only \(EROFS\)/);
    expect(snapshotTree(mount)).toEqual({ 'keep.txt': 'keep\n' });
  });
});

describe('a current folder that no longer exists', () => {
  it('is one line saying so', () => {
    const root = projectWithPreviousOut();
    const gone = join(root, 'gone');
    mkdirSync(gone);
    const result = spawnSync('sh', ['-c', `cd "${gone}" && rmdir "${gone}" && exec "$0" "$@"`, process.execPath, bin, 'build'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expectOneLine({ code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr }, /^dactl: the current folder no longer exists; change to an existing folder and run again\n$/);
  });
});
