import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { hasErrors, suggestion, UserError, type Diagnostic } from '../diagnostics/index.js';
import { asSchemaSubject } from '../diagnostics/registry.js';
import { resolveRegion } from '../platform/regions.js';
import { loadSpec } from '../spec/load-spec.js';
import { reservedProfileNames, type OrgProfile, type OrgProfileSpec } from './org-profile.js';

export interface LoadedProfiles {
  /** Profiles that loaded without errors, by name. */
  profiles: Map<string, OrgProfile>;
  diagnostics: Diagnostic[];
}

const profilePattern = /\.ya?ml$/i;
/** `<org>.state.yaml` beside a profile is push's and pull's memory of action ids, not a profile. */
const statePattern = /\.state\.ya?ml$/i;

export function orgsDir(definitionsDir: string): string {
  return join(definitionsDir, 'orgs');
}

/** Every `orgs/*.yaml` under the definitions folder, schema-checked. */
export async function loadProfiles(definitionsDir: string): Promise<LoadedProfiles> {
  const dir = orgsDir(definitionsDir);
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [] as string[];
    throw error;
  });
  const files = names.filter((name) => profilePattern.test(name) && !statePattern.test(name) && !name.startsWith('.')).sort();
  const loaded = await Promise.all(files.map((name) => loadProfile(join(dir, name))));
  const result: LoadedProfiles = { profiles: new Map(), diagnostics: [] };
  for (const { profile, diagnostics } of loaded) {
    result.diagnostics.push(...diagnostics);
    if (profile) result.profiles.set(profile.name, profile);
  }
  return result;
}

export async function loadProfile(file: string): Promise<{ profile: OrgProfile | undefined; diagnostics: Diagnostic[] }> {
  const name = basename(file).replace(profilePattern, '');
  const loaded = await loadSpec<OrgProfileSpec>(file, 'org');
  const diagnostics = loaded.diagnostics.map((d) => ({ ...d, ruleId: asSchemaSubject(d.ruleId, 'org') }));
  const spec = loaded.spec;
  if (spec) {
    const problem = (message: string, path: string[] = []) =>
      diagnostics.push(loaded.source.locate({ ruleId: 'org-profile-invalid', severity: 'error', message, path, at: 'key' }));
    const explicit = spec.apiBaseUrl !== undefined || spec.loginBaseUrl !== undefined;
    if (spec.region !== undefined) {
      try {
        resolveRegion(spec.region);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        diagnostics.push(loaded.source.locate({ ruleId: 'org-region-unknown', severity: 'error', message: error.message, path: ['region'] }));
      }
    }
    if (explicit && (spec.apiBaseUrl === undefined || spec.loginBaseUrl === undefined)) {
      problem('give both apiBaseUrl and loginBaseUrl, or neither', [spec.apiBaseUrl === undefined ? 'loginBaseUrl' : 'apiBaseUrl']);
    }
    if ((reservedProfileNames as readonly string[]).includes(name.toLowerCase())) {
      problem(`a profile cannot be named "${name}": out/${name}/ already holds the default build; rename the file`);
    }
  }
  if (!spec || hasErrors(diagnostics)) return { profile: undefined, diagnostics };
  return { profile: { ...spec, name, file }, diagnostics };
}

/** The profile `--org <name>` means, or a `UserError` naming the file that is missing or broken. */
export async function requireProfile(definitionsDir: string, name: string): Promise<OrgProfile> {
  const { profiles, diagnostics } = await loadProfiles(definitionsDir);
  const found = profiles.get(name);
  if (found) return found;
  const broken = diagnostics.find((d) => basename(d.file).replace(profilePattern, '') === name && d.severity === 'error');
  if (broken) {
    const at = broken.range ? `:${broken.range.start.line}:${broken.range.start.column}` : '';
    throw new UserError(`org profile "${name}" is invalid: orgs/${basename(broken.file)}${at}: ${broken.message}`);
  }
  const known = [...profiles.keys()];
  const list = known.length ? ` (profiles: ${known.join(', ')})` : ' (no profiles yet)';
  throw new UserError(`unknown org profile "${name}": there is no orgs/${name}.yaml in the definitions folder${list}${suggestion(name, known)}`);
}
