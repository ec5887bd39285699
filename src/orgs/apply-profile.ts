import type { Finding, PathSegment } from '../diagnostics/index.js';
import type { ActionSpec } from '../spec/action-spec.js';
import type { OrgProfile } from './org-profile.js';
import { scanReferences } from './org-references.js';
import { own } from '../json/own.js';

export interface AppliedProfile {
  spec: ActionSpec;
  findings: Finding[];
}

/**
 * The spec as it compiles for one org (or for none): every `%{org.NAME}` replaced by the profile's value (or the
 * reference's `|default`), and the category set from the profile's integration name for the spec's integration
 * type. A reference with neither a value nor a default is an error at the reference.
 */
export function applyProfile(spec: ActionSpec, profile: OrgProfile | undefined): AppliedProfile {
  const findings: Finding[] = [];
  const substitute = (text: string, path: PathSegment[]): string => {
    if (!text.includes('%{org.')) return text;
    const { references, malformed } = scanReferences(text);
    for (const bad of malformed) {
      findings.push({
        ruleId: 'org-reference-invalid',
        severity: 'error',
        message: 'an org value reference is written %{org.NAME} or %{org.NAME|default}, NAME made of letters, digits and _',
        path,
        span: { offset: bad.offset, length: bad.length },
      });
    }
    let result = '';
    let cursor = 0;
    for (const reference of references) {
      const value = own(profile?.values, reference.name);
      let replacement: string;
      if (value !== undefined) replacement = String(value);
      else if (reference.fallback !== undefined) replacement = reference.fallback;
      else {
        findings.push({
          ruleId: 'org-value-undefined',
          severity: 'error',
          message: profile
            ? `org profile "${profile.name}" has no value "${reference.name}"; add it under values: in ${profile.name}.yaml or give a default: %{org.${reference.name}|…}`
            : `%{org.${reference.name}} has no default for builds without --org; give one: %{org.${reference.name}|…}`,
          path,
          span: { offset: reference.offset, length: reference.length },
        });
        replacement = '';
      }
      result += text.slice(cursor, reference.offset) + replacement;
      cursor = reference.offset + reference.length;
    }
    return result + text.slice(cursor);
  };
  const resolved = substituteStrings(spec, [], substitute) as ActionSpec;
  const category = own(profile?.integrations, resolved.integration);
  if (category !== undefined) resolved.category = category;
  return { spec: resolved, findings };
}

function substituteStrings(value: unknown, path: PathSegment[], substitute: (text: string, path: PathSegment[]) => string): unknown {
  if (typeof value === 'string') return substitute(value, path);
  if (Array.isArray(value)) return value.map((item, index) => substituteStrings(item, [...path, index], substitute));
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // Defined, not assigned, so a key named `__proto__` (a header, a translation key) stays a key.
      Object.defineProperty(copy, key, { value: substituteStrings(item, [...path, key], substitute), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  }
  return value;
}
