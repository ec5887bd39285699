import { JavaMethodError } from './render-error.js';

/**
 * The regular expressions behind `String.matches`, `replaceAll`, `replaceFirst` and `split`. Every regex
 * a template runs is compiled here and only here, so the engine behind `JavaPattern` can be changed in
 * one place.
 */
export interface JavaPattern {
  /** `Matcher.matches()`: the whole text. */
  matches(text: string): boolean;
  replaceAll(text: string, replacement: string): string;
  replaceFirst(text: string, replacement: string): string;
  /** `String.split(regex, limit)`. */
  split(text: string, limit: number): string[];
}

/** A Java replacement string (`$1`, `\$`) as a JS replacer. */
function javaReplacement(replacement: string): (match: string, ...groups: unknown[]) => string {
  return (match, ...rest) => {
    const groups = rest.slice(0, rest.findIndex((item) => typeof item === 'number'));
    let out = '';
    for (let i = 0; i < replacement.length; i++) {
      const c = replacement[i];
      if (c === '\\') out += replacement[++i] ?? '';
      else if (c === '$') {
        const digit = replacement[i + 1];
        if (digit === undefined || digit < '0' || digit > '9') throw new JavaMethodError('java.lang.IllegalArgumentException: Illegal group reference');
        const group = Number(digit);
        if (group > groups.length) throw new JavaMethodError(`java.lang.IndexOutOfBoundsException: No group ${group}`);
        out += group === 0 ? match : String(groups[group - 1] ?? '');
        i += 1;
      } else out += c;
    }
    return out;
  };
}

function jsRegex(pattern: string, flags: string): RegExp {
  try {
    return new RegExp(pattern, `u${flags}`);
  } catch {
    throw new JavaMethodError(`java.util.regex.PatternSyntaxException: ${pattern}`);
  }
}

function split(regex: RegExp, text: string, limit: number): string[] {
  if (text === '') return [''];
  const parts: string[] = [];
  let start = 0;
  for (const match of text.matchAll(regex)) {
    if (limit > 0 && parts.length === limit - 1) break;
    const at = match.index ?? 0;
    // Java 8+: a zero-width match at the start never yields a leading empty string.
    if (match[0] === '' && (at === 0 || at >= text.length)) continue;
    if (at === 0 && match[0] === '') continue;
    parts.push(text.slice(start, at));
    start = at + match[0].length;
  }
  parts.push(text.slice(start));
  if (limit === 0) while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

export function compileJavaRegex(pattern: string): JavaPattern {
  const global = jsRegex(pattern, 'g');
  const first = jsRegex(pattern, '');
  const full = jsRegex(`^(?:${pattern})$`, '');
  return {
    matches: (text) => full.test(text),
    replaceAll: (text, replacement) => text.replace(global, javaReplacement(replacement)),
    replaceFirst: (text, replacement) => text.replace(first, javaReplacement(replacement)),
    split: (text, limit) => split(global, text, limit),
  };
}
