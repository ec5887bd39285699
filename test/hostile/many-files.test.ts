import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, ensureBuilt, manyActions, projectWithPreviousOut, snapshotTree } from './hostile-project.js';

beforeAll(ensureBuilt, 120_000);

describe('more definitions than open files allowed', () => {
  it('builds 400 actions under a limit of 100 open files (macOS defaults to 256)', () => {
    const root = projectWithPreviousOut(manyActions(400));
    const run = spawnSync('sh', ['-c', `ulimit -n 100 && exec "${process.execPath}" "${bin}" build`], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/EMFILE|internal error/);
    expect(run.stdout).toContain('built 401 actions');
    expect(run.status).toBe(0);
    expect(Object.keys(snapshotTree(join(root, 'out'))).filter((path) => path.startsWith('actions/'))).toHaveLength(401);
  }, 60_000);

  it.each([
    ['lint', ['lint', 'definitions']],
    ['test', ['test']],
  ])('%s reads 400 definitions under the same limit', (_, args) => {
    const root = projectWithPreviousOut(manyActions(400));
    const run = spawnSync('sh', ['-c', `ulimit -n 100 && exec "${process.execPath}" "${bin}" ${args.join(' ')}`], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/EMFILE|internal error/);
    expect(run.status === 0 || run.status === 1).toBe(true);
  }, 60_000);
});
