import type { Diagnostic } from '../diagnostics/index.js';
import { exportSlug, type DataActionExport } from '../export/data-action-export.js';
import { schemaFindings } from '../spec/schema-findings.js';
import { schemaValidator } from '../spec/validators.js';
import type { ActionSpec } from '../spec/action-spec.js';
import { loadSourceFile } from '../source/index.js';
import { findFiles, type UnmatchedPath } from '../project/find-files.js';
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
  /** Arguments that named no export file (a usage error). */
  unmatched: UnmatchedPath[];
}

/** Reads export files (or folders of them) and decompiles each into a spec. */
export async function importExports(paths: readonly string[], options: DecompileOptions = {}): Promise<ImportResult> {
  const { files, unmatched } = await findFiles(paths, { cwd: process.cwd(), wanted: (path) => path.toLowerCase().endsWith('.json') });
  const result: ImportResult = { actions: [], diagnostics: [], unmatched };
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
