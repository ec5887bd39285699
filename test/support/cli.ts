import { spawnSync } from 'node:child_process';
import { bin } from './built-binary.js';
import type { CliIo } from '../../src/cli/io.js';
import { internalErrorMarker, main } from '../../src/cli/main.js';
import { repoRoot } from './paths.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  isTTY?: boolean;
  /** Standard input, for commands that read `-`. */
  stdin?: string;
}

/**
 * Runs dactl in-process through the same `main()` as bin.ts, with captured output. An internal error (a bug, not
 * a usage problem) fails the calling test with its stack rather than passing as exit code 2.
 */
export async function runCli(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? repoRoot,
  };
  if (options.stdin !== undefined) {
    const stdin = options.stdin;
    io.readStdin = async () => stdin;
  }
  const code = await main(args, io);
  if (stderr.includes(`dactl: ${internalErrorMarker}:`)) throw new Error(`dactl ${args.join(' ')} failed:\n${stderr}`);
  return { code, stdout, stderr };
}

/** Runs the built binary as a user would (the global setup has built dist/). */
export function runBin(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { PATH: process.env.PATH, ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
