import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { minimalAction, tempProject } from '../support/temp-project.js';

const rootless = (paths: string[]) => minimalAction.replace('    from: $.state\n', paths.map((p, i) => `    from: ${p}\n${i < paths.length - 1 ? `  out${i}:\n    type: string\n` : ''}`).join(''));
const json = (stdout: string) => (JSON.parse(stdout) as { diagnostics: Array<{ file: string; ruleId: string; line: number }> }).diagnostics;
const baselineOf = (root: string) => JSON.parse(readFileSync(join(root, 'dactl-suppressions.json'), 'utf8')) as unknown;

describe('adopting dactl with a baseline (dactl-suppressions.json)', () => {
  it('suppress, add a problem, fix an old one, prune', async () => {
    const root = tempProject({
      'definitions/a.action.yaml': rootless(['state', 'other']),
      'definitions/b.action.yaml': minimalAction.replace('/api/v2/conversations/{conversationId}', '/api/v2/conversations/{conversationId}?x=${input.conversationId}'),
    });
    const lint = (...args: string[]) => runCli(['lint', '--format', 'json', '--fail-severity', 'warn', ...args], { cwd: root });

    const before = await lint();
    expect(before.code).toBe(1);
    const recorded = await lint('--suppress-all');
    expect(recorded.code).toBe(0);
    expect(json(recorded.stdout)).toEqual([]);
    expect(baselineOf(root)).toEqual({
      'definitions/a.action.yaml': { 'jsonpath-missing-root': { count: 2 } },
      'definitions/b.action.yaml': { 'url-unencoded-input': { count: 1 } },
    });
    expect(json(before.stdout)).toHaveLength(3);

    const quiet = await lint();
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toContain('3 findings suppressed by dactl-suppressions.json');

    // A new problem of another rule is reported alone; one more of a recorded rule reports that rule's findings in the file.
    writeFileSync(join(root, 'definitions/c.action.yaml'), rootless(['fresh']));
    const added = await lint();
    expect(json(added.stdout).map((d) => `${d.file} ${d.ruleId}`)).toEqual(['definitions/c.action.yaml jsonpath-missing-root']);
    expect(added.code).toBe(1);

    // Fixing an old finding leaves a suppression that matches nothing: reported, then pruned.
    writeFileSync(join(root, 'definitions/a.action.yaml'), rootless(['$.state', 'other']));
    const fixedOne = await lint('definitions/a.action.yaml');
    expect(fixedOne.code).toBe(0);
    expect(fixedOne.stderr).toContain('1 suppression in dactl-suppressions.json no longer match');
    await lint('--prune-suppressions', 'definitions/a.action.yaml');
    expect(baselineOf(root)).toEqual({
      'definitions/a.action.yaml': { 'jsonpath-missing-root': { count: 1 } },
      'definitions/b.action.yaml': { 'url-unencoded-input': { count: 1 } },
    });

    // A second problem of a recorded rule in a recorded file: counts cannot tell which is new, so both are reported.
    writeFileSync(join(root, 'definitions/a.action.yaml'), rootless(['state', 'again']));
    const grown = await lint('definitions/a.action.yaml');
    expect(json(grown.stdout).map((d) => `${d.ruleId} ${d.line}`)).toEqual(['jsonpath-missing-root 11', 'jsonpath-missing-root 14']);
    expect(grown.code).toBe(1);
  });

  it('--suppress-rule records one rule only; a bad rule id or baseline file is a usage error', async () => {
    const root = tempProject({
      'definitions/a.action.yaml': rootless(['state']),
      'definitions/b.action.yaml': minimalAction.replace('{conversationId}', '{conversationId}?x=${input.conversationId}'),
    });
    const run = await runCli(['lint', '--format', 'json', '--suppress-rule', 'url-unencoded-input'], { cwd: root });
    expect(json(run.stdout).map((d) => d.ruleId)).toEqual(['jsonpath-missing-root']);
    expect(baselineOf(root)).toEqual({ 'definitions/b.action.yaml': { 'url-unencoded-input': { count: 1 } } });
    const typo = await runCli(['lint', '--suppress-rule', 'url-unencoded'], { cwd: root });
    expect(typo.stderr).toContain('--suppress-rule: there is no rule "url-unencoded"');
    expect(typo.code).toBe(2);
    writeFileSync(join(root, 'dactl-suppressions.json'), '{"definitions/a.action.yaml": {"x": {}}}');
    const broken = await runCli(['lint'], { cwd: root });
    expect(broken.stderr).toContain('dactl-suppressions.json is not a suppressions file: "definitions/a.action.yaml" › "x" needs a whole "count"');
    expect(broken.code).toBe(2);
  });
});
