import type { Diagnostic } from '../diagnostics/index.js';
import { dataActionExport, type DataActionExport } from '../export/data-action-export.js';
import { assignFileStems } from '../export/file-stems.js';
import { schemaFindings } from '../spec/schema-findings.js';
import { schemaValidator } from '../spec/validators.js';
import type { ActionSpec } from '../spec/action-spec.js';
import { loadSourceFile } from '../source/index.js';
import { findFiles, type UnmatchedPath } from '../project/find-files.js';
import { completeExport } from './complete-export.js';
import { decompileExport, type DecompileOptions } from './decompile-export.js';
import { describeLift, liftExport } from './lift-export.js';

export interface ImportedAction {
  /** The export file it came from. */
  source: string;
  /** Suggested spec file name: `<slug>.action.yaml`. */
  fileName: string;
  spec: ActionSpec;
  /** Worth telling the admin: keys filled in, a static action, a name that differs from another only in case. */
  notes: string[];
}

export interface ImportResult {
  actions: ImportedAction[];
  diagnostics: Diagnostic[];
  /** Arguments that named no export file (a usage error). */
  unmatched: UnmatchedPath[];
}

/** Reads export files (or folders of them) and decompiles each into a spec with a file name of its own. */
export interface ImportOptions extends DecompileOptions {
  /** Structured specs where they behave like the export (`--lift`), each with its verdict. */
  lift?: boolean;
}

export async function importExports(paths: readonly string[], options: ImportOptions = {}): Promise<ImportResult> {
  const { files, unmatched } = await findFiles(paths, { cwd: process.cwd(), wanted: (path) => path.toLowerCase().endsWith('.json') });
  const result: ImportResult = { actions: [], diagnostics: [], unmatched };
  const read: Array<{ source: string; spec: ActionSpec; notes: string[]; name: string; qualifier: string }> = [];
  for (const file of files) {
    const found = await readExportFile(file, result.diagnostics);
    if (!found) continue;
    const lifted = options.lift ? liftExport(found.exported, options) : undefined;
    const spec = lifted?.spec ?? decompileExport(found.exported, options);
    const notes = found.filledIn.length ? [`filled in what the export lacks: ${found.filledIn.join(', ')}`] : [];
    if (lifted) notes.unshift(describeLift(lifted));
    if (spec.static) notes.push('a built-in (static) action: kept as a reference for flows, never pushed');
    read.push({ source: file, spec, notes, name: spec.name, qualifier: spec.integration });
  }
  const stems = assignFileStems(read);
  for (const item of read) {
    const { stem, caseTwin } = stems.get(item)!;
    if (caseTwin !== undefined) item.notes.push(`its name differs from "${caseTwin}" only in case; written to a file name of its own`);
    result.actions.push({ source: item.source, fileName: `${stem}.action.yaml`, spec: item.spec, notes: item.notes });
  }
  result.actions.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  return result;
}

/** An export file parsed and checked against the export format; problems are reported, not thrown. */
export async function readExport(file: string, diagnostics: Diagnostic[]): Promise<DataActionExport | undefined> {
  return (await readExportFile(file, diagnostics))?.exported;
}

export interface ReadExport {
  exported: DataActionExport;
  /** Optional keys the file lacked, filled in as the platform reads them. */
  filledIn: string[];
}

export async function readExportFile(file: string, diagnostics: Diagnostic[]): Promise<ReadExport | undefined> {
  const loaded = await loadSourceFile(file);
  diagnostics.push(...loaded.diagnostics);
  if (loaded.value === undefined || loaded.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const completed = completeExport(loaded.value);
  const problems = schemaFindings(schemaValidator('data-action-export'), completed.value, 'export');
  if (problems.length) {
    diagnostics.push(
      ...problems.map((p) =>
        loaded.source.locate({ ...p, ruleId: 'not-an-export', message: `not a data-action export: ${p.message}` }),
      ),
    );
    return undefined;
  }
  const exported = completed.value as DataActionExport;
  return { exported: completed.filledIn.length ? inExportOrder(exported) : exported, filledIn: completed.filledIn };
}

function inExportOrder(exported: DataActionExport): DataActionExport {
  const { request, response } = exported.config;
  return dataActionExport({
    name: exported.name,
    integrationType: exported.integrationType,
    actionType: exported.actionType,
    request,
    response,
    inputSchema: exported.contract.input.inputSchema,
    successSchema: exported.contract.output.successSchema,
    secure: exported.secure,
  });
}
