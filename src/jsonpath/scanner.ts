import { JsonPathSyntaxError } from './errors.js';

const SPACE = ' ';

/**
 * Character cursor over a path or filter, with the look-ahead helpers Jayway's compilers use
 * (CharacterIndex). Jayway's grammar is decided character by character (a dot name runs to the next
 * `.`, `[` or `(`), so this scanner plays the lexer's part. `shift` maps positions back to the path
 * the user wrote.
 */
export class Scanner {
  readonly text: string;
  position = 0;
  end: number;
  private readonly shift: number;

  constructor(text: string, shift = 0) {
    this.text = text;
    this.end = text.length;
    this.shift = shift;
  }

  originalOffset(position: number): number {
    return Math.max(0, position + this.shift);
  }

  /** The offset and length in the path as written of the text between two scanner positions. */
  span(from: number, to: number): { offset: number; length: number } {
    const offset = this.originalOffset(from);
    return { offset, length: Math.max(0, this.originalOffset(to) - offset) };
  }

  fail(message: string, position = this.position, length = 1): never {
    throw new JsonPathSyntaxError(message, this.originalOffset(position), length);
  }

  charAt(position: number): string {
    if (!this.inBounds(position)) this.fail(`unexpected end of path`, Math.max(0, this.end - 1));
    return this.text[position] as string;
  }

  current(): string {
    return this.charAt(this.position);
  }

  currentIs(c: string): boolean {
    return this.inBounds(this.position) && this.text[this.position] === c;
  }

  inBounds(position = this.position): boolean {
    return position >= 0 && position < this.end;
  }

  /** Jayway's currentIsTail: true on the last character too, which is then silently ignored. */
  currentIsTail(): boolean {
    return this.position >= this.end - 1;
  }

  hasMore(): boolean {
    return this.inBounds(this.position + 1);
  }

  nextIs(c: string): boolean {
    return this.inBounds(this.position + 1) && this.text[this.position + 1] === c;
  }

  lastIs(c: string): boolean {
    return this.end > 0 && this.text[this.end - 1] === c;
  }

  trim(): void {
    while (this.position < this.end && this.text[this.position] === SPACE) this.position++;
    while (this.end > this.position && this.text[this.end - 1] === SPACE) this.end--;
  }

  skipBlanks(): this {
    while (this.inBounds() && this.text[this.position] === SPACE) this.position++;
    return this;
  }

  nextSignificantChar(from = this.position): string {
    let read = from + 1;
    while (this.inBounds(read) && this.text[read] === SPACE) read++;
    return this.inBounds(read) ? (this.text[read] as string) : SPACE;
  }

  indexOfNextSignificantChar(c: string, from = this.position): number {
    let read = from + 1;
    while (this.inBounds(read) && this.text[read] === SPACE) read++;
    return this.inBounds(read) && this.text[read] === c ? read : -1;
  }

  nextSignificantCharIs(c: string, from = this.position): boolean {
    return this.indexOfNextSignificantChar(c, from) !== -1;
  }

  previousSignificantChar(from = this.position): string {
    let read = from - 1;
    while (read >= 0 && this.text[read] === SPACE) read--;
    return read >= 0 ? (this.text[read] as string) : SPACE;
  }

  indexOfPreviousSignificantChar(from = this.position): number {
    let read = from - 1;
    while (read >= 0 && this.text[read] === SPACE) read--;
    return read;
  }

  nextIndexOf(c: string, from: number): number {
    for (let read = from; this.inBounds(read); read++) if (this.text[read] === c) return read;
    return -1;
  }

  /** Next `c` after `from` that is not escaped with a backslash. */
  nextIndexOfUnescaped(c: string, from = this.position): number {
    let inEscape = false;
    for (let read = from + 1; this.inBounds(read); read++) {
      const ch = this.text[read];
      if (inEscape) inEscape = false;
      else if (ch === '\\') inEscape = true;
      else if (ch === c) return read;
    }
    return -1;
  }

  /** The matching close character, skipping quoted strings and (optionally) /regex/ literals. */
  indexOfMatchingClose(from: number, open: string, close: string, skipStrings: boolean, skipRegex: boolean): number {
    if (this.text[from] !== open) return -1;
    let opened = 1;
    let read = from + 1;
    while (this.inBounds(read)) {
      if (skipStrings) {
        const quote = this.text[read];
        if (quote === "'" || quote === '"') {
          read = this.nextIndexOfUnescaped(quote, read);
          if (read === -1) this.fail(`missing closing ${quote}`, from);
          read++;
        }
      }
      if (skipRegex && this.text[read] === '/') {
        read = this.nextIndexOfUnescaped('/', read);
        if (read === -1) this.fail('missing closing / of a regular expression', from);
        read++;
      }
      if (!this.inBounds(read)) return -1;
      const ch = this.text[read];
      if (ch === open) opened++;
      else if (ch === close) {
        opened--;
        if (opened === 0) return read;
      }
      read++;
    }
    return -1;
  }

  indexOfClosingSquareBracket(from: number): number {
    return this.nextIndexOf(']', from);
  }

  /** Consumes `s` after optional blanks; restores nothing on failure (callers keep a savepoint). */
  hasSignificantSubSequence(s: string): boolean {
    this.skipBlanks();
    if (!this.inBounds(this.position + s.length - 1)) return false;
    if (this.text.slice(this.position, this.position + s.length) !== s) return false;
    this.position += s.length;
    return true;
  }

  readSignificantChar(c: string): void {
    if (!this.skipBlanks().currentIs(c)) this.fail(`expected '${c}'`);
    this.position++;
  }

  slice(from: number, to: number): string {
    return this.text.slice(from, to);
  }
}
