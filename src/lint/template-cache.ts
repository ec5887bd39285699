import { compileJsonPath, JsonPathSyntaxError, type CompiledPath } from '../jsonpath/index.js';
import { templateReferences, type TemplateReference } from '../velocity/index.js';

export type ParsedTemplate =
  | { ok: true; references: TemplateReference[] }
  | { ok: false; error: { message: string; offset: number } };

export type ParsedPath = { ok: true; path: CompiledPath } | { ok: false; error: JsonPathSyntaxError };

const limit = 5_000;
const templates = new Map<string, ParsedTemplate>();
const paths = new Map<string, ParsedPath>();

/** Actions share templates and paths (a project's actions are often near copies), so each is parsed once. */
export function parseTemplate(template: string): ParsedTemplate {
  return remember(templates, template, () => {
    const result = templateReferences(template);
    return Array.isArray(result)
      ? { ok: true, references: result }
      : { ok: false, error: { message: result.error.message, offset: result.error.offset } };
  });
}

export function parsePath(path: string): ParsedPath {
  return remember(paths, path, () => {
    try {
      return { ok: true, path: compileJsonPath(path) };
    } catch (error) {
      if (error instanceof JsonPathSyntaxError) return { ok: false, error };
      throw error;
    }
  });
}

function remember<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const value = compute();
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
  return value;
}
