import { type CharSet, ALL_CHARS, foldAscii, foldUnicode, fromChars, intersect, negate, range, single, union, unicodePropertySet } from './char-set.js';
import { propertySet } from './properties.js';

/** java.util.regex.Pattern flag bits that change how a pattern is read or matched. */
export interface RegexFlags {
  readonly caseInsensitive: boolean;
  readonly multiline: boolean;
  readonly dotAll: boolean;
  readonly unixLines: boolean;
  readonly comments: boolean;
  readonly unicodeCase: boolean;
  readonly unicodeClasses: boolean;
}

export const NO_FLAGS: RegexFlags = {
  caseInsensitive: false, multiline: false, dotAll: false, unixLines: false, comments: false, unicodeCase: false, unicodeClasses: false,
};

const FLAG_LETTERS: Record<string, keyof RegexFlags> = {
  i: 'caseInsensitive', m: 'multiline', s: 'dotAll', d: 'unixLines', x: 'comments', u: 'unicodeCase', U: 'unicodeClasses',
};

/** Flags written as letters (`imsdxuU`), as after a Jayway `/regex/flags` or in `(?flags)`. */
export function parseFlagLetters(letters: string, base: RegexFlags = NO_FLAGS): RegexFlags {
  const flags: Record<keyof RegexFlags, boolean> = { ...base };
  let on = true;
  for (const letter of letters) {
    if (letter === '-') on = false;
    else {
      const name = FLAG_LETTERS[letter];
      if (!name) throw new JavaPatternSyntaxError(`unknown flag '${letter}'`, letters, 0);
      flags[name] = on;
    }
  }
  // UNICODE_CHARACTER_CLASS implies UNICODE_CASE.
  if (flags.unicodeClasses) flags.unicodeCase = true;
  return flags;
}

export type AnchorKind = 'lineStart' | 'lineEnd' | 'inputStart' | 'inputEnd' | 'inputEndBeforeTerminator' | 'wordBoundary' | 'notWordBoundary' | 'previousMatchEnd';

/** A parsed Java pattern. Every character test is a resolved code-point set; flags are already applied. */
export type RegexNode =
  | { readonly type: 'empty' }
  | { readonly type: 'set'; readonly set: CharSet }
  | { readonly type: 'sequence'; readonly items: readonly RegexNode[] }
  | { readonly type: 'alternation'; readonly items: readonly RegexNode[] }
  | { readonly type: 'group'; readonly index: number | undefined; readonly body: RegexNode }
  | { readonly type: 'repeat'; readonly body: RegexNode; readonly min: number; readonly max: number; readonly mode: 'greedy' | 'lazy' | 'possessive' }
  | { readonly type: 'anchor'; readonly kind: AnchorKind; readonly multiline: boolean; readonly unixLines: boolean; readonly unicodeWords: boolean }
  | { readonly type: 'look'; readonly behind: boolean; readonly negated: boolean; readonly body: RegexNode }
  | { readonly type: 'atomic'; readonly body: RegexNode }
  | { readonly type: 'backreference'; readonly index: number; readonly caseInsensitive: boolean; readonly unicodeCase: boolean };

export interface ParsedPattern {
  readonly root: RegexNode;
  readonly groupCount: number;
  readonly groupNames: ReadonlyMap<string, number>;
}

/** Java's PatternSyntaxException: a description, the pattern and the index where reading stopped. */
export class JavaPatternSyntaxError extends Error {
  constructor(
    readonly description: string,
    readonly pattern: string,
    readonly index: number,
  ) {
    super(`${description} near index ${index} of /${pattern}/`);
    this.name = 'JavaPatternSyntaxError';
  }
}

const LINE_TERMINATORS = fromChars('\n\r\u0085\u2028\u2029');
const WORD = union(range(0x30, 0x39), range(0x41, 0x5a), range(0x61, 0x7a), single(0x5f));
const DIGIT = range(0x30, 0x39);
const SPACE = fromChars(' \t\n\x0B\f\r');
const HORIZONTAL_SPACE = union(fromChars(' \t\u00a0\u1680\u180e\u202f\u205f\u3000'), range(0x2000, 0x200a));
const VERTICAL_SPACE = fromChars('\n\x0B\f\r\u0085\u2028\u2029');
const MAX_REPEAT = 0x7fffffff;

export function parseJavaRegex(pattern: string, flags: RegexFlags): ParsedPattern {
  return new Parser(pattern, flags).parse();
}

class Parser {
  private position = 0;
  private groupCount = 0;
  private readonly groupNames = new Map<string, number>();
  /** Sequences written as `\Q…\E`, whose quantifier applies to the last character only. */
  private readonly quotedSequences = new WeakSet<RegexNode>();

  constructor(
    private readonly pattern: string,
    private flags: RegexFlags,
  ) {}

  parse(): ParsedPattern {
    const root = this.alternation();
    if (this.position < this.pattern.length) {
      this.fail(this.peek() === ')' ? 'Unmatched closing \')\'' : `Unexpected character '${this.peek()}'`);
    }
    return { root, groupCount: this.groupCount, groupNames: this.groupNames };
  }

  private fail(description: string, at = this.position): never {
    throw new JavaPatternSyntaxError(description, this.pattern, at);
  }

  private peek(offset = 0): string | undefined {
    return this.pattern[this.position + offset];
  }

  private atEnd(): boolean {
    return this.position >= this.pattern.length;
  }

  /** The code point at the cursor, advancing past it. */
  private nextCodePoint(): number {
    const cp = this.pattern.codePointAt(this.position);
    if (cp === undefined) this.fail('Unexpected end of pattern');
    this.position += cp > 0xffff ? 2 : 1;
    return cp;
  }

  /** In COMMENTS mode whitespace and `#…` to the end of the line are not part of the pattern. */
  private skipComments(): void {
    if (!this.flags.comments) return;
    for (;;) {
      const c = this.peek();
      if (c === '#') {
        while (!this.atEnd() && this.peek() !== '\n') this.position++;
      } else if (c !== undefined && /[ \t\n\x0B\f\r]/.test(c)) {
        this.position++;
      } else return;
    }
  }

  private alternation(): RegexNode {
    const items = [this.sequence()];
    while (this.peek() === '|') {
      this.position++;
      items.push(this.sequence());
    }
    return items.length === 1 ? (items[0] as RegexNode) : { type: 'alternation', items };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    for (;;) {
      this.skipComments();
      const c = this.peek();
      if (c === undefined || c === '|' || c === ')') break;
      const atom = this.atom();
      if (atom === undefined) continue;
      items.push(this.quantified(atom));
    }
    if (items.length === 0) return { type: 'empty' };
    return items.length === 1 ? (items[0] as RegexNode) : { type: 'sequence', items };
  }

  private quantified(atom: RegexNode): RegexNode {
    this.skipComments();
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const match = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.pattern.slice(this.position));
      if (!match) this.fail('Illegal repetition');
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
      if (min > MAX_REPEAT || max > MAX_REPEAT && max !== Infinity) this.fail('Illegal repetition range');
      if (max < min) this.fail('Illegal repetition range');
      this.position += match[0].length - 1;
    } else return atom;
    this.position++;
    let mode: 'greedy' | 'lazy' | 'possessive' = 'greedy';
    if (this.peek() === '?') {
      mode = 'lazy';
      this.position++;
    } else if (this.peek() === '+') {
      mode = 'possessive';
      this.position++;
    }
    // A quantifier after `\Q…\E` repeats only its last character, as in Java.
    const quoted = atom.type === 'sequence' && this.quotedSequences.has(atom) ? atom.items : undefined;
    const body = quoted ? (quoted[quoted.length - 1] as RegexNode) : atom;
    const repeat: RegexNode = { type: 'repeat', body, min, max, mode };
    const node: RegexNode = quoted ? { type: 'sequence', items: [...quoted.slice(0, -1), repeat] } : repeat;
    // After a quantifier Java ignores a counted repetition (`a{2}{3}` is `a{2}`); `*`, `+` or `?` dangle.
    for (;;) {
      this.skipComments();
      const again = this.peek();
      if (again === '*' || again === '+' || again === '?') this.fail(`Dangling meta character '${again}'`);
      if (again !== '{') return node;
      const ignored = /^\{\d+(?:,\d*)?\}/.exec(this.pattern.slice(this.position));
      if (!ignored) this.fail('Illegal repetition');
      this.position += ignored[0].length;
    }
  }

  private atom(): RegexNode | undefined {
    const c = this.peek() as string;
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return { type: 'set', set: this.characterClass() };
      case '.':
        this.position++;
        return { type: 'set', set: this.flags.dotAll ? ALL_CHARS : negate(this.flags.unixLines ? single(0x0a) : LINE_TERMINATORS) };
      case '^':
        this.position++;
        return this.anchor(this.flags.multiline ? 'lineStart' : 'inputStart');
      case '$':
        this.position++;
        return this.anchor(this.flags.multiline ? 'lineEnd' : 'inputEndBeforeTerminator');
      case '\\':
        return this.escape();
      case '*':
      case '+':
      case '?':
        return this.fail(`Dangling meta character '${c}'`);
      case '{':
        return this.fail('Illegal repetition');
      default:
        return this.literal(this.nextCodePoint());
    }
  }

  private anchor(kind: AnchorKind): RegexNode {
    return { type: 'anchor', kind, multiline: this.flags.multiline, unixLines: this.flags.unixLines, unicodeWords: this.flags.unicodeClasses };
  }

  private literal(cp: number): RegexNode {
    return { type: 'set', set: this.fold(single(cp)) };
  }

  private fold(set: CharSet): CharSet {
    if (!this.flags.caseInsensitive) return set;
    return this.flags.unicodeCase ? foldUnicode(set) : foldAscii(set);
  }

  private group(): RegexNode | undefined {
    this.position++;
    const saved = this.flags;
    let node: RegexNode;
    if (this.peek() !== '?') {
      const index = ++this.groupCount;
      node = { type: 'group', index, body: this.alternation() };
    } else {
      this.position++;
      const kind = this.peek();
      if (kind === ':') {
        this.position++;
        node = { type: 'group', index: undefined, body: this.alternation() };
      } else if (kind === '=' || kind === '!') {
        this.position++;
        node = { type: 'look', behind: false, negated: kind === '!', body: this.alternation() };
      } else if (kind === '>') {
        this.position++;
        node = { type: 'atomic', body: this.alternation() };
      } else if (kind === '<' && (this.peek(1) === '=' || this.peek(1) === '!')) {
        const negated = this.peek(1) === '!';
        this.position += 2;
        const body = this.alternation();
        if (lengthRange(body)[1] === Infinity) this.fail('Look-behind group does not have an obvious maximum length');
        node = { type: 'look', behind: true, negated, body };
      } else if (kind === '<') {
        this.position++;
        const name = /^[a-zA-Z][a-zA-Z0-9]*/.exec(this.pattern.slice(this.position))?.[0];
        if (!name || this.pattern[this.position + name.length] !== '>') this.fail('named capturing group is missing trailing \'>\'');
        if (this.groupNames.has(name)) this.fail(`Named capturing group <${name}> is already defined`);
        this.position += name.length + 1;
        const index = ++this.groupCount;
        this.groupNames.set(name, index);
        node = { type: 'group', index, body: this.alternation() };
      } else {
        const letters = /^[idmsuxU-]*/.exec(this.pattern.slice(this.position))?.[0] ?? '';
        this.position += letters.length;
        const next = this.peek();
        if (next !== ')' && next !== ':') this.fail('Unknown inline modifier');
        let flags: RegexFlags;
        try {
          flags = parseFlagLetters(letters, this.flags);
        } catch {
          return this.fail('Unknown inline modifier');
        }
        this.position++;
        if (next === ')') {
          // `(?i)` changes the flags up to the end of the enclosing group.
          this.flags = flags;
          return undefined;
        }
        this.flags = flags;
        node = { type: 'group', index: undefined, body: this.alternation() };
      }
    }
    if (this.peek() !== ')') this.fail('Unclosed group', this.pattern.length);
    this.position++;
    this.flags = saved;
    return node;
  }

  private escape(): RegexNode {
    const start = this.position;
    this.position++;
    const c = this.peek();
    if (c === undefined) this.fail('Unexpected internal error', this.pattern.length);
    switch (c) {
      case 'A': this.position++; return this.anchor('inputStart');
      case 'z': this.position++; return this.anchor('inputEnd');
      case 'Z': this.position++; return this.anchor('inputEndBeforeTerminator');
      case 'b':
        if (this.peek(1) === '{') this.fail('\\b{g} is not supported');
        this.position++;
        return this.anchor('wordBoundary');
      case 'B': this.position++; return this.anchor('notWordBoundary');
      case 'G': this.position++; return this.anchor('previousMatchEnd');
      case 'R':
        this.position++;
        return {
          type: 'atomic',
          body: { type: 'alternation', items: [{ type: 'sequence', items: [{ type: 'set', set: single(0x0d) }, { type: 'set', set: single(0x0a) }] }, { type: 'set', set: union(VERTICAL_SPACE) }] },
        };
      case 'X':
        return this.fail('\\X (grapheme clusters) is not supported');
      case 'Q': {
        this.position++;
        const end = this.pattern.indexOf('\\E', this.position);
        const literal = this.pattern.slice(this.position, end === -1 ? undefined : end);
        this.position = end === -1 ? this.pattern.length : end + 2;
        const items = [...literal].map((ch) => this.literal(ch.codePointAt(0) as number));
        if (items.length <= 1) return items[0] ?? { type: 'empty' };
        const sequence: RegexNode = { type: 'sequence', items };
        this.quotedSequences.add(sequence);
        return sequence;
      }
      case 'k': {
        this.position++;
        const name = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(this.pattern.slice(this.position));
        if (!name) this.fail('\\k is not followed by \'<\' for named capturing group');
        const index = this.groupNames.get(name[1] as string);
        if (index === undefined) this.fail(`named capturing group <${name[1]}> does not exist`);
        this.position += name[0].length;
        return this.backreference(index);
      }
      default:
        break;
    }
    if (c >= '1' && c <= '9') {
      // Java reads further digits only while they still name an existing group.
      let index = Number(c);
      this.position++;
      while (/[0-9]/.test(this.peek() ?? '') && index * 10 + Number(this.peek()) <= this.groupCount) {
        index = index * 10 + Number(this.peek());
        this.position++;
      }
      // A reference to a group that does not exist compiles, and never matches.
      return this.backreference(index);
    }
    this.position = start;
    return { type: 'set', set: this.classEscape() };
  }

  private backreference(index: number): RegexNode {
    return { type: 'backreference', index, caseInsensitive: this.flags.caseInsensitive, unicodeCase: this.flags.unicodeCase };
  }

  /** An escape that stands for characters: `\d`, `\p{L}`, `\t`, `\x41`, `\.` … (the cursor is on `\`). */
  private classEscape(): CharSet {
    this.position++;
    const c = this.peek();
    if (c === undefined) this.fail('Unexpected internal error', this.pattern.length);
    this.position++;
    const unicode = this.flags.unicodeClasses;
    switch (c) {
      case 'd': return unicode ? unicodePropertySet('Nd') : DIGIT;
      case 'D': return negate(unicode ? unicodePropertySet('Nd') : DIGIT);
      case 'w': return unicode ? propertySet('javaUnicodeWord', this.failAt()) : WORD;
      case 'W': return negate(unicode ? propertySet('javaUnicodeWord', this.failAt()) : WORD);
      case 's': return unicode ? unicodePropertySet('White_Space') : SPACE;
      case 'S': return negate(unicode ? unicodePropertySet('White_Space') : SPACE);
      case 'h': return HORIZONTAL_SPACE;
      case 'H': return negate(HORIZONTAL_SPACE);
      case 'v': return VERTICAL_SPACE;
      case 'V': return negate(VERTICAL_SPACE);
      case 'p':
      case 'P': {
        let name: string;
        if (this.peek() === '{') {
          const close = this.pattern.indexOf('}', this.position);
          if (close === -1) this.fail('Unclosed character family');
          name = this.pattern.slice(this.position + 1, close);
          this.position = close + 1;
        } else {
          name = this.peek() ?? '';
          if (name === '') this.fail('Illegal character family');
          this.position++;
        }
        const set = propertySet(name, this.failAt(), unicode, this.flags.caseInsensitive);
        return c === 'P' ? negate(set) : set;
      }
      default:
        return this.fold(single(this.escapedCodePoint(c)));
    }
  }

  private failAt(): (description: string) => never {
    const at = this.position;
    return (description) => this.fail(description, at);
  }

  /** The character a single-character escape stands for; the letter after `\` is already consumed. */
  private escapedCodePoint(c: string): number {
    switch (c) {
      case 't': return 0x09;
      case 'n': return 0x0a;
      case 'r': return 0x0d;
      case 'f': return 0x0c;
      case 'a': return 0x07;
      case 'e': return 0x1b;
      case 'c': {
        const next = this.peek();
        if (next === undefined) this.fail('Illegal control escape sequence');
        this.position++;
        return (next.codePointAt(0) as number) ^ 64;
      }
      case '0': {
        const octal = /^[0-7]{1,3}/.exec(this.pattern.slice(this.position))?.[0];
        if (!octal) this.fail('Illegal octal escape sequence');
        const digits = octal.length === 3 && octal[0] as string > '3' ? octal.slice(0, 2) : octal;
        this.position += digits.length;
        return parseInt(digits, 8);
      }
      case 'x': {
        if (this.peek() === '{') {
          const hex = /^\{([0-9a-fA-F]+)\}/.exec(this.pattern.slice(this.position));
          if (!hex || parseInt(hex[1] as string, 16) > 0x10ffff) this.fail('Hexadecimal codepoint is too big');
          this.position += hex[0].length;
          return parseInt(hex[1] as string, 16);
        }
        const hex = /^[0-9a-fA-F]{2}/.exec(this.pattern.slice(this.position))?.[0];
        if (!hex) this.fail('Illegal hexadecimal escape sequence');
        this.position += 2;
        return parseInt(hex, 16);
      }
      case 'u': {
        const hex = /^[0-9a-fA-F]{4}/.exec(this.pattern.slice(this.position))?.[0];
        if (!hex) this.fail('Illegal Unicode escape sequence');
        this.position += 4;
        const high = parseInt(hex, 16);
        // A surrogate pair written as two \u escapes is one code point, as in Java.
        const low = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(this.pattern.slice(this.position))?.[1];
        if (high >= 0xd800 && high <= 0xdbff && low) {
          this.position += 6;
          return 0x10000 + ((high - 0xd800) << 10) + (parseInt(low, 16) - 0xdc00);
        }
        return high;
      }
      case 'N': return this.fail('\\N{name} is not supported');
      default:
        if (/[a-zA-Z0-9]/.test(c)) this.fail('Illegal/unsupported escape sequence', this.position - 1);
        this.position -= c.length;
        return this.nextCodePoint();
    }
  }

  /** `[…]` with ranges, nested classes (union), `&&` (intersection) and `^` (complement). */
  private characterClass(): CharSet {
    this.position++;
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.position++;
    }
    let result: CharSet | undefined;
    let current: CharSet[] = [];
    let firstItem = true;
    for (;;) {
      this.skipComments();
      const c = this.peek();
      if (c === undefined) this.fail('Unclosed character class', this.pattern.length - 1);
      if (c === ']' && !firstItem) {
        this.position++;
        break;
      }
      firstItem = false;
      if (c === '[') {
        current.push(this.characterClass());
        continue;
      }
      if (c === '&' && this.peek(1) === '&') {
        this.position += 2;
        const left = union(...current);
        result = result === undefined ? left : intersect(result, left);
        current = [];
        continue;
      }
      const from = this.classAtom();
      if (typeof from === 'number' && this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
        const dash = this.position;
        this.position++;
        if (this.peek() === '[') {
          this.position = dash;
          current.push(this.fold(single(from)));
          continue;
        }
        const to = this.classAtom();
        if (typeof to !== 'number') this.fail('Illegal character range', dash);
        if (to < from) this.fail('Illegal character range', dash);
        current.push(this.fold(range(from, to)));
        continue;
      }
      current.push(typeof from === 'number' ? this.fold(single(from)) : from);
    }
    const last = union(...current);
    let set = result === undefined ? last : current.length === 0 ? result : intersect(result, last);
    return negated ? negate(set) : set;
  }

  /** One class member: a code point (which may start a range) or a set from an escape. */
  private classAtom(): number | CharSet {
    const c = this.peek();
    if (c !== '\\') return this.nextCodePoint();
    const next = this.peek(1);
    if (next === 'Q') {
      this.position += 2;
      const end = this.pattern.indexOf('\\E', this.position);
      const literal = this.pattern.slice(this.position, end === -1 ? undefined : end);
      this.position = end === -1 ? this.pattern.length : end + 2;
      return this.fold(fromChars(literal));
    }
    if (next !== undefined && /[dDwWsShHvVpP]/.test(next)) return this.classEscape();
    this.position += 2;
    if (next === undefined) this.fail('Unexpected internal error', this.pattern.length);
    return this.escapedCodePoint(next);
  }
}

/** Shortest and longest text (in UTF-16 units) a node can match; Java requires a bounded lookbehind. */
export function lengthRange(node: RegexNode): [number, number] {
  switch (node.type) {
    case 'empty':
    case 'anchor':
    case 'look':
      return [0, 0];
    case 'set': {
      const astral = node.set.some(([, b]) => b > 0xffff);
      const bmp = node.set.some(([a]) => a <= 0xffff);
      return [bmp ? 1 : 2, astral ? 2 : 1];
    }
    case 'sequence':
      return node.items.map(lengthRange).reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
    case 'alternation': {
      const ranges = node.items.map(lengthRange);
      return [Math.min(...ranges.map(([a]) => a)), Math.max(...ranges.map(([, b]) => b))];
    }
    case 'group':
    case 'atomic':
      return lengthRange(node.body);
    case 'repeat': {
      const [a, b] = lengthRange(node.body);
      return [a * node.min, b === 0 ? 0 : b * node.max];
    }
    case 'backreference':
      return [0, Infinity];
  }
}

/**
 * Whether a group is captured inside a repetition whose iteration can match nothing. Java then records the
 * last, empty iteration (`(a?)+` on "a" leaves group 1 empty); RE2 keeps the last non-empty one.
 */
export function hasNullableRepeatedCapture(node: RegexNode): boolean {
  switch (node.type) {
    case 'sequence':
    case 'alternation':
      return node.items.some(hasNullableRepeatedCapture);
    case 'group':
    case 'atomic':
    case 'look':
      return hasNullableRepeatedCapture(node.body);
    case 'repeat':
      return (node.max > 1 && lengthRange(node.body)[0] === 0 && containsCapture(node.body)) || hasNullableRepeatedCapture(node.body);
    default:
      return false;
  }
}

function containsCapture(node: RegexNode): boolean {
  switch (node.type) {
    case 'sequence':
    case 'alternation':
      return node.items.some(containsCapture);
    case 'group':
      return node.index !== undefined || containsCapture(node.body);
    case 'atomic':
    case 'look':
    case 'repeat':
      return containsCapture(node.body);
    default:
      return false;
  }
}
