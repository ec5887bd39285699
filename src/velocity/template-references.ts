import { lineStarts, positionAt } from './source-positions.js';
import { TemplateSyntaxError, cachedParse } from './template-parser.js';
import type { TemplateReference, TemplateReferencesResult } from './types.js';

const IDENTIFIER = /[A-Za-z][A-Za-z0-9_-]*/y;

interface ScanContext {
  enclosingCalls: string[];
  inStringLiteral: boolean;
  inJsonString: boolean;
  context: TemplateReference['context'];
}

/** Finds every reference in a template with its source span; a lexical scan validated by the parser. */
class ReferenceScanner {
  readonly found: TemplateReference[] = [];
  private readonly starts: number[];

  constructor(private readonly source: string) {
    this.starts = lineStarts(source);
  }

  scanText(): void {
    const s = this.source;
    let inJson = false;
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === '\\' && (s[i + 1] === '$' || s[i + 1] === '#')) i += 2;
      else if (c === '#' && s[i + 1] === '#') i = this.lineEnd(i);
      else if (c === '#' && s[i + 1] === '*') i = this.after('*#', i + 2);
      else if (c === '#' && s[i + 1] === '[' && s[i + 2] === '[') i = this.after(']]#', i + 3);
      else if (c === '#') i = this.scanDirective(i, inJson);
      else if (c === '$') i = this.scanReference(i, { enclosingCalls: [], inStringLiteral: false, inJsonString: inJson, context: 'text' });
      else {
        if (c === '"') inJson = !inJson;
        i++;
      }
    }
  }

  /** The index just past the next `marker` from `from` (a comment's or an unparsed block's end), or the end. */
  private after(marker: string, from: number): number {
    const at = this.source.indexOf(marker, from);
    return at < 0 ? this.source.length : at + marker.length;
  }

  private lineEnd(i: number): number {
    const end = this.source.indexOf('\n', i);
    return end < 0 ? this.source.length : end + 1;
  }

  private scanDirective(start: number, inJson: boolean): number {
    const s = this.source;
    let i = start + 1;
    if (s[i] === '{') i++;
    IDENTIFIER.lastIndex = i;
    const name = IDENTIFIER.exec(s);
    if (!name) return start + 1;
    i += name[0].length;
    if (s[i] === '}') i++;
    let j = i;
    while (s[j] === ' ' || s[j] === '\t') j++;
    if (s[j] !== '(') return i;
    return this.scanArguments(j, { enclosingCalls: [], inStringLiteral: false, inJsonString: inJson, context: 'directive' }).end;
  }

  /** Scans `( ... )` from the opening parenthesis; returns the index after `)` and the argument count. */
  private scanArguments(open: number, context: ScanContext): { end: number; count: number } {
    const s = this.source;
    let depth = 0;
    let count = 0;
    let sawContent = false;
    let i = open;
    while (i < s.length) {
      const c = s[i];
      if (c === '(' || c === '[' || c === '{') {
        depth++;
        i++;
        continue;
      }
      if (c === ')' || c === ']' || c === '}') {
        depth--;
        i++;
        if (depth === 0) return { end: i, count: sawContent ? count + 1 : 0 };
        continue;
      }
      if (c === ',' && depth === 1) count++;
      if (c !== ' ' && c !== '\t' && c !== '\n' && depth >= 1) sawContent = true;
      if (c === '"' || c === "'") i = this.scanStringLiteral(i, context);
      else if (c === '$') i = this.scanReference(i, context);
      else i++;
    }
    return { end: i, count };
  }

  private scanStringLiteral(open: number, context: ScanContext): number {
    const s = this.source;
    const quote = s[open];
    let i = open + 1;
    while (i < s.length && s[i] !== quote) {
      if (quote === '"' && s[i] === '$') i = this.scanReference(i, { ...context, inStringLiteral: true });
      else i++;
    }
    return i + 1;
  }

  private scanReference(start: number, context: ScanContext): number {
    const s = this.source;
    let i = start + 1;
    const silent = s[i] === '!';
    if (silent) i++;
    const formal = s[i] === '{';
    if (formal) i++;
    IDENTIFIER.lastIndex = i;
    const root = IDENTIFIER.exec(s);
    if (!root) return start + 1;
    i += root[0].length;
    const segments = [root[0]];
    let nameComplete = false;
    let call: TemplateReference['call'];
    const reference: TemplateReference = {
      name: '', root: root[0], silent, formal, offset: start, length: 0, line: 0, column: 0,
      enclosingCalls: context.enclosingCalls, inStringLiteral: context.inStringLiteral,
      inJsonString: context.inJsonString, context: context.context,
    };
    this.found.push(reference);
    while (i < s.length) {
      if (s[i] === '.' ) {
        IDENTIFIER.lastIndex = i + 1;
        const segment = IDENTIFIER.exec(s);
        if (!segment) break;
        i += 1 + segment[0].length;
        if (!nameComplete) segments.push(segment[0]);
        if (s[i] === '(') {
          const callee = segments.join('.');
          const args = this.scanArguments(i, {
            enclosingCalls: [callee, ...context.enclosingCalls], inStringLiteral: false, inJsonString: false, context: 'argument',
          });
          if (!nameComplete) call = { method: segment[0], argumentCount: args.count };
          nameComplete = true;
          i = args.end;
        }
      } else if (s[i] === '[') {
        nameComplete = true;
        i = this.scanArguments(i, { ...context, context: 'argument', inStringLiteral: false }).end;
      } else break;
    }
    if (formal && s[i] === '}') i++;
    reference.name = segments.join('.');
    reference.length = i - start;
    const position = positionAt(this.starts, start);
    reference.line = position.line;
    reference.column = position.column;
    if (call) reference.call = call;
    return i;
  }
}

/**
 * Every `$ref` / `${ref}` / `$!{ref}` in a template, in source order, with the calls whose arguments
 * contain it. A template with a syntax error gives `{ error }` instead.
 */
export function templateReferences(template: string): TemplateReferencesResult {
  try {
    cachedParse(template);
  } catch (error) {
    if (!(error instanceof TemplateSyntaxError)) throw error;
    return { error: { message: error.message, ...positionAt(lineStarts(template), Math.max(0, Math.min(error.offset, template.length - 1))) } };
  }
  const scanner = new ReferenceScanner(template);
  scanner.scanText();
  return scanner.found.sort((a, b) => a.offset - b.offset);
}
