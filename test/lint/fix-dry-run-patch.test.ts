import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { minimalAction, tempProject } from '../support/temp-project.js';

const git = (cwd: string, ...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' });
const hasGit = git('.', '--version').status === 0;

describe.skipIf(!hasGit)('--fix-dry-run prints a patch git apply takes', () => {
  const withFixes = minimalAction.replace('from: $.state', 'from: state').replace('{conversationId}', '{conversationId}?q=${input.conversationId}');

  it.each([
    ['with final newlines', withFixes],
    ['without a final newline', withFixes.trimEnd()],
  ])('%s, from the project root and from a subfolder', async (_, text) => {
    const root = tempProject({ 'definitions/actions/a.action.yaml': text, 'definitions/actions/b.action.yaml': text.replace('Get Conversation', 'Other') });
    expect(git(root, 'init', '-q').status).toBe(0);
    for (const cwd of [root, join(root, 'definitions')]) {
      const run = await runCli(['lint', '--fix-dry-run', '.'], { cwd });
      expect(run.stdout).toMatch(/^--- a\/definitions\/actions\/a\.action\.yaml\n\+\+\+ b\/definitions\/actions\/a\.action\.yaml\n@@ /);
      writeFileSync(join(root, 'fix.patch'), run.stdout);
      const check = git(root, 'apply', '--check', 'fix.patch');
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
    }
    expect(git(root, 'apply', 'fix.patch').status).toBe(0);
    const applied = readFileSync(join(root, 'definitions/actions/a.action.yaml'), 'utf8');
    expect(applied).toContain('from: $.state');
    expect(applied).toContain('?q=$esc.url(${input.conversationId})');
    expect(applied.endsWith('\n')).toBe(text.endsWith('\n'));
    const after = await runCli(['lint', '--fix-dry-run', '.'], { cwd: root });
    expect(after.stdout).not.toContain('--- a/');
  });
});
