import { spawnSync } from 'node:child_process';
import { bin } from './built-binary.js';
import { runProgram } from '../../src/cli/program.js';
import type { CliIo } from '../../src/cli/io.js';
import { UserError } from '../../src/diagnostics/errors.js';
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

/** Runs dactl in-process as bin.ts does (a UserError is one line and its exit code), with captured output. */
export async function runCli(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo & { readStdin?: () => Promise<string> } = {
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
  try {
    const code = await runProgram(args, io, '0.0.0-test');
    return { code, stdout, stderr };
  } catch (error) {
    if (error instanceof UserError) return { code: error.exitCode, stdout, stderr: `${stderr}dactl: ${error.message}\n` };
    throw error;
  }
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
