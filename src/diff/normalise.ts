/** Objects with their keys sorted, recursively: key order carries no meaning in any field dactl compares. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}

/**
 * Text as compared: line endings unified, and text that is entirely JSON (a body template without Velocity, a
 * translation-map default) re-serialised with sorted keys, so formatting and key order do not count as changes.
 */
export function normaliseText(text: string): string {
  const unified = text.replace(/\r\n?/g, '\n');
  const trimmed = unified.trim();
  if (trimmed === '' || !/^[[{"\d\-tfn]/.test(trimmed)) return unified;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return typeof parsed === 'object' && parsed !== null ? JSON.stringify(sortKeys(parsed), null, 2) : JSON.stringify(parsed);
  } catch {
    return unified;
  }
}
