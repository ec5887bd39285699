import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/** A patch of one file that `git apply` takes from the folder `file` is relative to (`--- a/file`, `+++ b/file`). */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const path = file.split('\\').join('/');
  return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context, headerOptions: FILE_HEADERS_ONLY });
}
