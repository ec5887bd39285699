import type { Diagnostic } from '../../diagnostics/index.js';
import { parseSource } from '../../source/load.js';
import type { SourceDocument } from '../../source/source-document.js';
import { archyFlowType, type ArchyFlowType } from './flow-types.js';
import { preprocessSubstitutions, type Substitution } from './substitutions.js';

export interface ArchyDocument {
  file: string;
  /** The text as written. */
  text: string;
  flowType: ArchyFlowType;
  /** The root key as written (`inboundCall`, or `inboundcall`). */
  rootKey: string;
  /** Positions resolve in the file as written; its text has substitutions replaced by same-length markers. */
  source: SourceDocument;
  /** The value under the root key, when the file parsed. */
  flow: Record<string, unknown> | undefined;
  substitutions: Substitution[];
  diagnostics: Diagnostic[];
}

/** The flow type named by the file's first top-level key, read from the text (an unsubstituted file may not parse). */
export function archyRootKey(text: string): { key: string; type: ArchyFlowType } | undefined {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (const line of lines) {
    if (/^\s*(#.*)?\r?$/.test(line) || line.startsWith('---') || line.startsWith('%')) continue;
    const match = /^["']?([A-Za-z]+)["']?\s*:/.exec(line);
    const type = match ? archyFlowType(match[1]!) : undefined;
    return type && match ? { key: match[1]!, type } : undefined;
  }
  return undefined;
}

export function isArchyText(text: string): boolean {
  return archyRootKey(text) !== undefined;
}

/** Reads an Archy flow file as Archy does: substitutions first, then YAML. Undefined when it is not one. */
export function readArchy(file: string, text: string): ArchyDocument | undefined {
  const root = archyRootKey(text);
  if (!root) return undefined;
  const preprocessed = preprocessSubstitutions(text);
  const loaded = parseSource(file, preprocessed.text, { rejectUnsafeKeys: true });
  const diagnostics = [
    ...preprocessed.problems.map((p) => ({ ruleId: p.ruleId, severity: p.severity, message: p.message, file, path: [], range: loaded.source.rangeOfOffsets(p.offset, p.offset + 2) })),
    ...loaded.diagnostics,
  ];
  const value = loaded.value as Record<string, unknown> | null | undefined;
  let flow: Record<string, unknown> | undefined;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const body = value[root.key];
    flow = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    for (const key of Object.keys(value).filter((k) => k !== root.key)) {
      diagnostics.push(loaded.source.locate({ ruleId: 'archy-unknown-key', severity: 'error', message: `a flow file has one root key, the flow type (${root.key}); move or remove "${key}"`, path: [key], at: 'key' }));
    }
  }
  return { file, text, flowType: root.type, rootKey: root.key, source: loaded.source, flow, substitutions: preprocessed.substitutions, diagnostics };
}
