import { CST, isMap, isPair, isScalar, isSeq, LineCounter, Parser, parseDocument, Scalar, type Node } from 'yaml';
import type { PathSegment } from '../diagnostics/index.js';
import { sourceOffsetInScalar } from '../source/scalar-offsets.js';
import type { SourceFix } from './run-lint.js';

export interface FixOutcome {
  text: string;
  applied: SourceFix[];
}

/**
 * Applies fixes to the file's text, one string scalar at a time. A span edit is made in place inside
 * the scalar's source, so the rest of the file (comments, layout, quoting) is untouched; when that
 * cannot express the new value (e.g. a plain scalar that must become quoted), yaml's CST rewrites just
 * that scalar. Every edit is checked by parsing the result; one that does not give the intended value
 * is skipped.
 */
export function applyFixes(file: string, text: string, fixes: readonly SourceFix[]): FixOutcome {
  const json = /\.json$/i.test(file);
  const groups = new Map<string, SourceFix[]>();
  for (const fix of fixes) {
    const key = JSON.stringify(fix.path);
    groups.set(key, [...(groups.get(key) ?? []), fix]);
  }
  const applied: SourceFix[] = [];
  let current = text;
  for (const group of groups.values()) {
    const path = (group[0] as SourceFix).path;
    const node = scalarAt(current, path);
    if (!node || typeof node.value !== 'string') continue;
    const edits = nonOverlapping(group);
    const expected = edits.reduce((value, e) => value.slice(0, e.span.offset) + e.text + value.slice(e.span.offset + e.span.length), node.value);
    const candidates = json ? [() => replaceJsonScalar(current, node, expected)] : [() => editInPlace(current, node, edits), () => rewriteScalar(current, node, expected)];
    for (const candidate of candidates) {
      const next = candidate();
      if (next !== undefined && scalarAt(next, path)?.value === expected) {
        current = next;
        applied.push(...edits);
        break;
      }
    }
  }
  return { text: current, applied };
}

/** Edits sorted from last to first, dropping any that overlaps one already kept. */
function nonOverlapping(fixes: readonly SourceFix[]): SourceFix[] {
  const sorted = [...fixes].sort((a, b) => b.span.offset - a.span.offset);
  const kept: SourceFix[] = [];
  for (const fix of sorted) {
    const last = kept[kept.length - 1];
    if (last && fix.span.offset + fix.span.length > last.span.offset) continue;
    kept.push(fix);
  }
  return kept;
}

function editInPlace(text: string, node: Scalar, edits: readonly SourceFix[]): string | undefined {
  let result = text;
  for (const edit of edits) {
    const start = sourceOffsetInScalar(node, text, edit.span.offset);
    const end = sourceOffsetInScalar(node, text, edit.span.offset + edit.span.length);
    const escaped = escapeFor(node.type, edit.text);
    if (escaped === undefined) return undefined;
    result = result.slice(0, start) + escaped + result.slice(end);
  }
  return result;
}

function escapeFor(type: Scalar['type'], text: string): string | undefined {
  if (text.includes('\n')) return undefined;
  switch (type) {
    case Scalar.QUOTE_DOUBLE:
      return JSON.stringify(text).slice(1, -1);
    case Scalar.QUOTE_SINGLE:
      return text.replace(/'/g, "''");
    default:
      return text;
  }
}

function replaceJsonScalar(text: string, node: Scalar, value: string): string {
  const [start, end] = node.range ?? [0, 0];
  return text.slice(0, start) + JSON.stringify(value) + text.slice(end);
}

function rewriteScalar(text: string, node: Scalar, value: string): string | undefined {
  const start = node.range?.[0];
  const tokens = [...new Parser().parse(text)];
  let done = false;
  for (const document of tokens) {
    if (document.type !== 'document') continue;
    CST.visit(document, (item, path) => {
      for (const token of [item.key, item.value]) {
        if (!token || !CST.isScalar(token) || token.offset !== start) continue;
        const parent = CST.visit.parentCollection(document, path);
        CST.setScalarValue(token, value, { afterKey: token === item.value, inFlow: parent.type === 'flow-collection', implicitKey: false });
        done = true;
        return CST.visit.BREAK;
      }
      return undefined;
    });
  }
  return done ? tokens.map((token) => CST.stringify(token)).join('') : undefined;
}

function scalarAt(text: string, path: readonly PathSegment[]): Scalar | undefined {
  const document = parseDocument(text, { lineCounter: new LineCounter(), keepSourceTokens: false });
  if (document.errors.length) return undefined;
  let node: Node | null = document.contents as Node | null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      node = (pair?.value as Node | null) ?? null;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = (node.items[segment] as Node | undefined) ?? null;
    } else {
      return undefined;
    }
  }
  return isScalar(node) ? node : undefined;
}
