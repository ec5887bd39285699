import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dactl-lint-'));
  await mkdir(join(dir, 'definitions/actions'), { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function run(args: string[], env: NodeJS.ProcessEnv = {}, isTTY = false) {
  let stdout = '';
  let stderr = '';
  const code = await main(['lint', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY, env, cwd: dir });
  return { code, stdout, stderr };
}

const clean = `name: Clean
integration: purecloud-data-actions
request: { method: GET, url: "/api/v2/users/{id}" }
inputs: { id: { type: string, required: true } }
outputs:
  name: { type: string, from: $.name }
`;
const warning = `name: Warning
integration: purecloud-data-actions
request: { method: GET, url: /api/v2/users/me }
response:
  translationMap: { name: $.name, email: $.email }
  successTemplate: '{"name": \${name}}'
`;
const error = `name: Broken
integration: purecloud-data-actions
request: { method: GET, url: /api/v2/users/me }
response:
  translationMap: { state: $.state }
  translationMapDefaults: { state: disconnected }
  successTemplate: '{"state": \${state}}'
`;

describe('dactl lint', () => {
  it('exits 0 on clean definitions (the default path) and prints nothing', async () => {
    await writeFile(join(dir, 'definitions/actions/clean.action.yaml'), clean);
    expect(await run([])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 on an error, and on warnings only with --fail-severity warn or over --max-warnings', async () => {
    await writeFile(join(dir, 'warning.action.yaml'), warning);
    await writeFile(join(dir, 'error.action.yaml'), error);
    expect((await run(['error.action.yaml'])).code).toBe(1);
    expect((await run(['warning.action.yaml'])).code).toBe(0);
    expect((await run(['warning.action.yaml', '--fail-severity', 'warn'])).code).toBe(1);
    expect((await run(['warning.action.yaml', '--max-warnings', '0'])).code).toBe(1);
    expect((await run(['warning.action.yaml', '--max-warnings', '1'])).code).toBe(0);
  });

  it('exits 2 on usage and configuration errors', async () => {
    expect((await run(['--format', 'xml'])).code).toBe(2);
    expect((await run(['--max-warnings', 'many'])).code).toBe(2);
    expect((await run(['missing.action.yaml'])).code).toBe(2);
    expect((await run(['--config', 'nope.yaml'])).code).toBe(2);
    await writeFile(join(dir, '.dactl.yaml'), 'rules:\n  no-such-rule: warn\n');
    const bad = await run([]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('.dactl.yaml:2:3  error  there is no rule "no-such-rule"');
  });

  it('writes the report with -o, in each format', async () => {
    await writeFile(join(dir, 'error.action.yaml'), error);
    for (const format of ['json', 'sarif', 'github', 'junit', 'stylish']) {
      const result = await run(['error.action.yaml', '--format', format, '-o', `reports/lint.${format}`]);
      expect(result).toMatchObject({ code: 1, stdout: '' });
      expect(await readFile(join(dir, `reports/lint.${format}`), 'utf8')).toContain('default-not-json');
    }
    const json = JSON.parse(await readFile(join(dir, 'reports/lint.json'), 'utf8')) as { diagnostics: unknown[] };
    expect(json.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'default-not-json', file: 'error.action.yaml', line: 6, column: 36 }),
    ]);
  });

  it('colours stylish output on a TTY unless NO_COLOR is set', async () => {
    await writeFile(join(dir, 'error.action.yaml'), error);
    expect((await run(['error.action.yaml'], {}, true)).stdout).toContain('\u001b[');
    expect((await run(['error.action.yaml'], { NO_COLOR: '1' }, true)).stdout).not.toContain('\u001b[');
  });

  it('--fix-dry-run prints a diff and changes nothing; --fix writes the file', async () => {
    const file = join(dir, 'error.action.yaml');
    await writeFile(file, error);
    const dry = await run(['error.action.yaml', '--fix-dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("-  translationMapDefaults: { state: disconnected }\n+  translationMapDefaults: { state: '\"disconnected\"' }\n");
    expect(await readFile(file, 'utf8')).toBe(error);
    expect((await run(['error.action.yaml', '--fix'])).code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(error.replace('state: disconnected', `state: '"disconnected"'`));
  });

  it('reports a file that is not a definition and skips it', async () => {
    await writeFile(join(dir, 'definitions/actions/notes.json'), '{"todo": []}');
    const result = await run(['--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).diagnostics).toEqual([expect.objectContaining({ ruleId: 'not-a-definition', file: 'definitions/actions/notes.json' })]);
  });

  it('--print-config shows the effective settings, with overrides for a file', async () => {
    await writeFile(join(dir, '.dactl.yaml'), 'extends: all\noverrides:\n  - files: ["legacy/**"]\n    rules: { unused-input: off }\n');
    expect((await run(['--print-config'])).stdout).toContain('unused-input: warn');
    expect((await run(['--print-config', 'legacy/a.action.yaml'])).stdout).toContain('unused-input: off');
  });
});
