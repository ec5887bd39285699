import { readFileSync } from 'node:fs';
import { CommanderError } from '@commander-js/extra-typings';
import { ExitCode, UserError } from '../diagnostics/errors.js';
import { environmentError } from '../files/file-system-error.js';
import type { CliIo } from './io.js';
import { createProgram } from './program.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The whole command line: runs `argv` (without node and the script) against `io` and answers the exit code. A
 * `UserError` is one line on stderr; any other exception is a bug, reported with its stack and exit code 2.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = createProgram(io, version, (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (caught) {
    const error = environmentError(caught) ?? caught;
    if (error instanceof CommanderError) return benignExits.includes(error.code) ? ExitCode.ok : ExitCode.usage;
    if (error instanceof UserError) {
      io.stderr(`dactl: ${error.message}\n`);
      return error.exitCode;
    }
    if (isModuleLoadFailure(error)) {
      // Node reports a module it could not open for want of file descriptors as one it cannot find.
      io.stderr(`dactl: cannot load ${(error as Error).message.replace(/^Cannot find (package|module) '([^']+)'.*$/s, '$2')}: too many files are open (EMFILE), or the installation is incomplete; raise the limit (ulimit -n 4096) or reinstall, and run again\n`);
      return ExitCode.usage;
    }
    io.stderr(`dactl: ${internalErrorMarker}: ${(error as Error)?.stack ?? String(error)}\nThis is a bug in dactl; please report it with the command you ran.\n`);
    return ExitCode.usage;
  }
}

function isModuleLoadFailure(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_MODULE_NOT_FOUND';
}

/** Commander's own exits that are answers, not usage errors (it has printed the message already). */
const benignExits = ['commander.helpDisplayed', 'commander.version', 'commander.help'];

/** What stderr says before the stack of an exception that is a bug. */
export const internalErrorMarker = 'internal error';
