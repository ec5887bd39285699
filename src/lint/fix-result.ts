import type { LintConfig } from './config.js';
import { applyFixes } from './fix.js';
import { lintText, type FileLintResult } from './lint-files.js';

export interface FixedFile {
  /** The lint result for the fixed text (what is left to fix by hand). */
  result: FileLintResult;
  before: string;
  after: string;
}

const maxPasses = 5;

/** Applies a file's fixes and lints again, until nothing more applies; a fix can reveal another. */
export function fixFile(initial: FileLintResult, config: LintConfig): FixedFile {
  let result = initial;
  for (let pass = 0; pass < maxPasses && result.fixes.length; pass++) {
    const { text, applied } = applyFixes(result.file, result.text, result.fixes);
    if (applied.length === 0 || text === result.text) break;
    result = lintText(result.file, text, config);
  }
  return { result, before: initial.text, after: result.text };
}
