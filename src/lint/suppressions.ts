import { isPair, isScalar, Scalar, visit, type Node } from 'yaml';
import { suggestion, type Diagnostic } from '../diagnostics/index.js';
import type { SourceDocument } from '../source/index.js';
import { rulesById } from './rules/index.js';

/** `# dactl-disable-next-line <rule>[, <rule>] -- <reason>` or `# dactl-disable <rule> -- <reason>` (whole file). */
export interface Suppression {
  ruleIds: string[];
  scope: 'next-line' | 'file';
  /** Line and column of the comment (1-based). */
  line: number;
  column: number;
  /** Lines it covers: the next key with its whole value, or the whole file. */
  fromLine: number;
  toLine: number;
  used: Set<string>;
}

const directive = /(?:^|\s)#\s*dactl-disable(-next-line)?(?=\s|$)(.*)$/;

export function readSuppressions(source: SourceDocument): { suppressions: Suppression[]; diagnostics: Diagnostic[] } {
  const suppressions: Suppression[] = [];
  const diagnostics: Diagnostic[] = [];
  // The text test first: a build's cached actions parse their YAML only when something needs the tree.
  if (!source.text.includes('dactl-disable') || !source.document) return { suppressions, diagnostics };
  const lines = source.text.split('\n');
  const inBlocks = blockScalarLines(source);
  const keyRegions = keyLineRegions(source);
  lines.forEach((text, index) => {
    const line = index + 1;
    const match = directive.exec(text);
    if (!match || inBlocks.has(line)) return;
    const column = match.index + match[0].indexOf('#') + 1;
    const report = (message: string): void => {
      diagnostics.push({
        ruleId: 'invalid-suppression',
        severity: 'warn',
        message,
        file: source.file,
        path: [],
        range: { start: { line, column }, end: { line, column: text.length + 1 } },
      });
    };
    const [idsText = '', ...reasonParts] = (match[2] ?? '').split(/\s--\s?|^--\s?/);
    const reason = reasonParts.join('--').trim();
    const named = idsText.split(/[\s,]+/).filter(Boolean);
    if (named.length === 0) return report('a suppression must name the rule it turns off: # dactl-disable-next-line <rule-id> -- <reason>');
    if (!reason) return report(`a suppression needs a reason after " -- " (why ${named.join(', ')} does not apply here); it was ignored`);
    const ruleIds: string[] = [];
    for (const id of named) {
      if (rulesById.has(id)) ruleIds.push(id);
      else report(`there is no rule "${id}"${suggestion(id, rulesById.keys())}`);
    }
    if (ruleIds.length === 0) return;
    if (match[1]) {
      let target = line + 1;
      while (target <= lines.length && /^\s*(#.*)?$/.test(lines[target - 1] ?? '')) target++;
      suppressions.push({ ruleIds, scope: 'next-line', line, column, fromLine: target, toLine: keyRegions.get(target) ?? target, used: new Set() });
    } else {
      suppressions.push({ ruleIds, scope: 'file', line, column, fromLine: 1, toLine: lines.length, used: new Set() });
    }
  });
  return { suppressions, diagnostics };
}

/** Drops diagnostics a suppression covers; reports suppressions of enabled rules that covered nothing. */
export function applySuppressions<T extends { diagnostic: Diagnostic }>(
  messages: readonly T[],
  suppressions: readonly Suppression[],
  enabledRuleIds: ReadonlySet<string>,
  file: string,
): { kept: T[]; unused: Diagnostic[] } {
  const kept = messages.filter(({ diagnostic }) => {
    const line = diagnostic.range?.start.line ?? 1;
    const covering = suppressions.find((s) => s.ruleIds.includes(diagnostic.ruleId) && s.fromLine <= line && line <= s.toLine);
    covering?.used.add(diagnostic.ruleId);
    return !covering;
  });
  const unused: Diagnostic[] = [];
  for (const suppression of suppressions) {
    for (const id of suppression.ruleIds) {
      if (suppression.used.has(id) || !enabledRuleIds.has(id)) continue;
      unused.push({
        ruleId: 'unused-suppression',
        severity: 'warn',
        message: `${id} reports nothing here, so this suppression can go`,
        file,
        path: [],
        range: { start: { line: suppression.line, column: suppression.column }, end: { line: suppression.line, column: suppression.column } },
      });
    }
  }
  return { kept, unused };
}

/** Lines inside block scalars, where a `#` is text (a Velocity comment), not a YAML comment. */
function blockScalarLines(source: SourceDocument): Set<number> {
  const lines = new Set<number>();
  visit(source.document as NonNullable<SourceDocument['document']>, {
    Scalar(_, node) {
      // The value's end, not the node's: the node's range runs on over the comments after it.
      const [start, end] = node.range ?? [0, 0, 0];
      const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
      if (!block && !source.text.slice(start, end).includes('\n')) return;
      const first = source.position(start).line;
      const last = source.position(Math.max(start, end - 1)).line;
      for (let l = first + 1; l <= last; l++) lines.add(l);
    },
  });
  return lines;
}

/** For each line where a key starts, the last line of its value. */
function keyLineRegions(source: SourceDocument): Map<number, number> {
  const regions = new Map<number, number>();
  visit(source.document as NonNullable<SourceDocument['document']>, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) return;
      const line = source.position(pair.key.range[0]).line;
      const value = pair.value as Node | null;
      const end = value?.range?.[1] ?? pair.key.range[1];
      const lastLine = source.position(Math.max(pair.key.range[0], end - 1)).line;
      if (!regions.has(line)) regions.set(line, lastLine);
    },
  });
  return regions;
}
