import { relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import type { RuleMeta } from '../lint/define-rule.js';

/** What a formatter may know besides the diagnostics; everything optional has a neutral default. */
export interface FormatContext {
  /** Paths are shown relative to this folder, with `/`. */
  cwd: string;
  /** ANSI colours (the CLI decides, see cli/colour.ts). */
  color?: boolean;
  /** File contents, for code frames. */
  sources?: ReadonlyMap<string, string>;
  /** Every file that was checked, clean ones included (JUnit lists them as passing). */
  files?: readonly string[];
  /** Rule metadata (SARIF rules, help links, fixable counts). */
  rules?: readonly RuleMeta[];
  toolVersion?: string;
}

export type Formatter = (diagnostics: readonly Diagnostic[], context: FormatContext) => string;

export function displayPath(file: string, cwd: string): string {
  const path = relative(cwd, file) || file;
  return path.split(sep).join('/');
}
