import type { CharSet } from './char-set.js';
import type { RegexNode } from './syntax.js';

/** RE2's largest counted repetition; larger counts stay with the backtracking matcher. */
const RE2_MAX_REPEAT = 1000;

/** A pattern in RE2 syntax and where Java's groups are in it. */
export interface Re2Program {
  readonly source: string;
  /** RE2 group number of each Java group (index 0 is the whole match). */
  readonly groupNumbers: readonly number[];
  /** Groups that capture the final line terminator a `$` stopped before; where one matched, the match ends at its start. */
  readonly terminatorGroups: readonly number[];
}

/** The line terminator the input ends with (`\r\n` counts as one), or '' when it ends otherwise. */
export function finalTerminator(input: string): string {
  if (input.endsWith('\r\n')) return '\r\n';
  const last = input[input.length - 1];
  return last !== undefined && '\n\r\u0085\u2028\u2029'.includes(last) ? last : '';
}

interface State {
  readonly ending: string;
  next: number;
  readonly groupNumbers: number[];
  readonly terminatorGroups: number[];
}

/**
 * The pattern in RE2 syntax for inputs that end with `ending` (see finalTerminator), or undefined when
 * it needs a construct RE2 does not have: backreferences, lookaround, atomic groups, possessive
 * quantifiers, line anchors, `\G`, huge counts, or a `$` that is not the last thing matched. Every
 * character test is written as explicit code-point ranges, so RE2's own reading of `\s`, `.` or case
 * folding never comes into play.
 */
export function toRe2Program(root: RegexNode, groupCount: number, ending: string): Re2Program | undefined {
  const state: State = { ending, next: 1, groupNumbers: new Array<number>(groupCount + 1).fill(0), terminatorGroups: [] };
  const source = emit(root, state, true);
  return source === undefined ? undefined : { source, groupNumbers: state.groupNumbers, terminatorGroups: state.terminatorGroups };
}

/** `tail`: nothing can be matched after this node, so a `$` here ends the match. */
function emit(node: RegexNode, state: State, tail: boolean): string | undefined {
  switch (node.type) {
    case 'empty':
      return '(?:)';
    case 'set':
      return setSyntax(node.set);
    case 'sequence': {
      const parts: string[] = [];
      for (const [i, item] of node.items.entries()) {
        const part = emit(item, state, tail && i === node.items.length - 1);
        if (part === undefined) return undefined;
        parts.push(part);
      }
      return `(?:${parts.join('')})`;
    }
    case 'alternation': {
      const parts: string[] = [];
      for (const item of node.items) {
        const part = emit(item, state, tail);
        if (part === undefined) return undefined;
        parts.push(part);
      }
      return `(?:${parts.join('|')})`;
    }
    case 'group': {
      if (node.index === undefined) return emit(node.body, state, tail);
      state.groupNumbers[node.index] = state.next++;
      const body = emit(node.body, state, tail);
      return body === undefined ? undefined : `(${body})`;
    }
    case 'repeat': {
      if (node.mode === 'possessive') return undefined;
      if (node.min > RE2_MAX_REPEAT || (node.max !== Infinity && node.max > RE2_MAX_REPEAT)) return undefined;
      const body = emit(node.body, state, tail && node.max <= 1);
      if (body === undefined) return undefined;
      const count = node.max === Infinity ? `{${node.min},}` : node.min === node.max ? `{${node.min}}` : `{${node.min},${node.max}}`;
      return `(?:${body})${count}${node.mode === 'lazy' ? '?' : ''}`;
    }
    case 'anchor':
      switch (node.kind) {
        case 'inputStart':
          return '\\A';
        case 'inputEnd':
          return '\\z';
        case 'inputEndBeforeTerminator': {
          const terminator = node.unixLines ? (state.ending.endsWith('\n') ? '\n' : '') : state.ending;
          if (terminator === '') return '\\z';
          if (!tail) return undefined;
          state.terminatorGroups.push(state.next++);
          return `(?:\\z|(${[...terminator].map((c) => codePoint(c.codePointAt(0) as number)).join('')})\\z)`;
        }
        case 'wordBoundary':
          return node.unicodeWords ? undefined : '\\b';
        case 'notWordBoundary':
          return node.unicodeWords ? undefined : '\\B';
        default:
          return undefined;
      }
    default:
      return undefined;
  }
}

function codePoint(cp: number): string {
  return /[0-9A-Za-z]/.test(String.fromCodePoint(cp)) ? String.fromCodePoint(cp) : `\\x{${cp.toString(16)}}`;
}

function setSyntax(set: CharSet): string {
  if (set.length === 0) return '[^\\x{0}-\\x{10ffff}]';
  const only = set[0] as readonly [number, number];
  if (set.length === 1 && only[0] === only[1]) return codePoint(only[0]);
  return `[${set.map(([a, b]) => (a === b ? codePoint(a) : `${codePoint(a)}-${codePoint(b)}`)).join('')}]`;
}
