type Edit = { op: ' ' | '-' | '+'; line: string };

/** Line edits from the longest common subsequence; templates are short, so the quadratic table is cheap. */
function lineEdits(before: string[], after: string[]): Edit[] {
  const rows = before.length;
  const cols = after.length;
  const table = Array.from({ length: rows + 1 }, () => new Uint32Array(cols + 1));
  for (let i = rows - 1; i >= 0; i--) {
    const row = table[i] as Uint32Array;
    const below = table[i + 1] as Uint32Array;
    for (let j = cols - 1; j >= 0; j--) {
      row[j] = before[i] === after[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < rows && j < cols) {
    if (before[i] === after[j]) {
      edits.push({ op: ' ', line: before[i++] as string });
      j++;
    } else if ((table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0)) edits.push({ op: '-', line: before[i++] as string });
    else edits.push({ op: '+', line: after[j++] as string });
  }
  while (i < rows) edits.push({ op: '-', line: before[i++] as string });
  while (j < cols) edits.push({ op: '+', line: after[j++] as string });
  return edits;
}

/** A unified diff (hunks only, no file header) of two texts, with `context` unchanged lines around each change. */
export function unifiedDiff(before: string, after: string, context = 3): string {
  const edits = lineEdits(before.split('\n'), after.split('\n'));
  const changed = edits.map((edit, index) => (edit.op === ' ' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return '';
  const hunks: Array<[number, number]> = [];
  for (const index of changed) {
    const start = Math.max(0, index - context);
    const end = Math.min(edits.length, index + context + 1);
    const last = hunks[hunks.length - 1];
    if (last && start <= last[1]) last[1] = end;
    else hunks.push([start, end]);
  }
  const lines: string[] = [];
  for (const [start, end] of hunks) {
    const prefix = edits.slice(0, start);
    const oldStart = prefix.filter((e) => e.op !== '+').length + 1;
    const newStart = prefix.filter((e) => e.op !== '-').length + 1;
    const body = edits.slice(start, end);
    const oldCount = body.filter((e) => e.op !== '+').length;
    const newCount = body.filter((e) => e.op !== '-').length;
    lines.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const edit of body) lines.push(`${edit.op}${edit.line}`);
  }
  return lines.join('\n');
}
