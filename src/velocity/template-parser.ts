import { lineStarts } from './source-positions.js';
import type { TemplateTree } from './vtl-ast.js';
import { TemplateSyntaxError, parseVtl } from './vtl-parser.js';

export { TemplateSyntaxError };

export interface ParsedTemplate {
  source: string;
  tree: TemplateTree;
  lineStarts: number[];
}

export function parseTemplate(source: string): ParsedTemplate {
  return { source, tree: parseVtl(source), lineStarts: lineStarts(source) };
}

const MAX_CACHED = 1000;
const cache = new Map<string, ParsedTemplate | TemplateSyntaxError>();

/** Parsed templates by source text; syntax errors are cached too. */
export function cachedParse(source: string): ParsedTemplate {
  let entry = cache.get(source);
  if (entry === undefined) {
    try {
      entry = parseTemplate(source);
    } catch (error) {
      if (!(error instanceof TemplateSyntaxError)) throw error;
      entry = error;
    }
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(source, entry);
  }
  if (entry instanceof TemplateSyntaxError) throw entry;
  return entry;
}
