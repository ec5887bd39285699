import { exportSlug, nameHash } from './data-action-export.js';

export interface NamedItem {
  name: string;
  /** Tells apart two items of the same name: a category, or an integration type. */
  qualifier?: string | undefined;
}

export interface FileStem {
  stem: string;
  /** Another item whose name differs from this one only in case. */
  caseTwin?: string;
}

/**
 * File name stems (slugs) for named items, distinct even on disks that ignore case (macOS, Windows). Items are
 * taken in name order, so the result does not depend on the order they were found in: the first keeps its plain
 * slug; one with the same name gets its qualifier added (`Get-User-CRM`); any other clash gets a hash of its
 * name and qualifier. `taken` holds stems already in use (compared without case).
 */
export function assignFileStems<T extends NamedItem>(items: readonly T[], taken: Iterable<string> = []): Map<T, FileStem> {
  const used = new Set([...taken].map((stem) => stem.toLowerCase()));
  const firstByLowerName = new Map<string, string>();
  const result = new Map<T, FileStem>();
  const ordered = [...items].sort((a, b) => compare(a.name, b.name) || compare(a.qualifier ?? '', b.qualifier ?? ''));
  const seenNames = new Set<string>();
  for (const item of ordered) {
    const slug = exportSlug(item.name);
    const candidates = [slug];
    if (seenNames.has(item.name) && item.qualifier !== undefined) candidates.push(exportSlug(`${item.name} ${item.qualifier}`));
    candidates.push(exportSlug(`${slug} ${nameHash(`${item.qualifier ?? ''}/${item.name}`)}`));
    let stem = candidates.find((candidate) => !used.has(candidate.toLowerCase()));
    for (let n = 2; stem === undefined; n++) {
      const numbered = `${candidates[candidates.length - 1]}-${n}`;
      if (!used.has(numbered.toLowerCase())) stem = numbered;
    }
    used.add(stem.toLowerCase());
    seenNames.add(item.name);
    const lower = item.name.toLowerCase();
    const twin = firstByLowerName.get(lower);
    result.set(item, twin !== undefined && twin !== item.name ? { stem, caseTwin: twin } : { stem });
    if (twin === undefined) firstByLowerName.set(lower, item.name);
  }
  return result;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
