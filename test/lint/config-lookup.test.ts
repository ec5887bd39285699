import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { minimalAction, tempProject } from '../support/temp-project.js';

const rootless = minimalAction.replace('$.state', 'state');
const ruleIds = (stdout: string) =>
  (JSON.parse(stdout) as { diagnostics: Array<{ file: string; ruleId: string }> }).diagnostics.map((d) => `${d.file} ${d.ruleId}`);

describe('.dactl.yaml lookup', () => {
  const project = () =>
    tempProject({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.dactl.yaml': 'rules:\n  jsonpath-missing-root: error\n',
      'definitions/new/a.action.yaml': rootless,
      'definitions/legacy/.dactl.yaml': 'rules:\n  jsonpath-missing-root: "off"\noverrides:\n  - files: ["deep/**"]\n    rules: { jsonpath-missing-root: warn }\n',
      'definitions/legacy/b.action.yaml': rootless,
      'definitions/legacy/deep/c.action.yaml': rootless,
    });

  it('applies each folder configuration over the ones above it, nearest last', async () => {
    const root = project();
    const run = await runCli(['lint', '--format', 'json'], { cwd: root });
    expect(ruleIds(run.stdout)).toEqual(['definitions/legacy/deep/c.action.yaml jsonpath-missing-root', 'definitions/new/a.action.yaml jsonpath-missing-root']);
    const severities = (JSON.parse(run.stdout) as { diagnostics: Array<{ severity: string }> }).diagnostics.map((d) => d.severity);
    expect(severities).toEqual(['warn', 'error']);
    expect(run.code).toBe(1);
  });

  it('finds the project configuration from a subfolder, up to the folder holding .git', async () => {
    const root = project();
    const run = await runCli(['lint', 'a.action.yaml', '--format', 'json'], { cwd: join(root, 'definitions/new') });
    expect(ruleIds(run.stdout)).toEqual(['a.action.yaml jsonpath-missing-root']);
    expect(run.code).toBe(1);
    const printed = await runCli(['lint', '--print-config', 'definitions/legacy/b.action.yaml'], { cwd: root });
    expect(printed.stdout).toContain('jsonpath-missing-root: off');
    expect(printed.stdout).toContain(join(root, 'definitions/legacy/.dactl.yaml'));
  });

  it('dactl build lints with the folder configurations too', async () => {
    const root = project();
    const run = await runCli(['build'], { cwd: root });
    expect(run.stderr).toMatch(/definitions\/new\/a\.action\.yaml:\d+:\d+ +error .*jsonpath-missing-root/);
    expect(run.stderr).toMatch(/definitions\/legacy\/deep\/c\.action\.yaml:\d+:\d+ +warn .*jsonpath-missing-root/);
    expect(run.stderr).not.toMatch(/legacy\/b\.action\.yaml:.*jsonpath-missing-root/);
  });

  it('--config names the one configuration: folder files are not read', async () => {
    const root = project();
    const run = await runCli(['lint', '--config', '.dactl.yaml', '--format', 'json'], { cwd: root });
    expect(ruleIds(run.stdout)).toHaveLength(3);
  });

  it('a broken folder configuration is a configuration error (exit 2)', async () => {
    const bad = tempProject({ 'definitions/x/.dactl.yaml': 'rules:\n  no-such-rule: warn\n', 'definitions/x/a.action.yaml': minimalAction });
    const run = await runCli(['lint'], { cwd: bad });
    expect(run.stderr).toMatch(/definitions\/x\/\.dactl\.yaml:2:3 +error +there is no rule "no-such-rule"/);
    expect(run.code).toBe(2);
  });
});
