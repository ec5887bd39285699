import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dactl, dactlAsync, ensureBuilt, manyActions, projectWithPreviousOut, snapshotTree, writeFiles } from './hostile-project.js';

beforeAll(ensureBuilt, 120_000);

const actionCount = 300;

function leftovers(root: string): string[] {
  return readdirSync(root).filter((entry) => entry.includes('.dactl-') && entry !== '.dactl-cache');
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return false;
}

describe('a build killed part-way', () => {
  it('leaves the previous out/ intact, and the next build recovers', async () => {
    const root = projectWithPreviousOut(manyActions(actionCount, 'v1 '));
    expect(dactl(['build'], root).code).toBe(0);
    const previous = snapshotTree(join(root, 'out'));
    writeFiles(root, manyActions(actionCount, 'v2 '));

    const build = dactlAsync(['build'], root);
    const staging = (): boolean => leftovers(root).some((entry) => entry.startsWith('.out.dactl-new-'));
    expect(await until(staging, 60_000)).toBe(true);
    build.child.kill('SIGKILL');
    const killed = await build.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(snapshotTree(join(root, 'out'))).toEqual(previous);

    const next = dactl(['build'], root);
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    expect(leftovers(root)).toEqual([]);
    const rebuilt = snapshotTree(join(root, 'out'));
    expect(Object.keys(rebuilt)).toHaveLength(Object.keys(previous).length);
    expect(rebuilt['actions/Generated-v2-0.custom.json']).toBeDefined();
    expect(existsSync(join(root, 'out/actions/Generated-v1-0.custom.json'))).toBe(false);
  }, 120_000);
});
