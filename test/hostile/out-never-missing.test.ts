import { spawn } from 'node:child_process';
import { existsSync, readdirSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempProject } from '../support/temp-project.js';
import { dactl, dactlAsync, ensureBuilt, manyActions, snapshotTree, writeFiles } from './hostile-project.js';

beforeAll(ensureBuilt, 120_000);

/**
 * Polls out/ as fast as it can until `stop` exists, then prints what it saw: how often out/ (or out/actions/) was
 * missing and how many files it read that were not whole JSON. A file listed and then gone before it was read is
 * one the new tree no longer has.
 */
const reader = `
const fs = require('node:fs');
const [out, stop] = process.argv.slice(1);
const seen = { polls: 0, missing: 0, partial: 0 };
while (!fs.existsSync(stop)) {
  seen.polls++;
  for (let i = 0; i < 20; i++) if (!fs.existsSync(out + '/actions')) seen.missing++;
  let names = [];
  try { names = fs.readdirSync(out + '/actions'); } catch { seen.missing++; }
  for (const name of names) {
    let text;
    try { text = fs.readFileSync(out + '/actions/' + name, 'utf8'); } catch { continue; }
    try { JSON.parse(text); } catch { seen.partial++; }
  }
}
process.stdout.write(JSON.stringify(seen));
`;

/** Two sets of `count` actions with different names, and the out/ each builds to. */
function twoVariants(count: number): Array<{ definitions: Record<string, string>; out: Record<string, string> }> {
  return ['a ', 'b '].map((tag) => {
    const alone = tempProject(manyActions(count, tag));
    expect(dactl(['build'], alone).code).toBe(0);
    return { definitions: manyActions(count, tag), out: snapshotTree(join(alone, 'out')) };
  });
}

describe('out/ while builds replace it', () => {
  it('is there, with every file whole, at every instant of 20 builds', async () => {
    const count = 20;
    const variants = twoVariants(count);
    const root = tempProject(variants[0]!.definitions);
    expect(dactl(['build'], root).code).toBe(0);

    const stop = join(root, 'stop-reading');
    const polling = spawn(process.execPath, ['-e', reader, join(root, 'out'), stop]);
    let report = '';
    polling.stdout.on('data', (chunk: Buffer) => (report += chunk.toString()));
    const finished = new Promise<void>((resolve) => polling.on('close', () => resolve()));
    try {
      for (let build = 1; build <= 20; build++) {
        const variant = variants[build % 2]!;
        writeFiles(root, variant.definitions);
        const run = dactl(['build'], root);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(snapshotTree(join(root, 'out'))).toEqual(variant.out);
      }
    } finally {
      writeFileSync(stop, '');
      await finished;
    }
    const seen = JSON.parse(report) as { polls: number; missing: number; partial: number };
    expect(seen.polls).toBeGreaterThan(20);
    expect(seen).toEqual({ polls: seen.polls, missing: 0, partial: 0 });
  }, 180_000);
});

describe('a build killed at a random instant', () => {
  it('leaves out/ whole (old files, new files, or the old being replaced by the new), and the next build finishes it', async () => {
    const count = 30;
    const variants = twoVariants(count);
    const wholeFiles = (out: Record<string, string>): void => {
      for (const [path, text] of Object.entries(out)) {
        if (text !== variants[0]!.out[path] && text !== variants[1]!.out[path]) throw new Error(`${path} is neither old nor new`);
      }
    };
    for (let round = 0; round < 4; round++) {
      const root = tempProject(variants[0]!.definitions);
      expect(dactl(['build'], root).code).toBe(0);
      writeFiles(root, variants[1]!.definitions);
      // The build's first change beside out/ is its lock; the swap follows within milliseconds.
      let watcher: ReturnType<typeof watch> | undefined;
      const build = dactlAsync(['build'], root);
      watcher = watch(root, () => {
        watcher?.close();
        watcher = undefined;
        setTimeout(() => build.child.kill('SIGKILL'), Math.random() * 40);
      });
      await build.done;
      watcher?.close();
      expect(existsSync(join(root, 'out/actions'))).toBe(true);
      wholeFiles(snapshotTree(join(root, 'out')));

      const next = dactl(['build'], root);
      expect(next.stderr).toBe('');
      expect(next.code).toBe(0);
      expect(snapshotTree(join(root, 'out'))).toEqual(variants[1]!.out);
      expect(readdirSync(root).filter((entry) => entry.includes('.dactl-') && entry !== '.dactl-cache')).toEqual([]);
    }
  }, 180_000);
});
