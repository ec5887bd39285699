import { decompileExport } from '../decompile/decompile-export.js';
import { describeLift, liftExport } from '../decompile/lift-export.js';
import { compareActions } from '../diff/compare-actions.js';
import { comparableFromExport } from '../diff/comparable-action.js';
import { assignFileStems } from '../export/file-stems.js';
import { liveActionToExport, type LiveAction, type LiveOrg, type SkippedAction } from '../orgs/live-actions.js';
import type { OrgProfile } from '../orgs/org-profile.js';
import type { ProjectAction } from '../project/model.js';
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
  /** The existing spec's path, when one defines the action (it may be in a subfolder). */
  existingFile?: string;
  /** The action's category and id in the org. */
  category: string;
  id: string;
}

export interface PullOptions {
  profile: OrgProfile;
  /** Specs already in the target folder, compiled for the profile: matched by name and compared. */
  existing: readonly ProjectAction[];
  filter?: string;
  force?: boolean;
  lift?: boolean;
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
  const existingByKey = new Map<string, ProjectAction>();
  for (const existing of options.existing) {
    if (!existing.spec) continue;
    const category = existing.spec.category ?? options.profile.integrations?.[existing.spec.integration];
    existingByKey.set(`${category ?? ''}\u0000${existing.spec.name}`, existing);
    if (!existingByKey.has(existing.spec.name)) existingByKey.set(existing.spec.name, existing);
  }
  const namesInOrg = new Map<string, number>();
  for (const current of live.actions) namesInOrg.set(current.action.name, (namesInOrg.get(current.action.name) ?? 0) + 1);
  /** By category and name; by name alone only where the org has that name once. */
  const existingFor = (action: LiveAction['action']) =>
    existingByKey.get(`${action.category}\u0000${action.name}`) ??
    (namesInOrg.get(action.name) === 1 ? existingByKey.get(action.name) : undefined);
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
    const lifted = options.lift ? liftExport(exported) : undefined;
    const spec = withOrgFields(lifted?.spec ?? decompileExport(exported), current, options.profile);
    const notes = current.hasDraft ? ['has a draft with unpublished changes; pulled the published version'] : [];
    if (lifted) notes.unshift(describeLift(lifted));
    const label = `${action.category}/${spec.name}`;
    const existing = existingFor({ ...action, name: spec.name });
    if (existing) {
      const same =
        existing.artifact !== undefined &&
        compareActions(
          comparableFromExport(existing.artifact, existing.file, { category: existing.spec?.category ?? action.category, timeoutSeconds: existing.spec?.timeoutSeconds ?? null }),
          comparableFromExport(exported, action.id, { category: action.category, timeoutSeconds: action.config?.timeoutSeconds ?? null }),
        ).length === 0;
      const status: PullStatus = same ? 'unchanged' : options.force ? 'updated' : 'differs';
      result.pulled.push({ action: label, fileName: baseName(existing.file), existingFile: existing.file, spec, status, notes, category: action.category, id: action.id });
      continue;
    }
    result.pulled.push({ action: label, fileName: '', spec, status: 'created', notes, category: action.category, id: action.id });
  }
  nameNewFiles(result.pulled, takenFiles);
  return result;
}

/** New specs get file names distinct from each other and from the folder's files, even where case does not count. */
function nameNewFiles(pulled: PulledAction[], takenFiles: ReadonlySet<string>): void {
  const created = pulled.filter((p) => p.status === 'created').map((p) => ({ pulled: p, name: p.spec.name, qualifier: p.category }));
  const taken = [...takenFiles].map((file) => file.replace(/\.action\.ya?ml$/i, ''));
  const stems = assignFileStems(created, taken);
  for (const item of created) {
    const { stem, caseTwin } = stems.get(item)!;
    item.pulled.fileName = `${stem}.action.yaml`;
    if (caseTwin !== undefined) item.pulled.notes.push(`its name differs from "${caseTwin}" only in case; written to a file name of its own`);
  }
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

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
