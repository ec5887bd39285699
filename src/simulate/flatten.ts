import { isJsonObject } from '../json/json-values.js';

/**
 * The output as Architect receives it with "Flatten output": nested objects become `a.b` keys, an
 * array of primitives stays one collection, and an array of objects becomes one collection per leaf
 * (`items.id` → [..], `items.name` → [..]), with null where an element lacks that leaf.
 */
export function flattenForArchitect(output: unknown): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  if (Array.isArray(output)) {
    Object.assign(flat, flattenArray(output, ''));
  } else if (isJsonObject(output)) {
    flattenInto(flat, output, '');
  }
  return flat;
}

function flattenInto(flat: Record<string, unknown>, object: Record<string, unknown>, prefix: string): void {
  for (const [key, value] of Object.entries(object)) {
    const name = `${prefix}${key}`;
    if (isJsonObject(value)) flattenInto(flat, value, `${name}.`);
    else if (Array.isArray(value)) Object.assign(flat, flattenArray(value, name));
    else flat[name] = value;
  }
}

function flattenArray(items: unknown[], name: string): Record<string, unknown> {
  if (!items.some(isJsonObject)) return { [name]: items };
  const perItem = items.map((item) => (isJsonObject(item) ? flattenForArchitect(item) : {}));
  const leaves = new Set(perItem.flatMap((item) => Object.keys(item)));
  const columns: Record<string, unknown> = {};
  for (const leaf of leaves) {
    columns[name ? `${name}.${leaf}` : leaf] = perItem.map((item) => (Object.hasOwn(item, leaf) ? item[leaf] : null));
  }
  return columns;
}

