import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CliIo } from '../../src/cli/io.js';
import { runProgram } from '../../src/cli/program.js';
import { UserError } from '../../src/diagnostics/errors.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs dactl in-process as bin.ts does (a UserError is one line and its exit code), with a fake terminal. */
export async function runCli(
  argv: string[],
  options: { cwd: string; env?: Record<string, string | undefined>; isTTY?: boolean },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    cwd: options.cwd,
  };
  try {
    const code = await runProgram(argv, io, '0.0.0-test');
    return { code, stdout, stderr };
  } catch (error) {
    if (error instanceof UserError) return { code: error.exitCode, stdout, stderr: `${stderr}dactl: ${error.message}\n` };
    throw error;
  }
}

export async function tempProject(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dactl-orgs-'));
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return dir;
}

export async function copyInto(source: string, target: string): Promise<void> {
  await cp(source, target, { recursive: true });
}

export const getUserSpec = (overrides: { name?: string; url?: string; extraInput?: boolean } = {}) => `name: ${overrides.name ?? 'Get User'}
integration: purecloud-data-actions
request:
  method: GET
  url: '${overrides.url ?? '/api/v2/users/{userId}'}'
inputs:
  userId:
    type: string
    required: true
${overrides.extraInput ? '  expand:\n    type: string\n' : ''}outputs:
  email:
    type: string
    from: $.email
`;
