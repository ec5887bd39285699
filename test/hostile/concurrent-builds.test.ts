import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dactl, dactlAsync, ensureBuilt, manyActions, snapshotTree } from './hostile-project.js';
import { tempProject } from '../support/temp-project.js';

beforeAll(ensureBuilt, 120_000);

describe('two builds into the same out/ at once', () => {
  it('one wins or one is told another build is running; out/ is exactly one of the two', async () => {
    const root = tempProject({
      ...Object.fromEntries(Object.entries(manyActions(150, 'a ')).map(([path, text]) => [path.replace('definitions/', 'defs-a/'), text])),
      ...Object.fromEntries(Object.entries(manyActions(150, 'b ')).map(([path, text]) => [path.replace('definitions/', 'defs-b/'), text])),
    });
    const expected = (name: string): Record<string, string> => {
      const alone = tempProject(Object.fromEntries(Object.entries(manyActions(150, `${name} `)).map(([path, text]) => [path.replace('definitions/', 'defs/'), text])));
      expect(dactl(['build', 'defs'], alone).code).toBe(0);
      return snapshotTree(join(alone, 'out'));
    };
    for (let round = 0; round < 2; round++) {
      const [a, b] = await Promise.all([dactlAsync(['build', 'defs-a'], root).done, dactlAsync(['build', 'defs-b'], root).done]);
      for (const run of [a, b]) {
        expect(run.stderr).not.toContain('internal error');
        if (run.code !== 0) {
          expect(run.stderr).toMatch(/^dactl: another dactl build \(process \d+\) is writing this output; wait for it to finish\n$/);
          expect(run.code).toBe(2);
        }
      }
      expect([a.code, b.code]).toContain(0);
      const out = snapshotTree(join(root, 'out'));
      const names = new Set(Object.keys(out).map((path) => path.match(/Generated-([ab])-/)?.[1]).filter(Boolean));
      expect(names.size).toBe(1);
      expect(out).toEqual(expected([...names][0]!));
      expect(readdirSync(root).filter((entry) => entry.includes('.dactl-') && entry !== '.dactl-cache')).toEqual([]);
    }
  }, 120_000);
});
