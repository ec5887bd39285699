import { type CharSet, contains, range, single, union } from './char-set.js';
import { type AnchorKind, lengthRange, type ParsedPattern, type RegexNode } from './syntax.js';

/** Steps one match attempt may take before it stops with a limit error. */
export const BACKTRACK_STEP_LIMIT = 250_000;

/** Steps all match attempts inside one withRegexBudget() call may take together. */
export const BACKTRACK_SCOPE_LIMIT = 500_000;

let scope: { steps: number } | undefined;

/**
 * Runs `work` with one step budget shared by every backtracking match inside it, so a query or a render
 * that matches a slow pattern against many values still ends in a fraction of a second.
 */
export function withRegexBudget<T>(work: () => T): T {
  if (scope) return work();
  scope = { steps: 0 };
  try {
    return work();
  } finally {
    scope = undefined;
  }
}

/** A match: `positions[2g]`/`positions[2g+1]` are the start and end of group g (-1 when it did not take part). */
export type MatchPositions = number[];

/** The backtracking matcher gave up: the pattern needs more steps than allowed on this input. */
export class JavaRegexLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JavaRegexLimitError';
  }
}

type Continuation = (position: number) => boolean;

/** A code point's length in UTF-16 units. */
const width = (cp: number): number => (cp > 0xffff ? 2 : 1);

const ASCII_WORD = union(range(0x30, 0x39), range(0x41, 0x5a), range(0x61, 0x7a), single(0x5f));
const UNICODE_WORD = /[\p{Alphabetic}\p{Mn}\p{Me}\p{Mc}\p{Nd}\p{Pc}\p{Join_Control}]/u;

/**
 * A backtracking matcher with java.util.regex's semantics, for the patterns RE2 cannot run
 * (backreferences, lookaround, atomic groups, possessive quantifiers, line anchors). Every step is
 * counted, so a pattern that would backtrack exponentially stops with JavaRegexLimitError.
 */
export class BacktrackingMatcher {
  private input = '';
  private groups: number[] = [];
  private steps = 0;
  private searchStart = 0;

  constructor(
    private readonly pattern: ParsedPattern,
    private readonly source: string,
    private readonly stepLimit = BACKTRACK_STEP_LIMIT,
  ) {}

  /** Matcher.find from `from`: the leftmost match, preferring what Java's backtracking prefers. */
  find(input: string, from: number, previousEnd: number): MatchPositions | undefined {
    this.begin(input, previousEnd);
    for (let start = from; start <= input.length; start++) {
      const found = this.attempt(start, () => true);
      if (found) return found;
    }
    return undefined;
  }

  /** The match Java finds at `start` when it is known to end at `end`: its groups. */
  matchAt(input: string, start: number, end: number, previousEnd: number): MatchPositions | undefined {
    this.begin(input, previousEnd);
    return this.attempt(start, (position) => position === end);
  }

  /** Matcher.matches: the whole input. */
  matches(input: string): MatchPositions | undefined {
    this.begin(input, 0);
    return this.attempt(0, (end) => end === input.length);
  }

  private begin(input: string, previousEnd: number): void {
    this.input = input;
    this.steps = 0;
    this.searchStart = previousEnd;
  }

  private attempt(start: number, accept: Continuation): MatchPositions | undefined {
    this.groups = new Array<number>((this.pattern.groupCount + 1) * 2).fill(-1);
    let end = -1;
    let matched: boolean;
    try {
      matched = this.match(this.pattern.root, start, (position) => {
        if (!accept(position)) return false;
        end = position;
        return true;
      });
    } catch (error) {
      if (error instanceof RangeError) {
        throw new JavaRegexLimitError(`the regular expression /${this.source}/ needs more backtracking than an input of ${this.input.length} characters allows; simplify it`);
      }
      throw error;
    }
    if (!matched) return undefined;
    const positions = [...this.groups];
    positions[0] = start;
    positions[1] = end;
    return positions;
  }

  private tick(): void {
    if (scope && ++scope.steps > BACKTRACK_SCOPE_LIMIT) {
      throw new JavaRegexLimitError(
        `the regular expression /${this.source}/ used up the ${BACKTRACK_SCOPE_LIMIT.toLocaleString('en-US')} backtracking steps one evaluation may take; rewrite it without nested or overlapping repetition`,
      );
    }
    if (++this.steps > this.stepLimit) {
      throw new JavaRegexLimitError(
        `the regular expression /${this.source}/ took more than ${this.stepLimit.toLocaleString('en-US')} backtracking steps on an input of ${this.input.length} characters; rewrite it without nested or overlapping repetition`,
      );
    }
  }

  /** The code point at `position`, or -1 at the end (a number, not a pair: this runs on every step). */
  private codePointAt(position: number): number {
    return position < this.input.length ? (this.input.codePointAt(position) as number) : -1;
  }

  private match(node: RegexNode, position: number, next: Continuation): boolean {
    this.tick();
    switch (node.type) {
      case 'empty':
        return next(position);
      case 'set': {
        const cp = this.codePointAt(position);
        return cp >= 0 && contains(node.set, cp) && next(position + width(cp));
      }
      case 'sequence':
        return this.sequence(node.items, 0, position, next);
      case 'alternation':
        return node.items.some((item) => this.match(item, position, next));
      case 'group': {
        if (node.index === undefined) return this.match(node.body, position, next);
        const slot = node.index * 2;
        const [oldStart, oldEnd] = [this.groups[slot] as number, this.groups[slot + 1] as number];
        const matched = this.match(node.body, position, (end) => {
          const [innerStart, innerEnd] = [this.groups[slot] as number, this.groups[slot + 1] as number];
          this.groups[slot] = position;
          this.groups[slot + 1] = end;
          if (next(end)) return true;
          this.groups[slot] = innerStart;
          this.groups[slot + 1] = innerEnd;
          return false;
        });
        if (!matched) {
          this.groups[slot] = oldStart;
          this.groups[slot + 1] = oldEnd;
        }
        return matched;
      }
      case 'repeat':
        if (node.mode === 'possessive') return this.atomic({ ...node, mode: 'greedy' }, position, next);
        if (node.body.type === 'set') return this.repeatSet(node.body.set, node.min, node.max, node.mode === 'lazy', position, next);
        return this.repeat(node, 0, position, next);
      case 'anchor':
        return this.anchor(node.kind, node.unixLines, node.unicodeWords, position) && next(position);
      case 'look':
        return this.look(node.body, node.behind, node.negated, position, next);
      case 'atomic':
        return this.atomic(node.body, position, next);
      case 'backreference':
        return this.backreference(node.index, node.caseInsensitive, position, next);
    }
  }

  private sequence(items: readonly RegexNode[], index: number, position: number, next: Continuation): boolean {
    const item = items[index];
    if (item === undefined) return next(position);
    return this.match(item, position, (after) => this.sequence(items, index + 1, after, next));
  }

  private repeat(node: Extract<RegexNode, { type: 'repeat' }>, count: number, position: number, next: Continuation): boolean {
    this.tick();
    // As Java's Loop node: an iteration that consumed nothing counts, and ends the loop.
    const more = (): boolean =>
      count < node.max && this.match(node.body, position, (after) => (after === position ? next(after) : this.repeat(node, count + 1, after, next)));
    const stop = (): boolean => count >= node.min && next(position);
    return node.mode === 'lazy' ? stop() || more() : more() || stop();
  }

  /** `x*`, `[a-z]+?` …: a single-character body, walked without recursion. */
  private repeatSet(set: CharSet, min: number, max: number, lazy: boolean, position: number, next: Continuation): boolean {
    const ends = [position];
    let at = position;
    const extend = (): boolean => {
      const cp = this.codePointAt(at);
      if (cp < 0 || !contains(set, cp)) return false;
      at += width(cp);
      ends.push(at);
      return true;
    };
    if (lazy) {
      while (ends.length - 1 < min) if (!extend()) return false;
      for (;;) {
        this.tick();
        if (next(at)) return true;
        if (ends.length - 1 >= max || !extend()) return false;
      }
    }
    while (ends.length - 1 < max && extend()) this.tick();
    for (let count = ends.length - 1; count >= min; count--) {
      this.tick();
      if (next(ends[count] as number)) return true;
    }
    return false;
  }

  private atomic(body: RegexNode, position: number, next: Continuation): boolean {
    let end = -1;
    if (!this.match(body, position, (after) => ((end = after), true))) return false;
    return next(end);
  }

  /** Lookaround is atomic: the body matches once, here or not; only the continuation may backtrack. */
  private look(body: RegexNode, behind: boolean, negated: boolean, position: number, next: Continuation): boolean {
    const saved = [...this.groups];
    let found: boolean;
    if (behind) {
      const [minLength, maxLength] = lengthRange(body);
      found = false;
      for (let start = position - minLength; start >= Math.max(0, position - maxLength) && !found; start--) {
        found = this.match(body, start, (end) => end === position);
      }
    } else {
      found = this.match(body, position, () => true);
    }
    if (negated) {
      this.groups = saved;
      return !found && next(position);
    }
    if (!found) return false;
    if (next(position)) return true;
    this.groups = saved;
    return false;
  }

  private backreference(index: number, caseInsensitive: boolean, position: number, next: Continuation): boolean {
    const start = this.groups[index * 2] ?? -1;
    const end = this.groups[index * 2 + 1] ?? -1;
    if (start < 0 || end < 0) return false;
    const captured = this.input.slice(start, end);
    const candidate = this.input.slice(position, position + captured.length);
    if (candidate.length !== captured.length) return false;
    const same = caseInsensitive ? candidate.toLowerCase() === captured.toLowerCase() : candidate === captured;
    return same && next(position + captured.length);
  }

  private anchor(kind: AnchorKind, unixLines: boolean, unicodeWords: boolean, position: number): boolean {
    const input = this.input;
    const isTerminator = (c: string | undefined): boolean => (unixLines ? c === '\n' : c !== undefined && '\n\r\u0085\u2028\u2029'.includes(c));
    switch (kind) {
      case 'inputStart':
        return position === 0;
      case 'inputEnd':
        return position === input.length;
      case 'inputEndBeforeTerminator':
        if (position === input.length) return true;
        if (!unixLines && position === input.length - 2) return input.slice(position) === '\r\n';
        return position === input.length - 1 && isTerminator(input[position]) && !(input[position] === '\n' && input[position - 1] === '\r' && !unixLines);
      case 'lineStart':
        // Java (like Perl) never matches `^` at the end of the input, even right after a line terminator.
        if (position > 0) {
          if (!isTerminator(input[position - 1])) return false;
          if (!unixLines && input[position - 1] === '\r' && input[position] === '\n') return false;
        }
        return position < input.length;
      case 'lineEnd':
        if (position === input.length) return true;
        if (!isTerminator(input[position])) return false;
        return unixLines || !(input[position] === '\n' && input[position - 1] === '\r');
      case 'wordBoundary':
      case 'notWordBoundary': {
        const isWord = (at: number): boolean => {
          const c = at >= 0 && at < input.length ? input.codePointAt(at) : undefined;
          if (c === undefined) return false;
          return unicodeWords ? UNICODE_WORD.test(String.fromCodePoint(c)) : contains(ASCII_WORD, c);
        };
        const boundary = isWord(position - 1) !== isWord(position);
        return kind === 'wordBoundary' ? boundary : !boundary;
      }
      case 'previousMatchEnd':
        return position === this.searchStart;
    }
  }
}
