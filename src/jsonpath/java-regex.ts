/**
 * Java regular expressions (java.util.regex, as Jayway's `=~` uses them) translated to JavaScript.
 * Matching is a full match (Matcher.matches). Patterns with nested unbounded quantifiers such as
 * `(a+)+` are refused because backtracking on them is exponential, and inputs longer than
 * MAX_REGEX_INPUT are not matched at all (the caller reports an error).
 */
export const MAX_REGEX_INPUT = 10_000;

const cache = new Map<string, RegExp>();
const CACHE_LIMIT = 500;

export function checkRegexIsSafe(pattern: string, flags: string): string | undefined {
  if (hasNestedUnboundedQuantifier(pattern)) {
    return `regular expression /${pattern}/ nests unbounded quantifiers, which can take exponential time; rewrite it without a repeated group that itself repeats`;
  }
  try {
    compileJavaRegex(pattern, flags);
    return undefined;
  } catch (error) {
    return `unsupported regular expression /${pattern}/${flags}: ${(error as Error).message}`;
  }
}

export function compileJavaRegex(pattern: string, flags: string): RegExp {
  const key = `${flags}/${pattern}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let source = pattern;
  let jsFlags = '';
  const inline = /^\(\?([imsxdu]+)\)/.exec(source);
  if (inline) {
    flags += inline[1];
    source = source.slice(inline[0].length);
  }
  if (flags.includes('x')) source = stripComments(source);
  if (flags.includes('i')) jsFlags += 'i';
  if (flags.includes('m')) jsFlags += 'm';
  if (flags.includes('s')) jsFlags += 's';
  const regex = new RegExp(`(?<![\\s\\S])(?:${translate(source)})(?![\\s\\S])`, jsFlags);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, regex);
  return regex;
}

function translate(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        const literal = pattern.slice(i + 2, end === -1 ? pattern.length : end);
        out += literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
        i = end === -1 ? pattern.length : end + 1;
      } else if (!inClass && next === 'A') {
        out += '(?<![\\s\\S])';
        i++;
      } else if (!inClass && next === 'z') {
        out += '(?![\\s\\S])';
        i++;
      } else if (!inClass && next === 'Z') {
        out += '(?=\\n?(?![\\s\\S]))';
        i++;
      } else {
        out += c + (next ?? '');
        i++;
      }
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (pattern[i + 1] === '^') out += pattern[++i];
      if (pattern[i + 1] === ']') out += `\\${pattern[++i]}`;
      continue;
    }
    if (c === '(' && pattern.startsWith('(?>', i)) {
      out += '(?:';
      i += 2;
      continue;
    }
    if (c === '+' && /[*+?}]/.test(pattern[i - 1] ?? '') && pattern[i - 2] !== '\\') {
      continue;
    }
    out += c;
  }
  return out;
}

function stripComments(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === '#') {
      while (i < pattern.length && pattern[i] !== '\n') i++;
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return out;
}

/** Star height above one: a group repeated without bound that itself contains an unbounded repeat. */
function hasNestedUnboundedQuantifier(pattern: string): boolean {
  const groups: boolean[] = [];
  let containsUnbounded = false;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === '(') {
      groups.push(containsUnbounded);
      containsUnbounded = false;
      continue;
    }
    if (c === ')') {
      const inner: boolean = containsUnbounded;
      const outer = groups.pop() ?? false;
      const repeated = unboundedQuantifierAt(pattern, i + 1);
      if (repeated && inner) return true;
      containsUnbounded = outer || inner || repeated;
      continue;
    }
    if (unboundedQuantifierAt(pattern, i)) containsUnbounded = true;
  }
  return false;
}

function unboundedQuantifierAt(pattern: string, index: number): boolean {
  const c = pattern[index];
  if (c === '*' || c === '+') return true;
  if (c !== '{') return false;
  const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(index));
  if (!match || match[2] === undefined) return false;
  return match[3] === '' || Number(match[3]) > 16;
}
