import { Scalar } from 'yaml';

/**
 * Maps an offset inside a scalar's decoded value to an offset in the source text, so an error found
 * in an expression (a JSONPath, a template) points at the right column of the YAML or JSON file.
 */
export function sourceOffsetInScalar(node: Scalar, source: string, valueOffset: number): number {
  const [start, end] = node.range ?? [0, 0];
  switch (node.type) {
    case Scalar.QUOTE_DOUBLE:
      return walkDoubleQuoted(source, start + 1, end, valueOffset);
    case Scalar.QUOTE_SINGLE:
      return walkSingleQuoted(source, start + 1, end, valueOffset);
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED:
      return walkBlock(source, start, end, valueOffset);
    default:
      return walkPlain(source, start, end, valueOffset);
  }
}

function walkPlain(source: string, start: number, end: number, target: number): number {
  let value = 0;
  let i = start;
  while (i < end && value < target) {
    if (source[i] === '\n' || (source[i] === '\r' && source[i + 1] === '\n')) {
      i += source[i] === '\r' ? 2 : 1;
      while (i < end && (source[i] === ' ' || source[i] === '\t')) i++;
    } else {
      i++;
    }
    value++;
  }
  return i;
}

function walkSingleQuoted(source: string, start: number, end: number, target: number): number {
  let value = 0;
  let i = start;
  while (i < end && value < target) {
    i += source[i] === "'" && source[i + 1] === "'" ? 2 : 1;
    value++;
  }
  return i;
}

const hexEscapeLength: Record<string, number> = { x: 2, u: 4, U: 8 };

function walkDoubleQuoted(source: string, start: number, end: number, target: number): number {
  let value = 0;
  let i = start;
  while (i < end && value < target) {
    const ch = source[i];
    if (ch === '\\') {
      const kind = source[i + 1] ?? '';
      const hex = hexEscapeLength[kind];
      if (hex !== undefined) {
        const code = parseInt(source.slice(i + 2, i + 2 + hex), 16);
        i += 2 + hex;
        value += code > 0xffff ? 2 : 1;
        continue;
      }
      i += 2;
    } else if (ch === '\n' || ch === '\r') {
      i += ch === '\r' && source[i + 1] === '\n' ? 2 : 1;
      while (i < end && (source[i] === ' ' || source[i] === '\t')) i++;
    } else {
      i++;
    }
    value++;
  }
  return i;
}

function walkBlock(source: string, start: number, end: number, target: number): number {
  const headerEnd = source.indexOf('\n', start);
  if (headerEnd < 0 || headerEnd >= end) return start;
  let lineStart = headerEnd + 1;
  let indent = -1;
  let value = 0;
  while (lineStart < end) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const contentEnd = source[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    const line = source.slice(lineStart, contentEnd);
    if (indent < 0 && line.trim() !== '') indent = line.length - line.trimStart().length;
    const body = Math.max(0, indent);
    const length = Math.max(0, contentEnd - lineStart - body);
    if (target <= value + length) return lineStart + body + (target - value);
    value += length + 1;
    lineStart = lineEnd + 1;
  }
  return end;
}
