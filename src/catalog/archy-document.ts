import type { Diagnostic } from '../diagnostics/index.js';
import { parseSource } from '../source/load.js';

/** An Archy flow file: its one root key (the flow type) and what is under it. */
export interface ArchyDocument {
  file: string;
  flowType: string;
  name: string;
  body: Record<string, unknown>;
}

const containerKeys = ['states', 'tasks', 'menus', 'bots', 'startUpTaskActions'];

/**
 * `{{key}}` substitutions are replaced by text before YAML parsing (Archy and CX as Code do the same with real
 * values); these markers keep the key readable and stay a plain scalar wherever the placeholder stood.
 */
const open = '\u27e6';
const close = '\u27e7';

export function maskPlaceholders(text: string): string {
  return text.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (_, key: string) => `${open}${key}${close}`);
}

/** Marked placeholders back as `{{key}}`, for display. */
export function unmaskPlaceholders(text: string): string {
  return text.replace(/\u27e6([^\u27e7]*)\u27e7/g, '{{$1}}');
}

export type ArchyRead = { document: ArchyDocument; diagnostics: Diagnostic[] } | { document: undefined; diagnostics: Diagnostic[] };

/** Reads an Archy flow file; `undefined` when the text is not one (a diagnostic says why when it is broken YAML). */
export function readArchyFlow(file: string, text: string): ArchyRead {
  const loaded = parseSource(file, maskPlaceholders(text));
  if (loaded.diagnostics.some((d) => d.severity === 'error')) return { document: undefined, diagnostics: loaded.diagnostics };
  const document = archyDocument(file, loaded.value);
  return { document, diagnostics: loaded.diagnostics };
}

/** True when the value has the shape of an Archy flow: one root key holding a named flow with a container. */
export function archyDocument(file: string, value: unknown): ArchyDocument | undefined {
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const flowType = keys[0]!;
  const body = value[flowType];
  if (!isRecord(body) || typeof body.name !== 'string') return undefined;
  if (!containerKeys.some((key) => key in body)) return undefined;
  return { file, flowType, name: unmaskPlaceholders(body.name), body };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
