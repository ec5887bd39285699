import { decompileExport } from '../decompile/decompile-export.js';
import { compareActions } from '../diff/compare-actions.js';
import { comparableFromExport } from '../diff/comparable-action.js';
import { exportSlug } from '../export/data-action-export.js';
import { liveActionToExport, type LiveAction, type LiveOrg, type SkippedAction } from '../orgs/live-actions.js';
import type { OrgProfile } from '../orgs/org-profile.js';
import type { ProjectAction } from '../project/load-project.js';
import type { ActionSpec } from '../spec/action-spec.js';
import { globMatcher } from './glob.js';
import { own } from '../json/own.js';

export type PullStatus = 'created' | 'updated' | 'unchanged' | 'differs';

export interface PulledAction {
  /** `category/name` in the org. */
  action: string;
  /** The spec file: an existing one that defines the action, or a new `<slug>.action.yaml`. */
  fileName: string;
  spec: ActionSpec;
  /** `differs`: an existing spec defines it differently and `force` was not given, so it is left alone. */
  status: PullStatus;
  /** Worth saying, e.g. that a draft with unpublished changes exists. */
  notes: string[];
}

export interface PullOptions {
  profile: OrgProfile;
  /** Specs already in the target folder, compiled for the profile: matched by name and compared. */
  existing: readonly ProjectAction[];
  filter?: string;
  force?: boolean;
}

export interface PullResult {
  pulled: PulledAction[];
  skipped: SkippedAction[];
  /** Actions left out by the filter. */
  filteredOut: number;
}

const functionIntegration = 'function-data-actions';

/** The org's custom actions as specs, each either new, replacing a spec that differs, or already in sync. */
export function pullActions(live: LiveOrg, options: PullOptions): PullResult {
  const matches = options.filter === undefined ? () => true : globMatcher(options.filter);
  const result: PullResult = { pulled: [], skipped: [...live.skipped], filteredOut: 0 };
  const publishedIds = new Set(live.actions.map((a) => a.action.id));
  for (const draft of live.drafts) {
    if (publishedIds.has(draft.id)) continue;
    if (!matches(draft.name) && !matches(`${draft.category}/${draft.name}`)) continue;
    result.skipped.push({ id: draft.id, name: draft.name, category: draft.category, reason: 'a draft that was never published; publish it in the org first' });
  }
  const existingByName = new Map(options.existing.flatMap((a) => (a.spec ? [[a.spec.name, a] as const] : [])));
  const takenFiles = new Set(options.existing.map((a) => baseName(a.file)));

  const selected = live.actions.filter((a) => matches(a.action.name) || matches(`${a.action.category}/${a.action.name}`));
  result.filteredOut = live.actions.length - selected.length;
  for (const current of [...selected].sort((a, b) => (a.action.name < b.action.name ? -1 : a.action.name > b.action.name ? 1 : 0))) {
    const { action } = current;
    const skip = (reason: string) => result.skipped.push({ id: action.id, name: action.name, category: action.category, reason });
    if (current.integrationType === functionIntegration) {
      skip('a Genesys Function action: its code lives in a zip the API does not export');
      continue;
    }
    const exported = liveActionToExport(current);
    if (!exported) {
      skip(current.integrationType === undefined ? 'its integration is not visible to this OAuth client' : 'the API returned it without config or contract');
      continue;
    }
    const spec = withOrgFields(decompileExport(exported, { stripExportSuffix: true }), current, options.profile);
    const notes = current.hasDraft ? ['has a draft with unpublished changes; pulled the published version'] : [];
    const label = `${action.category}/${spec.name}`;
    const existing = existingByName.get(spec.name);
    if (existing) {
      const same =
        existing.artifact !== undefined &&
        compareActions(
          comparableFromExport(existing.artifact, existing.file, { category: existing.spec?.category ?? action.category, timeoutSeconds: existing.spec?.timeoutSeconds ?? null }),
          comparableFromExport(exported, action.id, { category: action.category, timeoutSeconds: action.config?.timeoutSeconds ?? null }),
        ).length === 0;
      const status: PullStatus = same ? 'unchanged' : options.force ? 'updated' : 'differs';
      result.pulled.push({ action: label, fileName: baseName(existing.file), spec, status, notes });
      continue;
    }
    const fileName = freeFileName(exportSlug(spec.name), takenFiles);
    takenFiles.add(fileName);
    result.pulled.push({ action: label, fileName, spec, status: 'created', notes });
  }
  return result;
}

/** The category only when the profile would not supply the same one, and the timeout the export format lacks. */
function withOrgFields(spec: ActionSpec, live: LiveAction, profile: OrgProfile): ActionSpec {
  const { action } = live;
  const category = own(profile.integrations, spec.integration) === action.category ? undefined : action.category;
  const timeoutSeconds = action.config?.timeoutSeconds;
  const { name, integration, ...rest } = spec;
  return {
    name,
    integration,
    ...(category === undefined ? {} : { category }),
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
    ...rest,
  };
}

function freeFileName(slug: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const candidate = `${slug}${n === 1 ? '' : `-${n}`}.action.yaml`;
    if (!taken.has(candidate)) return candidate;
  }
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
