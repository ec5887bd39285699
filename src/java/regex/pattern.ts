import { RE2JS } from 're2js';
import { BacktrackingMatcher, type MatchPositions } from './backtracker.js';
import { finalTerminator, type Re2Program, toRe2Program } from './re2-syntax.js';
import { hasNullableRepeatedCapture, JavaPatternSyntaxError, NO_FLAGS, type ParsedPattern, parseFlagLetters, parseJavaRegex, type RegexFlags } from './syntax.js';

export { JavaRegexLimitError, withRegexBudget } from './backtracker.js';
export { JavaPatternSyntaxError, parseFlagLetters, type RegexFlags } from './syntax.js';

/** Matcher.appendReplacement refused the replacement text (IllegalArgumentException / IndexOutOfBounds). */
export class JavaReplacementError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JavaReplacementError';
  }
}

/**
 * A compiled java.util.regex.Pattern. Patterns RE2 can express run on re2js, in time linear in the
 * input; the rest run on a backtracking matcher with a step limit. Either way the match is the one
 * Java finds.
 */
export class JavaPattern {
  /** RE2 programs by the line terminator the input ends with (`$` depends on it); null where RE2 cannot run it. */
  private readonly programs = new Map<string, { regex: RE2JS; program: Re2Program } | null>();
  private readonly backtracker: BacktrackingMatcher;
  /** RE2 finds where the match is, but Java's groups need the backtracking matcher (see hasNullableRepeatedCapture). */
  private readonly groupsNeedBacktracking: boolean;

  constructor(
    readonly source: string,
    private readonly parsed: ParsedPattern,
  ) {
    this.backtracker = new BacktrackingMatcher(parsed, source);
    this.groupsNeedBacktracking = hasNullableRepeatedCapture(parsed.root);
  }

  get groupCount(): number {
    return this.parsed.groupCount;
  }

  /** Whether this pattern runs on the linear-time engine for every input. */
  get isLinear(): boolean {
    return ['', '\n', '\r\n', '\r'].every((ending) => this.programFor(ending) !== null);
  }

  private programFor(ending: string): { regex: RE2JS; program: Re2Program } | null {
    let entry = this.programs.get(ending);
    if (entry === undefined) {
      const program = toRe2Program(this.parsed.root, this.parsed.groupCount, ending);
      entry = program ? compileRe2(program) : null;
      this.programs.set(ending, entry);
    }
    return entry;
  }

  /** Matcher.matches(): the whole input matches. */
  matches(input: string): boolean {
    const entry = this.programFor(finalTerminator(input));
    if (!entry) return this.backtracker.matches(input) !== undefined;
    // Every `$` is the last thing matched, so one before the final terminator cannot end a whole match.
    return (this.programFor('') ?? entry).regex.matches(input);
  }

  /** Matcher.find() from `from`; `previousEnd` is where `\G` matches. */
  find(input: string, from = 0, previousEnd = from): MatchPositions | undefined {
    const entry = this.programFor(finalTerminator(input));
    if (!entry) return this.backtracker.find(input, from, previousEnd);
    const matcher = entry.regex.matcher(input);
    if (!matcher.find(from)) return undefined;
    const positions: MatchPositions = [];
    for (const group of entry.program.groupNumbers) positions.push(matcher.start(group), matcher.end(group));
    for (const group of entry.program.terminatorGroups) {
      const start = matcher.start(group);
      if (start >= 0) positions[1] = start;
    }
    if (this.groupsNeedBacktracking) return this.backtracker.matchAt(input, positions[0] as number, positions[1] as number, previousEnd) ?? positions;
    return positions;
  }

  /** Every match, in Matcher.find() order: after an empty match the search resumes one character later. */
  *findAll(input: string): Generator<MatchPositions> {
    let from = 0;
    let previousEnd = 0;
    while (from <= input.length) {
      const match = this.find(input, from, previousEnd);
      if (!match) return;
      yield match;
      const [start, end] = match as [number, number];
      previousEnd = end;
      from = end === start ? end + 1 : end;
    }
  }

  /** String.replaceAll / Matcher.replaceAll with Java's replacement syntax (`$1`, `${name}`, `\$`). */
  replaceAll(input: string, replacement: string): string {
    return this.replace(input, replacement, Infinity);
  }

  replaceFirst(input: string, replacement: string): string {
    return this.replace(input, replacement, 1);
  }

  private replace(input: string, replacement: string, limit: number): string {
    let out = '';
    let last = 0;
    let count = 0;
    for (const match of this.findAll(input)) {
      if (count++ >= limit) break;
      out += input.slice(last, match[0]) + this.expand(replacement, input, match);
      last = match[1] as number;
    }
    return count === 0 ? input : out + input.slice(last);
  }

  private expand(replacement: string, input: string, match: MatchPositions): string {
    let out = '';
    for (let i = 0; i < replacement.length; i++) {
      const c = replacement[i];
      if (c === '\\') {
        i++;
        if (i >= replacement.length) throw new JavaReplacementError('character to be escaped is missing');
        out += replacement[i];
      } else if (c === '$') {
        i++;
        if (i >= replacement.length) throw new JavaReplacementError('Illegal group reference: group index is missing');
        let group: number;
        if (replacement[i] === '{') {
          const close = replacement.indexOf('}', i);
          const name = replacement.slice(i + 1, close === -1 ? undefined : close);
          if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(name) || close === -1) throw new JavaReplacementError("named capturing group is missing trailing '}'");
          const index = this.parsed.groupNames.get(name);
          if (index === undefined) throw new JavaReplacementError(`No group with name {${name}}`);
          group = index;
          i = close;
        } else {
          const digit = replacement[i] as string;
          if (!/[0-9]/.test(digit)) throw new JavaReplacementError('Illegal group reference');
          group = Number(digit);
          // Java keeps reading digits while the number still names a group.
          while (i + 1 < replacement.length && /[0-9]/.test(replacement[i + 1] as string)) {
            const longer = group * 10 + Number(replacement[i + 1]);
            if (longer > this.parsed.groupCount) break;
            group = longer;
            i++;
          }
          if (group > this.parsed.groupCount) throw new JavaReplacementError(`No group ${group}`);
        }
        const start = match[group * 2] as number;
        if (start >= 0) out += input.slice(start, match[group * 2 + 1]);
      } else {
        out += c;
      }
    }
    return out;
  }

  /** Pattern.split(input, limit) (and String.split): no leading empty string from a zero-width match; trailing empty strings dropped when limit is 0. */
  split(input: string, limit = 0): string[] {
    const parts: string[] = [];
    let index = 0;
    for (const match of this.findAll(input)) {
      const [start, end] = match as [number, number];
      if (limit > 0 && parts.length >= limit - 1) {
        parts.push(input.slice(index));
        index = end;
        break;
      }
      if (index === 0 && start === 0 && end === 0) continue;
      parts.push(input.slice(index, start));
      index = end;
    }
    if (index === 0) return [input];
    if (limit <= 0 || parts.length < limit) parts.push(input.slice(index));
    if (limit === 0) while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
    return parts;
  }
}

/** RE2 refuses some programs (too large, too deeply nested); the backtracking matcher then runs the pattern. */
function compileRe2(program: Re2Program): { regex: RE2JS; program: Re2Program } | null {
  try {
    return { regex: RE2JS.compile(program.source), program };
  } catch {
    return null;
  }
}

const cache = new Map<string, JavaPattern>();
const CACHE_LIMIT = 500;

/** Pattern.compile(pattern, flags); throws JavaPatternSyntaxError where Java throws PatternSyntaxException. */
export function compileJavaPattern(pattern: string, flags: RegexFlags | string = NO_FLAGS): JavaPattern {
  const resolved = typeof flags === 'string' ? parseFlagLetters(flags) : flags;
  const key = `${JSON.stringify(resolved)}/${pattern}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let compiled: JavaPattern;
  try {
    compiled = new JavaPattern(pattern, parseJavaRegex(pattern, resolved));
  } catch (error) {
    // A pattern nested deeper than the parser's stack is refused like a syntax error.
    if (error instanceof RangeError) throw new JavaPatternSyntaxError('the pattern is nested too deeply', pattern, 0);
    throw error;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, compiled);
  return compiled;
}
