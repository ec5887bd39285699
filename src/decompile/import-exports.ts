import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { exportSlug, type DataActionExport } from '../export/data-action-export.js';
import { schemaFindings } from '../spec/schema-findings.js';
import { schemaValidator } from '../spec/validators.js';
import type { ActionSpec } from '../spec/action-spec.js';
import { loadSourceFile } from '../source/index.js';
import { decompileExport, type DecompileOptions } from './decompile-export.js';

export interface ImportedAction {
  /** The export file it came from. */
  source: string;
  /** Suggested spec file name: `<slug>.action.yaml`. */
  fileName: string;
  spec: ActionSpec;
}

export interface ImportResult {
  actions: ImportedAction[];
  diagnostics: Diagnostic[];
}

/** Reads export files (or folders of them) and decompiles each into a spec. */
export async function importExports(paths: readonly string[], options: DecompileOptions = {}): Promise<ImportResult> {
  const files = (await Promise.all(paths.map(jsonFiles))).flat();
  const result: ImportResult = { actions: [], diagnostics: [] };
  for (const file of files) {
    const exported = await readExport(file, result.diagnostics);
    if (!exported) continue;
    const spec = decompileExport(exported, options);
    result.actions.push({ source: file, fileName: `${exportSlug(spec.name)}.action.yaml`, spec });
  }
  return result;
}

/** An export file parsed and checked against the export format; problems are reported, not thrown. */
export async function readExport(file: string, diagnostics: Diagnostic[]): Promise<DataActionExport | undefined> {
  const loaded = await loadSourceFile(file);
  diagnostics.push(...loaded.diagnostics);
  if (loaded.value === undefined || loaded.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const problems = schemaFindings(schemaValidator('data-action-export'), loaded.value, 'export');
  if (problems.length) {
    diagnostics.push(
      ...problems.map((p) =>
        loaded.source.locate({ ...p, ruleId: 'not-an-export', message: `not a data-action export: ${p.message}` }),
      ),
    );
    return undefined;
  }
  return loaded.value as DataActionExport;
}

async function jsonFiles(path: string): Promise<string[]> {
  // A path that cannot be read is left to loadSourceFile, which reports why as a diagnostic.
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
