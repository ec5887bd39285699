import { parseSource } from './load.js';
import { SourceDocument } from './source-document.js';

/**
 * A SourceDocument for text already known to parse, parsed only when a position is first asked for: a build that
 * takes an action from its cache needs the YAML tree only to place a new diagnostic.
 */
export function deferredSource(file: string, text: string): SourceDocument {
  let parsed: SourceDocument | undefined;
  const real = (): SourceDocument => (parsed ??= parseSource(file, text, { rejectUnsafeKeys: true }).source);
  return new Proxy(Object.create(SourceDocument.prototype) as SourceDocument, {
    get(_, key) {
      if (key === 'file') return file;
      if (key === 'text') return text;
      const value: unknown = Reflect.get(real(), key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(real()) : value;
    },
  });
}
