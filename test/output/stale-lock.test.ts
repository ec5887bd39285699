import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/output/build-project.js';
import { minimalAction, tempProject } from '../support/temp-project.js';

/** A pid no process has: above Linux's pid_max ceiling. */
const deadPid = 4_194_304 + 7;

describe('the build lock of a killed build', () => {
  it('is removed by the next build even when out/ is already up to date', async () => {
    const root = tempProject({ 'definitions/actions/a.action.yaml': minimalAction });
    const options = { definitionsDir: join(root, 'definitions'), outDir: join(root, 'out') };
    expect((await buildProject(options)).outcome).toBe('written');
    const lock = join(root, '.out.dactl-lock');
    writeFileSync(lock, String(deadPid));
    expect((await buildProject(options)).outcome).toBe('up-to-date');
    expect(existsSync(lock)).toBe(false);
  });

  it('is left alone while its build is alive', async () => {
    const root = tempProject({ 'definitions/actions/a.action.yaml': minimalAction });
    const options = { definitionsDir: join(root, 'definitions'), outDir: join(root, 'out') };
    await buildProject(options);
    const lock = join(root, '.out.dactl-lock');
    writeFileSync(lock, String(process.ppid));
    await buildProject(options);
    expect(existsSync(lock)).toBe(true);
  });
});
