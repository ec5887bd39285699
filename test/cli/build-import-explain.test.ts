import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../support/cli.js';
import { itWithCorpus } from '../support/corpus.js';
import { corpusDir, repoRoot } from '../support/paths.js';
import { minimalAction, tempProject } from '../support/temp-project.js';

describe('dactl build', () => {
  it('compiles the bundled definitions to exactly the committed out/', async () => {
    const result = await runCli(['build', '--check']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('writes the same bytes on every run, and --check notices a stale file', async () => {
    const root = tempProject({});
    cpSync(join(repoRoot, 'definitions'), join(root, 'definitions'), { recursive: true });
    cpSync(join(repoRoot, 'test'), join(root, 'test'), { recursive: true, filter: (src) => !src.includes('__snapshots__') });
    expect((await runCli(['build'], { cwd: root })).code).toBe(0);
    const first = readdirSync(join(root, 'out/actions')).map((f) => readFileSync(join(root, 'out/actions', f)));
    const again = await runCli(['build'], { cwd: root });
    expect(again.stdout).toContain('up to date');
    const second = readdirSync(join(root, 'out/actions')).map((f) => readFileSync(join(root, 'out/actions', f)));
    expect(second).toEqual(first);

    const file = join(root, 'out/actions', readdirSync(join(root, 'out/actions'))[0]!);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"secure": false', '"secure": true'));
    const check = await runCli(['build', '--check'], { cwd: root });
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/out\/actions\/.*: out of date/);
  });

  it('reports problems as file:line:col  severity  message  (rule id) and exits 1', async () => {
    const root = tempProject({ 'definitions/actions/a.action.yaml': minimalAction.replace('method: GET', 'method: GTE') });
    const result = await runCli(['build'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^definitions\/actions\/a\.action\.yaml:4:11 {2}error {2}.*did you mean "GET".* {2}\(spec-enum\)$/m);
  });
});

describe('dactl import', () => {
  const suffixCases = [
    ['--keep-export-suffix', (name: string) => name],
    ['', (name: string) => name.replace(/ - Exported \d{4}-\d{2}-\d{2} @ \d{2}:\d{2}$/, '')],
  ] as const;
  for (const [flag, expectedName] of suffixCases) {
    itWithCorpus(`imports every corpus export (${flag || 'suffix dropped'}) and building the result gives the same JSON back`, async () => {
      const root = tempProject({});
      const imported = await runCli(['import', join(corpusDir, 'real-actions'), '--out', 'definitions/actions', ...(flag ? [flag] : [])], { cwd: root });
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain('imported 10 actions');
      expect((await runCli(['build'], { cwd: root })).code).toBe(0);
      for (const file of readdirSync(join(corpusDir, 'real-actions')).filter((f) => f.endsWith('.json'))) {
        const original = JSON.parse(readFileSync(join(corpusDir, 'real-actions', file), 'utf8')) as { name: string };
        const name = expectedName(original.name);
        const slug = name.replace(/[^A-Za-z0-9_]+/g, '-').replace(/^-+|-+$/g, '');
        const rebuilt = JSON.parse(readFileSync(join(root, 'out/actions', `${slug}.custom.json`), 'utf8')) as unknown;
        expect(JSON.stringify(rebuilt)).toBe(JSON.stringify({ ...original, name }));
      }
    });
  }

  itWithCorpus('does not overwrite a spec without --force, and says which file is not an export', async () => {
    const root = tempProject({ 'notes.json': '{"hello": "world"}\n' });
    const exportFile = join(corpusDir, 'real-actions', readdirSync(join(corpusDir, 'real-actions')).find((f) => f.includes('Recording'))!);
    expect((await runCli(['import', exportFile], { cwd: root })).code).toBe(0);
    const again = await runCli(['import', exportFile], { cwd: root });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    const notExport = await runCli(['import', 'notes.json'], { cwd: root });
    expect(notExport.code).toBe(1);
    expect(notExport.stderr).toMatch(/^notes\.json:1:1 {2}error {2}not a data-action export: .*\(not-an-export\)/m);
  });
});

describe('dactl explain', () => {
  it('prints an action as a tree, by name', async () => {
    const result = await runCli(['explain', 'Get Customer Chat Communication']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('conversationId  string, required  → url');
    expect(result.stdout).toContain("from $.participants[?(@.purpose=='customer')].chats[0].id");
    expect(result.stdout).toContain('indefinite: always a list');
    expect(result.stdout).toMatch(/├─┬ inputs/);
  });

  itWithCorpus('explains an export file and an unknown name is a usage error', async () => {
    const exportFile = join(corpusDir, 'real-actions', readdirSync(join(corpusDir, 'real-actions')).find((f) => f.includes('Callback-Priority'))!);
    const result = await runCli(['explain', exportFile]);
    expect(result.stdout).toContain('pIdArray');
    const unknown = await runCli(['explain', 'No Such Action']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no action named "No Such Action"');
  });
});

describe('the built binary', () => {
  it('prints its version and help, and usage errors exit 2 without a stack trace', () => {
    const version = runBin(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = runBin(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('build');
    const usage = runBin(['build', '--no-such-option']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('unknown option');
    const missing = runBin(['explain', 'No Such Action']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
