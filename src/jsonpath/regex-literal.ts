import { parseFlagLetters, type RegexFlags } from '../java/regex/pattern.js';

/** Jayway's PatternFlag.parseFlags: the letters after `/regex/`; letters that are not Java flags are ignored. */
export function jaywayRegexFlags(letters: string): RegexFlags {
  return parseFlagLetters([...letters].filter((letter) => 'dixmsuU'.includes(letter)).join(''));
}
