import { LineCounter, parseDocument, visit } from 'yaml';
import type { Diagnostic } from '../diagnostics/index.js';
import { isYamlParseProblem } from '../diagnostics/registry.js';

/**
 * Parse errors a person can act on. A JSON file's errors become one `json-syntax` diagnostic where `JSON.parse`
 * stops. In YAML, a plain value that starts with a flow or special character (`[ { * & ! @ % \``), or holds
 * `[ ] { } ,` inside a flow mapping, sets off a cascade of errors; when quoting such values makes the file parse,
 * the cascade is replaced by one `yaml-unquoted-value` per value, saying to quote it.
 */
export function explainSyntaxErrors(file: string, text: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  if (!diagnostics.some((d) => isYamlParseProblem(d.ruleId))) return [...diagnostics];
  if (/\.json$/i.test(file)) return jsonSyntax(file, text, diagnostics);
  const unquoted = unquotedValues(text);
  if (!unquoted) return [...diagnostics];
  const counter = new LineCounter();
  parseDocument(text, { lineCounter: counter });
  return unquoted.map(({ offset, value }) => {
    const start = counter.linePos(offset);
    return {
      ruleId: 'yaml-unquoted-value',
      severity: 'error',
      message: `YAML reads the ${reasonFor(value)} in ${value} as syntax, not text: quote the value, "${value.replace(/["\\]/g, '\\$&')}"`,
      file,
      path: [],
      range: { start: { line: start.line, column: start.col }, end: { line: start.line, column: start.col + value.length } },
    };
  });
}

const specialStart = /^[[{*&!@%`]/;

function reasonFor(value: string): string {
  return specialStart.test(value) ? `leading "${value[0]}"` : `"${/[[\]{},]/.exec(value)?.[0] ?? ''}"`;
}

function jsonSyntax(file: string, text: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  let message: string;
  try {
    JSON.parse(text);
    return diagnostics.map((d) => (isYamlParseProblem(d.ruleId) ? { ...d, ruleId: 'json-syntax' } : d));
  } catch (error) {
    message = (error as Error).message;
  }
  const position = /at position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : text.length;
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = (before[before.length - 1]?.length ?? 0) + 1;
  const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
  return [
    ...diagnostics.filter((d) => !isYamlParseProblem(d.ruleId)),
    { ruleId: 'json-syntax', severity: 'error', message: `not valid JSON: ${reason}`, file, path: [], range: { start: { line, column }, end: { line, column: column + 1 } } },
  ];
}

interface UnquotedValue {
  offset: number;
  value: string;
}

const maxAttempts = 50;

/** The values whose quoting makes `text` parse, in order, or undefined when quoting cannot explain the errors. */
function unquotedValues(text: string): UnquotedValue[] | undefined {
  const found: UnquotedValue[] = [];
  let current = text;
  // Quoting adds characters; `shift` maps offsets in the quoted text back to the original.
  const shifts: Array<{ at: number; by: number }> = [];
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const first = firstErrorOffset(current);
    if (first === undefined) return found.length ? found : undefined;
    const candidate = candidates(current, first).find((c) => (firstErrorOffset(quote(current, c)) ?? Infinity) > first);
    if (!candidate) return undefined;
    const original = shifts.reduce((offset, s) => (offset > s.at ? offset - s.by : offset), candidate.offset);
    found.push({ offset: original, value: candidate.value });
    current = quote(current, candidate);
    shifts.push({ at: candidate.offset, by: JSON.stringify(candidate.value).length - candidate.value.length });
  }
  return undefined;
}

function quote(text: string, candidate: UnquotedValue): string {
  return text.slice(0, candidate.offset) + JSON.stringify(candidate.value) + text.slice(candidate.offset + candidate.value.length);
}

function firstErrorOffset(text: string): number | undefined {
  const document = parseDocument(text, { uniqueKeys: false });
  if (document.errors.length) return Math.min(...document.errors.map((e) => e.pos[0]));
  let alias: number | undefined;
  visit(document, {
    Alias(_, node) {
      alias ??= node.range?.[0];
    },
  });
  return alias;
}

/** Plain values on the error's line (and the line before, where a value may have started the trouble). */
function candidates(text: string, errorOffset: number): UnquotedValue[] {
  const lineStart = text.lastIndexOf('\n', errorOffset - 1) + 1;
  const previousStart = lineStart > 0 ? text.lastIndexOf('\n', lineStart - 2) + 1 : lineStart;
  const lineEnd = text.indexOf('\n', errorOffset);
  const region = text.slice(previousStart, lineEnd < 0 ? text.length : lineEnd);
  const found: UnquotedValue[] = [];
  for (const key of region.matchAll(/(?:^|[\s{,])(?:- )?[^\s:{},[\]#'"]+:[ \t]+(?=[^\s'"#])/gm)) {
    const start = (key.index ?? 0) + key[0].length;
    const rest = region.slice(start);
    const lineRest = (rest.split('\n')[0] ?? '').replace(/\s+#.*$/, '').trimEnd();
    const inFlow = /\{[^}]*$/.test(region.slice(0, start).split('\n').pop() ?? '');
    const extents = inFlow ? [/^(.*?)(?=,\s*[^\s:{},[\]]+:\s|\s*}\s*,?\s*$|\s*},)/.exec(lineRest)?.[1], lineRest] : [lineRest];
    for (const value of extents) {
      if (!value || !(specialStart.test(value) || (inFlow && /[[\]{},]/.test(value)))) continue;
      // A `[` or `{` that opens a collection is one; `[0].name` or `{x}y` has text after the closing bracket.
      if (/^[[{]/.test(value) && !/^(\[[^\]]*\]|\{[^}]*\})[^\s,\]}]/.test(value)) continue;
      found.push({ offset: previousStart + start, value });
    }
  }
  // The value nearest the error first: quoting an outer flow mapping whole would also make the file parse.
  return found.sort((a, b) => b.offset - a.offset);
}
