#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { ExitCode } from './diagnostics/errors.js';
import { environmentError } from './files/file-system-error.js';
import { processIo } from './cli/io.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

async function run(): Promise<number> {
  let io;
  try {
    io = processIo();
  } catch (error) {
    process.stderr.write(`dactl: ${environmentError(error)?.message ?? String(error)}\n`);
    return ExitCode.usage;
  }
  const argv = process.argv.slice(2);
  // Answered before the command table is loaded: `--version` is what scripts call most often.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    io.stdout(`${version}\n`);
    return ExitCode.ok;
  }
  try {
    // Loaded here so that even loading dactl's own modules (under a low `ulimit -n`) fails in one line.
    const { main } = await import('./cli/main.js');
    return await main(argv, io);
  } catch (caught) {
    io.stderr(`dactl: ${environmentError(caught)?.message ?? String(caught)}\n`);
    return ExitCode.usage;
  }
}

process.exitCode = await run();
