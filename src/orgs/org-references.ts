/**
 * `%{org.NAME}` or `%{org.NAME|default}` in any string of a spec: replaced by the profile's value when compiling.
 * `%{` is neither Velocity (`${…}`, `$!{…}`), Archy (`{{…}}`), a spec placeholder (`{input}`) nor JSONPath.
 */
export const referencePattern = /%\{org\.([A-Za-z][A-Za-z0-9_]*)(?:\|([^}]*))?\}/g;
const referenceStart = /%\{org\./g;

export interface OrgReference {
  name: string;
  /** Text after `|`, when given. */
  fallback: string | undefined;
  offset: number;
  length: number;
}

export interface MalformedReference {
  offset: number;
  length: number;
}

/** Every well-formed reference in `text`, and every `%{org.` that does not start one. */
export function scanReferences(text: string): { references: OrgReference[]; malformed: MalformedReference[] } {
  const references: OrgReference[] = [];
  const starts = new Set<number>();
  for (const match of text.matchAll(referencePattern)) {
    references.push({ name: match[1] as string, fallback: match[2], offset: match.index, length: match[0].length });
    starts.add(match.index);
  }
  const malformed: MalformedReference[] = [];
  for (const match of text.matchAll(referenceStart)) {
    if (starts.has(match.index)) continue;
    const close = text.indexOf('}', match.index);
    malformed.push({ offset: match.index, length: (close === -1 ? text.length : close + 1) - match.index });
  }
  return { references, malformed };
}
