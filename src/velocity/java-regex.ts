import { compileJavaPattern, JavaPatternSyntaxError, JavaReplacementError } from '../java/regex/pattern.js';
import { JavaMethodError } from './render-error.js';

/**
 * The regular expressions behind `String.matches`, `replaceAll`, `replaceFirst` and `split`. Every regex a
 * template runs is compiled here and only here, on java.util.regex's semantics (src/java/regex: linear time
 * where RE2 can run the pattern, a step-limited matcher for the rest); Java's exceptions become method errors.
 * A pattern that uses up its steps is dactl's limit, not a Java exception: its JavaRegexLimitError passes through.
 */
export interface JavaPattern {
  /** `Matcher.matches()`: the whole text. */
  matches(text: string): boolean;
  replaceAll(text: string, replacement: string): string;
  replaceFirst(text: string, replacement: string): string;
  /** `String.split(regex, limit)`. */
  split(text: string, limit: number): string[];
}

function asMethodError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof JavaPatternSyntaxError) throw new JavaMethodError(`java.util.regex.PatternSyntaxException: ${error.message}`);
    if (error instanceof JavaReplacementError) throw new JavaMethodError(error.message);
    throw error;
  }
}

export function compileJavaRegex(pattern: string): JavaPattern {
  const compiled = asMethodError(() => compileJavaPattern(pattern));
  return {
    matches: (text) => asMethodError(() => compiled.matches(text)),
    replaceAll: (text, replacement) => asMethodError(() => compiled.replaceAll(text, replacement)),
    replaceFirst: (text, replacement) => asMethodError(() => compiled.replaceFirst(text, replacement)),
    split: (text, limit) => asMethodError(() => compiled.split(text, limit)),
  };
}
