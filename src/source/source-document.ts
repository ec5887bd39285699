import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node, type Pair } from 'yaml';
import type { Diagnostic, Finding, PathSegment, Position, Range } from '../diagnostics/index.js';
import { sourceOffsetInScalar } from './scalar-offsets.js';

interface Located {
  node: Node | null;
  pair: Pair | null;
  /** How many leading segments of the requested path were found. */
  depth: number;
}

/**
 * A parsed YAML or JSON file that keeps its positions: stages speak in JSON paths, and this is the one
 * place that turns a path (plus an optional span inside a scalar) into 1-based line and column.
 */
export class SourceDocument {
  constructor(
    readonly file: string,
    readonly text: string,
    readonly document: Document.Parsed | null,
    private readonly lineCounter: LineCounter,
  ) {}

  position(offset: number): Position {
    const { line, col } = this.lineCounter.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { line: Math.max(1, line), column: Math.max(1, col) };
  }

  rangeOfOffsets(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  locate(finding: Finding): Diagnostic {
    return {
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      file: this.file,
      path: finding.path,
      range: this.rangeOf(finding.path, finding.at, finding.span),
    };
  }

  rangeOf(path: readonly PathSegment[], at: 'key' | 'value' = 'value', span?: Finding['span']): Range {
    if (!this.document) return this.rangeOfOffsets(0, 0);
    const { node, pair, depth } = this.find(path);
    const exact = depth === path.length;
    if (exact && at === 'key' && pair && isScalar(pair.key) && pair.key.range) {
      return this.rangeOfOffsets(pair.key.range[0], pair.key.range[1]);
    }
    if (exact && span && node && isScalar(node) && node.range) {
      const start = sourceOffsetInScalar(node, this.text, span.offset);
      const end = sourceOffsetInScalar(node, this.text, span.offset + Math.max(1, span.length));
      return this.rangeOfOffsets(start, end);
    }
    if (!exact && pair && isScalar(pair.key) && pair.key.range && !isScalar(node)) {
      // The path continues below a collection that lacks the key: point at the collection's own key.
      return this.rangeOfOffsets(pair.key.range[0], pair.key.range[1]);
    }
    const range = node?.range;
    if (!range) return this.rangeOfOffsets(0, 0);
    return this.rangeOfOffsets(range[0], firstLineEnd(this.text, range[0], range[1]));
  }

  private find(path: readonly PathSegment[]): Located {
    let node: Node | null = (this.document?.contents as Node | null) ?? null;
    let pair: Pair | null = null;
    let depth = 0;
    for (const segment of path) {
      let next: Node | null = null;
      let nextPair: Pair | null = null;
      if (isMap(node)) {
        for (const item of node.items) {
          if (isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment)) {
            nextPair = item;
            next = (item.value as Node | null) ?? (item.key as Node);
            break;
          }
        }
      } else if (isSeq(node) && typeof segment === 'number') {
        next = (node.items[segment] as Node | undefined) ?? null;
      }
      if (!next) break;
      node = next;
      if (nextPair) pair = nextPair;
      else pair = null;
      depth++;
    }
    return { node, pair, depth };
  }
}

function firstLineEnd(text: string, start: number, end: number): number {
  const newline = text.indexOf('\n', start);
  const limit = newline >= 0 && newline < end ? newline : end;
  return text[limit - 1] === '\r' ? limit - 1 : limit;
}
