import { createTwoFilesPatch, OMIT_HEADERS } from 'diff';

/** A unified diff (hunks only, no file header) of two texts, with `context` unchanged lines around each change. */
export function unifiedDiff(before: string, after: string, context = 3): string {
  if (before === after) return '';
  // Both texts end in a newline for the comparison, so a template's missing final newline is not a change.
  return createTwoFilesPatch('', '', `${before}\n`, `${after}\n`, undefined, undefined, { context, headerOptions: OMIT_HEADERS }).trimEnd();
}
