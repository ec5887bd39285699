import { lineStarts, offsetOf } from './source-positions.js';
import { parseFlat, type FlatItem, type Leveled, type VtlNode } from './velocityjs-internals.js';

export interface ParsedTemplate {
  source: string;
  asts: Leveled[];
  lineStarts: number[];
}

export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const BLOCK_TYPES = new Set(['if', 'foreach', 'macro', 'noescape', 'define', 'macro_body']);
const LINE_DIRECTIVES = new Set(['if', 'elseif', 'else', 'end', 'foreach', 'set', 'macro', 'break', 'stop', 'define', 'noescape']);
const TRAILING_NEWLINE = /^[ \t]*\r?\n/;
const WHITESPACE_ONLY = /^[ \t]*$/;

function isNode(item: FlatItem): item is VtlNode {
  return typeof item !== 'string';
}

/**
 * Velocity 1.7 whitespace gobbling: a directive swallows the rest of its line when only whitespace
 * follows; a `##` comment swallows its newline; `#set` swallows the indentation before it when a
 * token (not text) ends right before that indentation, as Velocity's lexer does.
 */
function gobble(flat: FlatItem[]): FlatItem[] {
  const out = flat.slice();
  for (let i = 0; i < out.length; i++) {
    const item = out[i];
    if (item === undefined || !isNode(item)) continue;
    const next = out[i + 1];
    if (item.type === 'comment' && String(item.value).startsWith('##') && typeof next === 'string') {
      out[i + 1] = next.replace(/^\r?\n/, '');
      continue;
    }
    if (!LINE_DIRECTIVES.has(item.type)) continue;
    if (typeof next === 'string' && TRAILING_NEWLINE.test(next)) out[i + 1] = next.replace(TRAILING_NEWLINE, '');
    if (item.type !== 'set') continue;
    let first = i;
    while (first > 0 && typeof out[first - 1] === 'string' && WHITESPACE_ONLY.test(out[first - 1] as string)) first--;
    if (first === 0 || isNode(out[first - 1] as FlatItem)) out.fill('', first, i);
  }
  return out;
}

function addSpans(flat: FlatItem[], starts: number[]): void {
  for (const item of flat) {
    if (!isNode(item) || !item.pos) continue;
    const start = offsetOf(starts, item.pos.first_line, item.pos.first_column);
    const end = offsetOf(starts, item.pos.last_line, item.pos.last_column);
    item.span = { start, end };
  }
}

function level(flat: FlatItem[]): Leveled[] {
  const root: Leveled[] = [];
  const stack: Leveled[][] = [root];
  for (const item of flat) {
    const top = stack[stack.length - 1] as Leveled[];
    if (!isNode(item)) {
      top.push(item);
      continue;
    }
    if (BLOCK_TYPES.has(item.type)) {
      const block: Leveled[] = [item];
      top.push(block);
      stack.push(block);
    } else if (item.type === 'end') {
      if (stack.length === 1) throw new TemplateSyntaxError('#end without a matching #if, #foreach, #macro or #define', item.span?.start ?? 0);
      stack.pop();
    } else if (item.type === 'elseif' || item.type === 'else') {
      const head = top[0];
      if (stack.length === 1 || typeof head !== 'object' || Array.isArray(head) || head.type !== 'if') {
        throw new TemplateSyntaxError(`#${item.type} outside #if`, item.span?.start ?? 0);
      }
      top.push(item);
    } else top.push(item);
  }
  if (stack.length > 1) {
    const head = (stack[stack.length - 1] as Leveled[])[0] as VtlNode;
    throw new TemplateSyntaxError(`#${head.type} is never closed with #end`, head.span?.start ?? 0);
  }
  return root;
}

interface JisonError {
  hash?: { loc?: { first_line: number; first_column: number }; expected?: string[]; text?: string };
}

export function parseTemplate(source: string): ParsedTemplate {
  const starts = lineStarts(source);
  let flat: FlatItem[];
  try {
    flat = parseFlat(source);
  } catch (error) {
    const loc = (error as JisonError).hash?.loc;
    const offset = loc ? offsetOf(starts, loc.first_line, loc.first_column) : 0;
    const expected = (error as JisonError).hash?.expected ?? [];
    const near = source.slice(offset, offset + 20).split('\n')[0] ?? '';
    const detail = expected.length > 0 ? `; expected ${expected.slice(0, 6).join(', ')}` : '';
    throw new TemplateSyntaxError(`Velocity syntax error near "${near}"${detail}`, offset);
  }
  addSpans(flat, starts);
  return { source, asts: level(gobble(flat)), lineStarts: starts };
}

const MAX_CACHED = 1000;
const cache = new Map<string, ParsedTemplate | TemplateSyntaxError>();

/** Parsed templates (and string literals) by source text; syntax errors are cached too. */
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
