import type { Diagnostic } from '../diagnostics/index.js';
import { schemaProblemOf } from '../diagnostics/registry.js';
import { loadSourceFile, type LoadedSource } from '../source/index.js';
import type { SourceDocument } from '../source/source-document.js';
import { schemaFindings } from './schema-findings.js';
import { schemaValidator } from './validators.js';

export interface LoadedSpec<T> {
  file: string;
  source: SourceDocument;
  /** Present when the file parsed and matched the schema's shape. */
  spec: T | undefined;
  diagnostics: Diagnostic[];
}

/** Reads a YAML spec and checks its shape against `schemas/<schemaName>.schema.json`. */
export async function loadSpec<T>(file: string, schemaName: string): Promise<LoadedSpec<T>> {
  return checkSpecShape<T>(await loadSourceFile(file, { rejectUnsafeKeys: true }), schemaName);
}

export function checkSpecShape<T>(loaded: LoadedSource, schemaName: string): LoadedSpec<T> {
  const { source, value } = loaded;
  const diagnostics = [...loaded.diagnostics];
  if (value === undefined || diagnostics.some((d) => d.severity === 'error')) {
    return { file: source.file, source, spec: undefined, diagnostics };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.push(
      source.locate({
        ruleId: 'spec-type',
        severity: 'error',
        message: 'a spec must be a YAML map (key: value lines) at the top level',
        path: [],
      }),
    );
    return { file: source.file, source, spec: undefined, diagnostics };
  }
  const shape = schemaFindings(schemaValidator(schemaName), value);
  diagnostics.push(...shape.map((f) => source.locate(f)));
  // Unknown keys alone leave the shape usable, so later stages still run and report in the same pass.
  const usable = shape.every((f) => schemaProblemOf(f.ruleId) === 'unknown-key');
  return { file: source.file, source, spec: usable ? (value as T) : undefined, diagnostics };
}
