import { copyFileSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/lint/config.js';
import { lintPaths } from '../../src/lint/lint-files.js';
import { findFiles } from '../../src/project/find-files.js';
import { runCli } from '../support/cli.js';
import { corpusDir } from '../support/paths.js';
import { minimalAction, tempProject } from '../support/temp-project.js';

const yamlFiles = (path: string) => /\.ya?ml$/.test(path);
const names = (root: string, files: string[]) => files.map((f) => relative(root, f));

describe('finding files', () => {
  it('follows linked folders and files, each real file once, and ends link loops', async () => {
    const root = tempProject({ 'real/a.yaml': 'a: 1\n', 'real/sub/b.yaml': 'b: 1\n' });
    mkdirSync(join(root, 'defs'));
    symlinkSync(join(root, 'real'), join(root, 'defs/linked'));
    symlinkSync(join(root, 'real/a.yaml'), join(root, 'defs/alias.yaml'));
    symlinkSync('..', join(root, 'real/sub/up'));
    const found = await findFiles(['defs'], { cwd: root, wanted: yamlFiles });
    expect(names(root, found.files)).toEqual(['defs/alias.yaml', 'defs/linked/sub/b.yaml']);
    expect(found.unmatched).toEqual([]);
  });

  it('skips out/, node_modules/, .git/ and the ignore globs, with folder globs and nested braces', async () => {
    const root = tempProject({
      'd/keep.yaml': '',
      'd/out/x.yaml': '',
      'd/node_modules/p/x.yaml': '',
      'd/.git/x.yaml': '',
      'd/legacy/x.yaml': '',
      'd/old/a.yaml': '',
      'd/old/c.yaml': '',
      'd/v1/b.yaml': '',
    });
    const found = await findFiles(['d'], { cwd: root, wanted: yamlFiles, ignores: ['d/legacy/', 'd/old/[ab].yaml', 'd/{v0,{v1,v2}}/**'] });
    expect(names(root, found.files)).toEqual(['d/keep.yaml', 'd/old/c.yaml']);
  });

  it('expands globs and reports arguments that give no file', async () => {
    const root = tempProject({ 'd/a.action.yaml': '', 'd/b.json': '', 'empty/.keep': '' });
    const found = await findFiles(['d/*.action.yaml', 'd/*.nothing', 'missing', 'empty'], { cwd: root, wanted: () => true });
    expect(names(root, found.files)).toEqual(['d/a.action.yaml']);
    expect(found.unmatched).toEqual([
      { pattern: 'd/*.nothing', reason: 'empty' },
      { pattern: 'missing', reason: 'missing' },
      { pattern: 'empty', reason: 'empty' },
    ]);
  });
});

describe('dactl lint and test name what they could not find', () => {
  it.each([
    [['lint', 'empty'], 'dactl lint: empty: holds no file to check'],
    [['lint', 'definitions/**/*.nothing.yaml'], 'dactl lint: definitions/**/*.nothing.yaml: no file matches'],
    [['lint', 'gone'], 'dactl lint: gone: no such file or folder'],
  ])('%j exits 2', async (args, message) => {
    const root = tempProject({ 'definitions/a.action.yaml': minimalAction, 'empty/.keep': '' });
    const run = await runCli(args, { cwd: root });
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(2);
  });

  it('dactl test on a folder without specs exits 2', async () => {
    const root = tempProject({ 'empty/notes.yaml': 'a: 1\n' });
    const run = await runCli(['test', 'empty'], { cwd: root });
    expect(run.stderr).toMatch(/empty: holds no action spec/);
    expect(run.code).toBe(2);
  });

  it('dactl lint . leaves out/ and the config ignores out', async () => {
    const root = tempProject({
      '.dactl.yaml': 'ignores: [legacy/]\n',
      'definitions/a.action.yaml': minimalAction.replace('$.state', 'state'),
      'legacy/b.action.yaml': minimalAction.replace('$.state', 'state'),
      'out/actions/a.custom.json': '{"not": "an export"',
    });
    const run = await runCli(['lint', '.', '--format', 'json'], { cwd: root });
    const files = (JSON.parse(run.stdout) as { diagnostics: Array<{ file: string }> }).diagnostics.map((d) => d.file);
    expect(files).toEqual(['definitions/a.action.yaml']);
    expect(run.code).toBe(0);
  });
});

describe.skipIf(!existsSync(corpusDir))('the corpus exports through symbolic links', () => {
  it('give exactly the findings their copies give', async () => {
    const source = join(corpusDir, 'real-actions');
    const root = tempProject();
    mkdirSync(join(root, 'copies'));
    mkdirSync(join(root, 'links'));
    for (const name of readdirSync(source).filter((n) => n.endsWith('.json'))) {
      copyFileSync(join(source, name), join(root, 'copies', name));
      symlinkSync(join(source, name), join(root, 'links', name));
    }
    writeFileSync(join(root, 'links', 'README.md'), 'not linted\n');
    const strip = (folder: string, result: Awaited<ReturnType<typeof lintPaths>>) =>
      result.diagnostics.map((d) => ({ ...d, file: relative(join(root, folder), d.file) }));
    const copies = await lintPaths(['copies'], defaultConfig(root), root);
    const links = await lintPaths(['links'], defaultConfig(root), root);
    expect(copies.diagnostics.length).toBeGreaterThan(20);
    expect(strip('links', links)).toEqual(strip('copies', copies));
  });
});
