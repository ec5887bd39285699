import type { DiffResult } from './diff-actions.js';

/** `{ "changes": [ { action, kind, fields } ] }`: stable key order, unchanged actions left out. */
export function formatDiffJson(result: DiffResult): string {
  const changes = result.changes.map((change) => ({
    action: change.action,
    kind: change.kind,
    fields: change.fields.map((field) => ({
      field: field.field,
      replace: field.replace,
      ...('left' in field ? { left: field.left } : {}),
      ...('right' in field ? { right: field.right } : {}),
      ...(field.diff === undefined ? {} : { diff: field.diff }),
    })),
  }));
  return JSON.stringify({ changes }, null, 2) + '\n';
}
