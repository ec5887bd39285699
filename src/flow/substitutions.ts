import type { Finding, PathSegment } from '../diagnostics/index.js';
import { own } from '../json/own.js';
import type { OrgProfile } from '../orgs/org-profile.js';

/**
 * Archy substitutions: `{{key}}` placeholders that Archy's preprocessor (and Terraform's `genesyscloud_flow`)
 * replace as text from the options file's `substitutions:` map before the YAML is read. A key is at least one
 * character with no surrounding whitespace; a placeholder without a value is an error at publish time.
 */
export interface Placeholder {
  key: string;
  offset: number;
  length: number;
}

/** One placeholder in a flow spec, with the path of the string (or key) that holds it. */
export interface SubstitutionUse extends Placeholder {
  path: PathSegment[];
  at: 'key' | 'value';
}

const PLACEHOLDER = /\{\{([^{}\s](?:[^{}]*[^{}\s])?)\}\}/g;

export function placeholdersIn(text: string): Placeholder[] {
  if (!text.includes('{{')) return [];
  return [...text.matchAll(PLACEHOLDER)].map((match) => ({ key: match[1]!, offset: match.index, length: match[0].length }));
}

/** Every placeholder in a parsed document's keys and string values, in document order. */
export function substitutionUses(value: unknown, path: PathSegment[] = []): SubstitutionUse[] {
  if (typeof value === 'string') return placeholdersIn(value).map((found) => ({ ...found, path, at: 'value' as const }));
  if (Array.isArray(value)) return value.flatMap((item, index) => substitutionUses(item, [...path, index]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [
    ...placeholdersIn(key).map((found) => ({ ...found, path: [...path, key], at: 'key' as const })),
    ...substitutionUses(item, [...path, key]),
  ]);
}

/**
 * The substitution that stands for an integration's name in callData `category:` keys. The integration's name
 * differs between orgs, so generated flows never write it literally. `data_action_category` is the key real
 * flows use for Genesys Cloud Data Actions; other integration types get a key of their own.
 */
export function categoryKey(integrationType: string): string {
  return integrationType === 'purecloud-data-actions' ? 'data_action_category' : `${integrationType.replace(/[^A-Za-z0-9]+/g, '_')}_category`;
}

export const placeholder = (key: string): string => `{{${key}}}`;

/** What a flow needs substituted: its own placeholders and, per called integration type, the category key. */
export interface FlowSubstitutions {
  uses: SubstitutionUse[];
  /** Category key → the integration type whose name it stands for, and where the flow calls one of its actions. */
  categories: Map<string, { integrationType: string; firstUse: PathSegment[] }>;
}

export function substitutionKeysOf(needed: FlowSubstitutions): string[] {
  return [...new Set([...needed.uses.map((use) => use.key), ...needed.categories.keys()])].sort();
}

/**
 * The options-file values of one org for a flow: a placeholder takes the profile's `values.<key>`; a category key
 * takes `values.<key>` too, else the profile's name for that integration type (`integrations:`). A key with no
 * value is an error at each place the flow uses it, as `archy publish` would fail on it.
 */
export function resolveSubstitutions(needed: FlowSubstitutions, profile: OrgProfile): { values: Map<string, string | number | boolean>; findings: Finding[] } {
  const values = new Map<string, string | number | boolean>();
  const findings: Finding[] = [];
  const valueOf = (key: string) => own(profile.values, key) ?? categoryName(needed, profile, key);
  for (const use of needed.uses) {
    const value = valueOf(use.key);
    if (value !== undefined) {
      values.set(use.key, value);
      continue;
    }
    findings.push({
      ruleId: 'flow-substitution-undefined',
      severity: 'error',
      message: `org profile "${profile.name}" has no value for the substitution {{${use.key}}}; add ${use.key}: under values: in ${profile.name}.yaml`,
      path: use.path,
      at: use.at,
      span: { offset: use.offset, length: use.length },
    });
  }
  for (const [key, category] of needed.categories) {
    const value = valueOf(key);
    if (value !== undefined) {
      values.set(key, value);
      continue;
    }
    findings.push({
      ruleId: 'flow-substitution-undefined',
      severity: 'error',
      message:
        `org profile "${profile.name}" does not name its ${category.integrationType} integration, which {{${key}}} stands for; ` +
        `add it under integrations: in ${profile.name}.yaml (${category.integrationType}: <the integration's name>)`,
      path: category.firstUse,
      at: 'value',
    });
  }
  return { values: new Map([...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), findings };
}

function categoryName(needed: FlowSubstitutions, profile: OrgProfile, key: string): string | undefined {
  const category = needed.categories.get(key);
  return category && own(profile.integrations, category.integrationType);
}
