import { access } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importExports } from '../../decompile/import-exports.js';
import { specToYaml } from '../../decompile/spec-yaml.js';
import { ExitCode, hasErrors } from '../../diagnostics/index.js';
import { writeFileAtomic } from '../../files/atomic-write.js';
import { formatCompact } from '../../formatters/compact.js';
import type { CliIo } from '../io.js';

export interface ImportCommandOptions {
  out: string;
  stripExportSuffix?: boolean;
  force?: boolean;
}

const actionSchema = fileURLToPath(new URL('../../../schemas/action.schema.json', import.meta.url));

export async function runImport(paths: string[], options: ImportCommandOptions, io: CliIo): Promise<number> {
  const result = await importExports(
    paths.map((p) => resolve(io.cwd, p)),
    { stripExportSuffix: options.stripExportSuffix === true },
  );
  const outDir = resolve(io.cwd, options.out);
  const schemaReference = relative(outDir, actionSchema).split('\\').join('/');
  const written = new Set<string>();
  let refused = 0;
  for (const action of result.actions) {
    const target = join(outDir, action.fileName);
    if (written.has(target) || (!options.force && (await exists(target)))) {
      io.stderr(`${relative(io.cwd, action.source)}: ${relative(io.cwd, target)} already exists; not overwritten (use --force)\n`);
      refused++;
      continue;
    }
    writeFileAtomic(target, specToYaml(action.spec, schemaReference));
    written.add(target);
    io.stdout(`${relative(io.cwd, action.source)} → ${relative(io.cwd, target)}\n`);
  }
  if (result.diagnostics.length) io.stderr(formatCompact(result.diagnostics, io.cwd));
  io.stdout(`imported ${written.size} action${written.size === 1 ? '' : 's'}\n`);
  return hasErrors(result.diagnostics) || refused ? ExitCode.findings : ExitCode.ok;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
