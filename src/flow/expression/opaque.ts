/**
 * A `{{name}}` substitution is replaced, before anything parses the file, by a marker of the same length:
 * U+E000, the name (characters YAML and expressions read as plain text), U+E001 — so every offset still
 * points into the original file. Any text holding a marker is a template value, known only at publish time.
 */
export const substitutionOpen = '\uE000';
export const substitutionClose = '\uE001';

export function isSubstitutionStart(text: string, index: number): boolean {
  return text[index] === substitutionOpen;
}

/** The index just past the marker that starts at `index`. */
export function substitutionEnd(text: string, index: number): number {
  const close = text.indexOf(substitutionClose, index);
  return close < 0 ? text.length : close + 1;
}

export function hasSubstitution(text: string): boolean {
  return text.includes(substitutionOpen);
}

/** The marker text for `{{name}}`: same length, name kept readable for messages. */
export function substitutionMarker(name: string): string {
  const inner = name.replace(/[^A-Za-z0-9_]/g, '_');
  return `${substitutionOpen}_${inner}_${substitutionClose}`;
}

/** Turns markers back into `{{name}}` for messages. */
export function showSubstitutions(text: string): string {
  return text.replace(/\uE000_([^\uE001]*)_\uE001/g, '{{$1}}');
}
