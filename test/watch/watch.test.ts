import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bin, ensureBuilt } from '../support/built-binary.js';
import { minimalAction, tempProject } from '../support/temp-project.js';

beforeAll(ensureBuilt, 120_000);

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

/** Starts `dactl <args>` and answers a reader of its output that waits for a line matching a pattern. */
function start(args: string[], cwd: string) {
  const process_ = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  child = process_;
  let stdout = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  process_.stdout!.on('data', (chunk: Buffer) => ((stdout += chunk), waiters.forEach((w) => w())));
  process_.stderr!.on('data', (chunk: Buffer) => ((stderr += chunk), waiters.forEach((w) => w())));
  const until = (stream: () => string, pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; stdout: ${stdout}; stderr: ${stderr}`)), 20_000);
      const check = () => {
        const match = pattern.exec(stream());
        if (match) {
          clearTimeout(timeout);
          resolve(match[0]);
        }
      };
      waiters.push(check);
      check();
    });
  const stop = () => new Promise<number | null>((resolve) => (process_.on('exit', resolve), process_.kill('SIGINT')));
  return { stdout: () => stdout, stderr: () => stderr, untilOut: (p: RegExp) => until(() => stdout, p), untilErr: (p: RegExp) => until(() => stderr, p), stop };
}

const spec = (name: string) => minimalAction.replace('Get Conversation', name);

describe('--watch, in bounded runs', () => {
  it('dactl build --watch rebuilds on each change, one summary line per change', async () => {
    const root = tempProject({ 'definitions/actions/a.action.yaml': spec('A'), 'definitions/actions/b.action.yaml': spec('B') });
    const run = start(['build', '--watch'], root);
    await run.untilErr(/watching definitions for changes/);
    expect(run.stdout()).toContain('built 2 actions into out/');
    const before = run.stdout().length;
    writeFileSync(join(root, 'definitions/actions/a.action.yaml'), spec('A').replace('$.state', '$.status'));
    const line = await run.untilOut(/\d\d:\d\d:\d\d definitions\/actions\/a\.action\.yaml: built 2 actions into out\/ \(1 file changed\)\n/);
    expect(run.stdout().slice(before)).toBe(line);
    expect(readFileSync(join(root, 'out/actions/A.custom.json'), 'utf8')).toContain('$.status');
    writeFileSync(join(root, 'definitions/actions/b.action.yaml'), 'name: [broken\n');
    await run.untilOut(/b\.action\.yaml: 1 error; out\/ was not changed/);
    expect(run.stderr()).toMatch(/b\.action\.yaml:\d+:\d+ +error/);
    expect(await run.stop()).toBe(0);
  });

  it('dactl test --watch retests only the changed spec', async () => {
    const passing = (name: string) => `${spec(name)}tests:\n  - name: state is read\n    input: { conversationId: c1 }\n    responseFile: r.json\n    expect: { output: { state: connected } }\n`;
    const root = tempProject({
      'definitions/actions/a.action.yaml': passing('A'),
      'definitions/actions/b.action.yaml': passing('B'),
      'definitions/actions/r.json': '{"state": "connected"}',
    });
    const run = start(['test', '--watch'], root);
    await run.untilErr(/watching definitions for changes/);
    expect(run.stdout()).toContain('2 specs, 2 tests: 2 passed, 0 failed');
    writeFileSync(join(root, 'definitions/actions/b.action.yaml'), passing('B').replace('state: connected }', 'state: gone }'));
    await run.untilOut(/definitions\/actions\/b\.action\.yaml: 1 spec, 1 test: 0 passed, 1 failed\n/);
    expect(run.stderr()).toContain('✗ B › state is read');
    writeFileSync(join(root, 'definitions/actions/r.json'), '{"state": "gone"}');
    await run.untilOut(/definitions\/actions\/r\.json: 2 specs, 2 tests: 1 passed, 1 failed\n/);
    expect(await run.stop()).toBe(0);
  });
});
