import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { minimalAction, tempProject } from '../support/temp-project.js';

import { bin } from '../support/built-binary.js';

export { bin, ensureBuilt } from '../support/built-binary.js';

export interface BinRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function dactl(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): BinRun {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

export function dactlAsync(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { child: ReturnType<typeof spawn>; done: Promise<BinRun> } {
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env.PATH, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<BinRun>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

/** A project with one good action and a previous out/ whose survival the tests check. */
export function projectWithPreviousOut(files: Record<string, string | Uint8Array> = {}): string {
  return tempProject({
    'definitions/actions/good.action.yaml': minimalAction,
    'out/actions/previous.custom.json': '{"previous": true}\n',
    ...files,
  });
}

/** Every file under `dir` (relative path → content), to compare a folder before and after. */
export function snapshotTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string, prefix: string): void => {
    if (!existsSync(current)) return;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(current, entry.name), `${prefix}${entry.name}/`);
      else files[`${prefix}${entry.name}`] = readFileSync(join(current, entry.name), 'utf8');
    }
  };
  walk(dir, '');
  return files;
}

export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** `count` real-shaped actions, enough to make a build take a while. */
export function manyActions(count: number, tag = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    files[`definitions/actions/generated/a${i}.action.yaml`] = minimalAction
      .replace('Get Conversation', `Generated ${tag}${i}`)
      .replace('$.state', `$.entities[?(@.n == ${i})].state`)
      .replace('type: string\n    from', 'type: string\n    default: none\n    from');
  }
  return files;
}
