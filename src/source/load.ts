import { isAlias, isPair, isScalar, LineCounter, parseDocument, visit, YAMLError, type Document } from 'yaml';
import type { Diagnostic, Finding } from '../diagnostics/index.js';
import { yamlCheckId } from '../diagnostics/registry.js';
import { explainSyntaxErrors } from './syntax-hints.js';
import { maxSourceBytes, readDefinitionFile } from './read-definition.js';
import { SourceDocument } from './source-document.js';

export { maxSourceBytes } from './read-definition.js';

const maxAliasCount = 100;
const unsafeKeys = new Set(['__proto__', 'constructor', 'prototype']);

export interface LoadedSource {
  source: SourceDocument;
  /** The plain data, or undefined when the file could not be read as YAML/JSON. */
  value: unknown;
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  /** Report `__proto__`, `constructor` and `prototype` keys (specs), rather than keep them as data. */
  rejectUnsafeKeys?: boolean;
}

export async function loadSourceFile(file: string, options: LoadOptions = {}): Promise<LoadedSource> {
  let read;
  try {
    read = readDefinitionFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined || !(code in unreadableReasons)) throw error;
    return failed(file, '', { ruleId: 'file-unreadable', message: `cannot read the file: ${unreadableReasons[code]}` });
  }
  return 'tooLarge' in read ? tooLarge(file, read.tooLarge) : parseSource(file, read.bytes, options);
}

const unreadableReasons: Record<string, string> = {
  ENOENT: 'it does not exist',
  ELOOP: 'its symbolic links form a loop',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'its path is too long',
  EIO: 'the disk reported an I/O error',
};

function tooLarge(file: string, size: number): LoadedSource {
  return failed(file, '', {
    ruleId: 'file-too-large',
    message: `file is ${(size / 1048576).toFixed(1)} MB; definitions are limited to ${maxSourceBytes / 1048576} MB: split it or remove the embedded data`,
  });
}

export function parseSource(file: string, bytes: Uint8Array | string, options: LoadOptions = {}): LoadedSource {
  const decoded = typeof bytes === 'string' ? { text: bytes } : decodeUtf8(bytes);
  if ('invalidAt' in decoded) {
    const prefix = new TextDecoder().decode((bytes as Uint8Array).slice(0, decoded.invalidAt));
    const lines = prefix.split('\n');
    const line = lines.length;
    const column = (lines[lines.length - 1]?.length ?? 0) + 1;
    return {
      source: new SourceDocument(file, '', null, new LineCounter()),
      value: undefined,
      diagnostics: [
        {
          ruleId: 'file-encoding',
          severity: 'error',
          message: `byte ${decoded.invalidAt} is not valid UTF-8; save the file as UTF-8`,
          file,
          path: [],
          range: { start: { line, column }, end: { line, column: column + 1 } },
        },
      ],
    };
  }
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  const lineCounter = new LineCounter();
  let document: Document.Parsed;
  try {
    // At the default log level the yaml library prints its own process warnings; the loader reports, never prints.
    document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'error' });
  } catch (error) {
    if (isStackOverflow(error)) return failed(file, text, tooDeep);
    return failed(file, text, { ruleId: 'yaml-syntax', message: `cannot parse: ${(error as Error).message}` });
  }
  const source = new SourceDocument(file, text, document, lineCounter);
  const diagnostics: Diagnostic[] = [];
  for (const problem of [...document.errors, ...document.warnings]) diagnostics.push(yamlProblem(source, problem));
  if (diagnostics.some((d) => d.severity === 'error')) return { source, value: undefined, diagnostics: explainSyntaxErrors(file, text, diagnostics) };

  if (options.rejectUnsafeKeys) diagnostics.push(...unsafeKeyProblems(source, document));
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount });
  } catch (error) {
    if (isStackOverflow(error)) {
      diagnostics.push({ ...tooDeep, severity: 'error', file, path: [], range: source.rangeOfOffsets(0, 0) });
      return { source, value: undefined, diagnostics };
    }
    const alias = firstAlias(document);
    if ((error as Error).message.startsWith('Unresolved alias')) {
      const range = source.rangeOfOffsets(alias?.[0] ?? 0, alias?.[1] ?? 0);
      const unresolved: Diagnostic = { ruleId: 'yaml-unresolved-alias', severity: 'error', message: 'an alias (*name) names no anchor (&name) before it', file, path: [], range };
      return { source, value: undefined, diagnostics: explainSyntaxErrors(file, text, [...diagnostics, unresolved]) };
    }
    diagnostics.push({
      ruleId: 'yaml-alias-bomb',
      severity: 'error',
      message: `aliases expand to too many nodes (${(error as Error).message.split('.')[0]}); remove the aliases`,
      file,
      path: [],
      range: source.rangeOfOffsets(alias?.[0] ?? 0, alias?.[1] ?? 0),
    });
  }
  return { source, value, diagnostics };
}

function decodeUtf8(bytes: Uint8Array): { text: string } | { invalidAt: number } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { invalidAt: firstInvalidUtf8Byte(bytes) };
  }
}

function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.slice(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return i;
}

function yamlProblem(source: SourceDocument, problem: YAMLError): Diagnostic {
  const [start, end] = problem.pos;
  const duplicate = problem.code === 'DUPLICATE_KEY';
  if (isStackOverflow(problem)) {
    return { ...tooDeep, severity: 'error', file: source.file, path: [], range: source.rangeOfOffsets(start, end) };
  }
  const message = duplicate
    ? 'duplicate key: each key may appear once in a map; remove or rename one of them'
    : `${problem.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`;
  return {
    ruleId: yamlCheckId(problem.code),
    severity: problem.name === 'YAMLWarning' ? 'warn' : 'error',
    message,
    file: source.file,
    path: [],
    range: source.rangeOfOffsets(start, end),
  };
}

const tooDeep = {
  ruleId: 'yaml-too-deep',
  message: 'the data nests too deeply to read (the parser ran out of stack here); definitions need a few levels: flatten it',
} as const;

/** The yaml library reports its own stack overflow on deep nesting as a parse error with the RangeError's text. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError || (error instanceof Error && error.message.includes('Maximum call stack size exceeded'));
}

function unsafeKeyProblems(source: SourceDocument, document: Document.Parsed): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(document, {
    Pair(_, pair, ancestors) {
      if (isPair(pair) && isScalar(pair.key) && unsafeKeys.has(String(pair.key.value)) && pair.key.range && !inDataMap(ancestors)) {
        found.push({
          ruleId: 'unsafe-key',
          severity: 'error',
          message: `the key "${String(pair.key.value)}" is not allowed in a definition; rename it`,
          file: source.file,
          path: [],
          range: source.rangeOfOffsets(pair.key.range[0], pair.key.range[1]),
        });
      }
    },
  });
  return found;
}

/**
 * Maps whose keys are the platform's data, not dactl's: header names, translation keys, and anything inside a raw
 * JSON Schema contract. An export may use any name there, and the compiler copies them as own properties.
 */
const dataMaps = [['request', 'headers'], ['response', 'translationMap'], ['response', 'translationMapDefaults'], ['contract']];

function inDataMap(ancestors: readonly unknown[]): boolean {
  const keys = ancestors.filter(isPair).map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''));
  return dataMaps.some((prefix) => prefix.length <= keys.length && prefix.every((key, i) => keys[i] === key));
}

function firstAlias(document: Document.Parsed): [number, number] | undefined {
  let range: [number, number] | undefined;
  visit(document, {
    Alias(_, node) {
      if (isAlias(node) && node.range) {
        range = [node.range[0], node.range[1]];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return range;
}

function failed(file: string, text: string, problem: Pick<Finding, 'ruleId' | 'message'>): LoadedSource {
  const source = new SourceDocument(file, text, null, new LineCounter());
  return {
    source,
    value: undefined,
    diagnostics: [{ ...problem, severity: 'error', file, path: [], range: source.rangeOfOffsets(0, 0) }],
  };
}

