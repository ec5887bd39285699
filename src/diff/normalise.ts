import { sortKeys } from '../json/json-values.js';

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
