import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importExports } from '../../decompile/import-exports.js';
import { specToYaml } from '../../decompile/spec-yaml.js';
import { ExitCode, hasErrors } from '../../diagnostics/index.js';
import { writeFileAtomic } from '../../files/atomic-write.js';
import { formatCompact } from '../../formatters/compact.js';
import { describeUnmatched } from '../../project/find-files.js';
import type { CliIo } from '../io.js';

export interface ImportCommandOptions {
  out: string;
  keepExportSuffix?: boolean;
  /** Accepted for older scripts: dropping the suffix is the default. */
  stripExportSuffix?: boolean;
  force?: boolean;
  lift?: boolean;
}

const actionSchema = fileURLToPath(new URL('../../../schemas/action.schema.json', import.meta.url));

export async function runImport(paths: string[], options: ImportCommandOptions, io: CliIo): Promise<number> {
  const result = await importExports(
    paths.map((p) => resolve(io.cwd, p)),
    { stripExportSuffix: options.keepExportSuffix !== true, lift: options.lift === true },
  );
  if (result.unmatched.length) {
    for (const unmatched of result.unmatched) io.stderr(`dactl import: ${describeUnmatched(unmatched)}\n`);
    return ExitCode.usage;
  }
  const outDir = resolve(io.cwd, options.out);
  const schemaReference = relative(outDir, actionSchema).split('\\').join('/');
  // Compared without case: on macOS and Windows `Get-User.action.yaml` is `get-user.action.yaml`.
  const existing = new Map((await filesIn(outDir)).map((name) => [name.toLowerCase(), name]));
  let written = 0;
  let refused = 0;
  for (const action of result.actions) {
    const present = existing.get(action.fileName.toLowerCase());
    const target = join(outDir, present ?? action.fileName);
    if (present !== undefined && !options.force) {
      io.stderr(`${relative(io.cwd, action.source)}: ${relative(io.cwd, target)} already exists; not overwritten (use --force)\n`);
      refused++;
      continue;
    }
    writeFileAtomic(target, specToYaml(action.spec, schemaReference));
    written++;
    io.stdout(`${relative(io.cwd, action.source)} → ${relative(io.cwd, target)}${action.notes.map((note) => `; ${note}`).join('')}\n`);
  }
  if (result.diagnostics.length) io.stderr(formatCompact(result.diagnostics, io.cwd));
  io.stdout(`imported ${written} action${written === 1 ? '' : 's'}\n`);
  return hasErrors(result.diagnostics) || refused ? ExitCode.findings : ExitCode.ok;
}

async function filesIn(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}
