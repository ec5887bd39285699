/** A unified diff (`--- a/file`, `+++ b/file`, hunks with 3 lines of context) of two texts. */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  const operations = diffLines(a, b);
  const hunks: string[] = [];
  let i = 0;
  while (i < operations.length) {
    if (operations[i]?.kind === 'same') {
      i++;
      continue;
    }
    let start = Math.max(0, i - context);
    let end = i;
    while (end < operations.length) {
      if (operations[end]?.kind !== 'same') {
        end++;
        continue;
      }
      let run = end;
      while (run < operations.length && operations[run]?.kind === 'same') run++;
      if (run - end > context * 2 || run === operations.length) {
        end = Math.min(operations.length, end + context);
        break;
      }
      end = run;
    }
    const slice = operations.slice(start, end);
    const first = operations[start] as Operation;
    const oldCount = slice.filter((o) => o.kind !== 'add').length;
    const newCount = slice.filter((o) => o.kind !== 'remove').length;
    const oldStart = oldCount ? first.oldLine : first.oldLine - 1;
    const newStart = newCount ? first.newLine : first.newLine - 1;
    hunks.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n`);
    for (const o of slice) hunks.push(`${o.kind === 'add' ? '+' : o.kind === 'remove' ? '-' : ' '}${o.text}\n`);
    i = end;
    start = end;
  }
  return `--- a/${file}\n+++ b/${file}\n${hunks.join('')}`;
}

interface Operation {
  kind: 'same' | 'add' | 'remove';
  text: string;
  /** 1-based line numbers where this operation sits in the old and new text. */
  oldLine: number;
  newLine: number;
}

function diffLines(a: string[], b: string[]): Operation[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  const lcs: number[][] = Array.from({ length: midA.length + 1 }, () => new Array<number>(midB.length + 1).fill(0));
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] = midA[i] === midB[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const operations: Operation[] = [];
  let oldLine = 1;
  let newLine = 1;
  const push = (kind: Operation['kind'], text: string): void => {
    operations.push({ kind, text, oldLine, newLine });
    if (kind !== 'add') oldLine++;
    if (kind !== 'remove') newLine++;
  };
  for (let k = 0; k < prefix; k++) push('same', a[k] as string);
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      push('same', midA[i++] as string);
      j++;
    } else if (i < midA.length && (j === midB.length || (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
      push('remove', midA[i++] as string);
    } else {
      push('add', midB[j++] as string);
    }
  }
  for (let k = a.length - suffix; k < a.length; k++) push('same', a[k] as string);
  return operations;
}
