import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colourEnabled } from '../../src/cli/colour.js';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { createProgram } from '../../src/cli/program.js';
import { runCli } from '../support/cli.js';
import { repoRoot } from '../support/paths.js';
import { tempProject } from '../support/temp-project.js';

const quietIo: CliIo = { stdout: () => undefined, stderr: () => undefined, isTTY: false, env: {}, cwd: repoRoot };
const commands = createProgram(quietIo, '0.0.0', () => undefined).commands;

describe('the command line edge', () => {
  it('bin.ts is only the process around the exported main()', () => {
    const bin = readFileSync(join(repoRoot, 'src/bin.ts'), 'utf8');
    // Loaded lazily, so that failing to load dactl's own modules (a low `ulimit -n`) is one line too.
    expect(bin).toContain("const { main } = await import('./cli/main.js');");
    expect(bin).toContain('return await main(argv, io);');
    expect(readFileSync(join(repoRoot, 'test/support/cli.ts'), 'utf8')).toContain("import { internalErrorMarker, main } from '../../src/cli/main.js';");
  });

  it('-f means --format in every command, and --force has no short form', () => {
    const options = commands.flatMap((command) => command.options.map((option) => ({ command: command.name(), short: option.short, long: option.long })));
    const withFormat = options.filter((o) => o.long === '--format');
    expect(withFormat.map((o) => o.command).sort()).toEqual(['diff', 'lint', 'run', 'test']);
    for (const option of options) {
      expect(option.short === '-f', `${option.command} ${option.long}`).toBe(option.long === '--format');
    }
    expect(options.filter((o) => o.long === '--force').map((o) => [o.command, o.short])).toEqual([['import', undefined], ['pull', undefined]]);
  });

  it('refuses a value outside an enumeration before the command runs, naming the choices', async () => {
    const run = await runCli(['test', '-f', 'tap']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument 'tap' is invalid. Allowed choices are text, json, junit.");
    const lint = await runCli(['lint', '--fail-severity', 'fatal']);
    expect(lint.code).toBe(2);
    expect(lint.stderr).toContain('Allowed choices are error, warn, info.');
    const warnings = await runCli(['lint', '--max-warnings', '1.5']);
    expect(warnings.code).toBe(2);
    expect(warnings.stderr).toContain("option '--max-warnings <n>' argument '1.5' is invalid. a whole number, 0 or more");
  });

  it('an exception that is a bug is reported as one, with exit code 2, and fails the test that met it', async () => {
    let stderr = '';
    const code = await main(['query', '$.a'], { ...quietIo, stderr: (text) => void (stderr += text), readStdin: () => Promise.reject(new TypeError('boom')) });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^dactl: internal error: TypeError: boom\n/);
    expect(stderr).toContain('This is a bug in dactl; please report it');
  });
});

describe('colour', () => {
  const tty = (env: NodeJS.ProcessEnv, isTTY = true) => colourEnabled({ env, isTTY });

  it('is on for a terminal, off when stdout is not one', () => {
    expect(tty({})).toBe(true);
    expect(tty({}, false)).toBe(false);
  });

  it('NO_COLOR (any value but empty) and TERM=dumb turn it off; FORCE_COLOR decides when set', () => {
    expect(tty({ NO_COLOR: '1' })).toBe(false);
    expect(tty({ NO_COLOR: '' })).toBe(true);
    expect(tty({ TERM: 'dumb' })).toBe(false);
    expect(tty({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(tty({ FORCE_COLOR: '' }, false)).toBe(true);
    expect(tty({ FORCE_COLOR: '3', NO_COLOR: '1' }, false)).toBe(true);
    expect(tty({ FORCE_COLOR: '0' })).toBe(false);
    expect(tty({ FORCE_COLOR: 'false' })).toBe(false);
  });

  const spec = `name: Get State
integration: purecloud-data-actions
request: { method: GET, url: "/api/v2/conversations/{id}" }
inputs: { id: { type: string, required: true } }
outputs: { state: { type: string, from: $.state } }
tests:
  - { name: passes, input: { id: c1 }, response: { state: connected }, expect: { output: { state: connected } } }
`;

  it('is the same decision in every command that colours', async () => {
    const defaultNotJson = spec.replace('outputs: { state: { type: string, from: $.state } }', `response: { translationMap: { state: $.state }, translationMapDefaults: { state: gone }, successTemplate: '{"state": \${state}}' }`);
    const root = tempProject({ 'definitions/actions/state.action.yaml': spec, 'lintme/broken.action.yaml': defaultNotJson, 'other/actions/state.action.yaml': spec.replace('{ state: connected } }', '{ state: connected } }\n  - { name: second, input: { id: c2 }, response: { state: x }, expect: { output: { state: x } } }') });
    const runs = {
      test: (env: NodeJS.ProcessEnv, isTTY: boolean) => runCli(['test'], { cwd: root, env, isTTY }),
      diff: (env: NodeJS.ProcessEnv, isTTY: boolean) => runCli(['diff', 'definitions', 'other'], { cwd: root, env, isTTY }),
      lint: (env: NodeJS.ProcessEnv, isTTY: boolean) => runCli(['lint', 'lintme'], { cwd: root, env, isTTY }),
    };
    for (const [name, run] of Object.entries(runs)) {
      expect((await run({}, true)).stdout, name).toContain('\u001b[');
      expect((await run({ NO_COLOR: '1' }, true)).stdout, name).not.toContain('\u001b[');
      expect((await run({}, false)).stdout, name).not.toContain('\u001b[');
      expect((await run({ FORCE_COLOR: '1' }, false)).stdout, name).toContain('\u001b[');
    }
  });
});
