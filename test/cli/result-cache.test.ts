import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { minimalAction, tempProject } from '../support/temp-project.js';

const spec = `${minimalAction}tests:
  - name: reads the state
    input: { conversationId: c-1 }
    responseFile: ../responses/conversation.json
    expect:
      output: { state: connected }
`;

/** Rewrites what the cache remembers for every spec, so that a run answered from it can be told apart. */
function markCachedReports(root: string): void {
  const file = join(root, '.dactl-cache/tests.json');
  const cache = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { result: { results: Array<{ name: string }> } }> };
  for (const entry of Object.values(cache.entries)) for (const result of entry.result.results) result.name = 'from the cache';
  writeFileSync(file, JSON.stringify(cache));
}

describe('dactl test keeps results and reruns only what changed', () => {
  it('reuses a spec\'s results while its file and its response files are unchanged; --no-cache runs everything', async () => {
    const root = tempProject({
      'definitions/actions/a.action.yaml': spec,
      'definitions/actions/b.action.yaml': spec.replace('Get Conversation', 'Get Other'),
      'definitions/responses/conversation.json': '{"state": "connected"}',
    });
    const first = await runCli(['test'], { cwd: root });
    expect(first.stdout).toContain('2 passed, 0 failed');
    markCachedReports(root);
    const cached = await runCli(['test'], { cwd: root });
    expect(cached.stdout).toContain('✓ Get Conversation › from the cache');
    expect(cached.stdout).toContain('✓ Get Other › from the cache');

    const fresh = await runCli(['test', '--no-cache'], { cwd: root });
    expect(fresh.stdout).not.toContain('from the cache');
    expect(fresh.stdout).toContain('2 passed, 0 failed');

    // Editing one spec reruns that spec only.
    writeFileSync(join(root, 'definitions/actions/b.action.yaml'), `${spec.replace('Get Conversation', 'Get Other')}\n`);
    const oneEdited = await runCli(['test'], { cwd: root });
    expect(oneEdited.stdout).toContain('✓ Get Conversation › from the cache');
    expect(oneEdited.stdout).toContain('✓ Get Other › reads the state');

    // A response file that changes reruns the specs that read it, and a failure is not hidden by the cache.
    writeFileSync(join(root, 'definitions/responses/conversation.json'), '{"state": "disconnected"}');
    const changedResponse = await runCli(['test'], { cwd: root });
    expect(changedResponse.stdout).not.toContain('from the cache');
    expect(changedResponse.stdout).toContain('0 passed, 2 failed');
    expect(changedResponse.code).toBe(1);
    expect((await runCli(['test'], { cwd: root })).stdout).toContain('0 passed, 2 failed');
  });
});

describe('dactl lint keeps each file\'s findings while its text and the settings are unchanged', () => {
  it('answers unchanged files from the cache, relints edited ones, and --no-cache lints everything', async () => {
    const action = minimalAction;
    const root = tempProject({ 'definitions/actions/a.action.yaml': action, 'definitions/actions/b.action.yaml': action.replace('Get Conversation', 'Get Other') });
    const first = await runCli(['lint', '-f', 'json'], { cwd: root });
    const file = join(root, '.dactl-cache/lint.json');
    const cache = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { result: { diagnostics: Array<{ message: string; ruleId: string; severity: string }> } }> };
    for (const [path, entry] of Object.entries(cache.entries)) entry.result.diagnostics = [{ ruleId: 'from-the-cache', severity: 'warn', message: 'from the cache', file: path, path: [] } as never];
    writeFileSync(file, JSON.stringify(cache));
    const cached = await runCli(['lint', '-f', 'json'], { cwd: root });
    expect(cached.stdout.match(/"ruleId":\s*"from-the-cache"/g)).toHaveLength(2);
    writeFileSync(join(root, 'definitions/actions/b.action.yaml'), `${action.replace('Get Conversation', 'Get Other')}\n`);
    expect((await runCli(['lint', '-f', 'json'], { cwd: root })).stdout.match(/"ruleId":\s*"from-the-cache"/g)).toHaveLength(1);
    const fresh = await runCli(['lint', '-f', 'json', '--no-cache'], { cwd: root });
    expect(fresh.stdout).not.toContain('from the cache');
    expect(JSON.parse(fresh.stdout)).toEqual(JSON.parse(first.stdout));
  });
});
