import { actionLabel, comparableFromExport, type ComparableAction } from '../diff/comparable-action.js';
import { compareActions, type FieldChange } from '../diff/compare-actions.js';
import { matchActions } from '../diff/match-actions.js';
import { liveActionToExport, type LiveAction, type LiveOrg } from '../orgs/live-actions.js';
import type { OrgProfile } from '../orgs/org-profile.js';
import type { PostActionInput, RequestType } from '../platform/types.js';
import type { ProjectAction } from '../project/model.js';
import { resolveIntegration } from './resolve-integration.js';
import { stateFileOf, type StateEntry } from '../orgs/org-state.js';

export type PlanKind = 'create' | 'update' | 'replace' | 'unchanged' | 'delete' | 'keep';

export interface DesiredAction {
  comparable: ComparableAction;
  body: PostActionInput;
  file: string;
}

export interface PlanStep {
  kind: PlanKind;
  /** `category/name`. */
  action: string;
  desired?: DesiredAction;
  live?: LiveAction;
  /** For update and replace: what changes. */
  fields: FieldChange[];
  /** Why a delete or keep is planned. */
  reason?: string;
  /** An unpublished draft of this action left by an earlier, interrupted push: finished rather than duplicated. */
  resumeDraftId?: string;
  /** For replace and delete: the project's flows that call the action and break with its id. */
  breaks?: string[];
}

export interface PushPlan {
  steps: PlanStep[];
  /** Reasons the plan cannot be applied at all (nothing is changed). */
  problems: string[];
  /** Where the state file and the org disagree (an action deleted or renamed in the UI): applied only with --yes. */
  disagreements: string[];
}

export interface PlanOptions {
  profile: OrgProfile;
  prune: boolean;
  /** Which org action each spec was at the last push or pull. */
  state?: readonly StateEntry[];
  /** To name spec files in the state's terms. */
  definitionsDir?: string;
}

/** What a push would do to make the org's custom actions what the definitions compile to (for this profile). */
export function planPush(actions: readonly ProjectAction[], live: LiveOrg, options: PlanOptions): PushPlan {
  const problems: string[] = [];
  const desired = new Map<ComparableAction, DesiredAction>();
  for (const action of actions) {
    // A static action is the platform's own: it is in the definitions for flows to be checked against, never pushed.
    if (!action.artifact || !action.spec || action.spec.static === true) continue;
    const choice = resolveIntegration(action.artifact.integrationType, action.spec.category, options.profile, live.integrations);
    if ('problem' in choice) {
      problems.push(`${action.spec.name}: ${choice.problem}`);
      continue;
    }
    const category = action.spec.category ?? choice.integration.name;
    const timeoutSeconds = action.spec.timeoutSeconds;
    const comparable = comparableFromExport(action.artifact, action.file, { category, timeoutSeconds: timeoutSeconds ?? null });
    const body: PostActionInput = {
      name: action.artifact.name,
      integrationId: choice.integration.id,
      category,
      contract: action.artifact.contract,
      config: {
        request: { ...action.artifact.config.request, requestType: action.artifact.config.request.requestType as RequestType },
        response: action.artifact.config.response,
        ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
      },
      secure: action.artifact.secure,
    };
    desired.set(comparable, { comparable, body, file: action.file });
  }

  const liveByComparable = new Map<ComparableAction, LiveAction>();
  for (const action of live.actions) {
    const exported = liveActionToExport(action);
    if (!exported || action.integrationType === 'function-data-actions') continue;
    const comparable = comparableFromExport(exported, action.action.id, {
      category: action.action.category,
      timeoutSeconds: action.action.config?.timeoutSeconds ?? null,
    });
    comparable.id = action.action.id;
    liveByComparable.set(comparable, action);
  }

  const steps: PlanStep[] = [];
  const disagreements: string[] = [];
  const draftOnly = draftsNeverPublished(live);
  const byState = pairByState([...liveByComparable.keys()], [...desired.values()], options, disagreements);
  const matched = matchActions(
    [...liveByComparable.keys()].filter((left) => !byState.pairedLeft.has(left)),
    [...desired.keys()].filter((right) => !byState.pairedRight.has(right)),
  );
  for (const { left, right } of [...byState.pairs, ...matched.pairs]) {
    const fields = compareActions(left, right);
    if (left.name !== right.name) fields.unshift({ field: 'name', replace: false, left: left.name, right: right.name });
    const kind: PlanKind = fields.length === 0 ? 'unchanged' : fields.some((f) => f.replace) ? 'replace' : 'update';
    const step: PlanStep = { kind, action: actionLabel(right), desired: desired.get(right)!, live: liveByComparable.get(left)!, fields };
    // A replace stopped after creating its new draft left one behind: finished rather than duplicated.
    const draft = kind === 'replace' ? draftOnly.get(`${right.category}\u0000${right.name}`) : undefined;
    if (draft !== undefined) step.resumeDraftId = draft;
    steps.push(step);
  }
  for (const right of matched.added) {
    const draft = draftOnly.get(`${right.category}\u0000${right.name}`);
    steps.push({ kind: 'create', action: actionLabel(right), desired: desired.get(right)!, fields: [], ...(draft ? { resumeDraftId: draft } : {}) });
  }
  for (const left of matched.removed) {
    steps.push(removal(left, liveByComparable.get(left)!, options.prune, 'not in the definitions'));
  }
  for (const left of byState.superseded) {
    steps.push(removal(left, liveByComparable.get(left)!, true, 'an older copy left by an interrupted replace'));
  }
  for (const ambiguity of matched.ambiguities) {
    const wanted = ambiguity.right.length === 1 ? ambiguity.right[0] : undefined;
    const same = wanted ? ambiguity.left.filter((l) => compareActions(l, wanted).length === 0) : [];
    if (!wanted || same.length !== 1) {
      const ids = ambiguity.left.map((l) => l.id).join(', ');
      problems.push(`"${ambiguity.name}" matches more than one action in the org (${ids}) and categories cannot tell them apart; rename or delete one`);
      continue;
    }
    steps.push({ kind: 'unchanged', action: actionLabel(wanted), desired: desired.get(wanted)!, live: liveByComparable.get(same[0]!)!, fields: [] });
    for (const left of ambiguity.left.filter((l) => l !== same[0])) {
      // Left behind when a replace published the new action but was stopped before deleting the old one.
      steps.push(removal(left, liveByComparable.get(left)!, true, 'an older copy left by an interrupted replace'));
    }
  }
  steps.sort((a, b) => (a.action < b.action ? -1 : a.action > b.action ? 1 : 0));
  return { steps, problems, disagreements };
}

interface StatePairs {
  pairs: Array<{ left: ComparableAction; right: ComparableAction }>;
  pairedLeft: Set<ComparableAction>;
  pairedRight: Set<ComparableAction>;
  /** Old copies an interrupted replace left: the state still names them, a newer copy is already what the spec says. */
  superseded: ComparableAction[];
}

/**
 * Pairs specs with the org actions the state file says they are: by spec file (so a renamed action keeps its id),
 * else by category and name (so a moved file does). What the org no longer has, or has under another name than
 * the state remembers, is a disagreement to confirm.
 */
function pairByState(lefts: ComparableAction[], desired: DesiredAction[], options: PlanOptions, disagreements: string[]): StatePairs {
  const result: StatePairs = { pairs: [], pairedLeft: new Set(), pairedRight: new Set(), superseded: [] };
  const state = options.state ?? [];
  if (state.length === 0) return result;
  const liveById = new Map(lefts.map((left) => [left.id, left]));
  for (const { comparable: right, file } of desired) {
    const relativeFile = options.definitionsDir === undefined ? file : stateFileOf(options.definitionsDir, file);
    const entry =
      state.find((e) => e.file === relativeFile) ?? state.find((e) => e.name === right.name && e.category === right.category);
    if (!entry) continue;
    const left = liveById.get(entry.id);
    if (!left) {
      disagreements.push(`${actionLabel(right)}: the state file says it is ${entry.id}, which the org no longer has (deleted in the UI?); it would be created with a new id`);
      continue;
    }
    if (result.pairedLeft.has(left)) continue;
    const newer = compareActions(left, right).some((f) => f.replace)
      ? lefts.find((other) => other !== left && !result.pairedLeft.has(other) && other.name === right.name && other.category === right.category && compareActions(other, right).length === 0)
      : undefined;
    if (newer) {
      result.pairs.push({ left: newer, right });
      result.pairedLeft.add(newer).add(left);
      result.pairedRight.add(right);
      result.superseded.push(left);
      continue;
    }
    if (left.name !== entry.name || left.category !== entry.category) {
      disagreements.push(
        `${actionLabel(right)}: ${entry.id} was "${entry.category}/${entry.name}" at the last push or pull and is "${actionLabel(left)}" in the org now (renamed in the UI?); the push would overwrite that`,
      );
    }
    result.pairs.push({ left, right });
    result.pairedLeft.add(left);
    result.pairedRight.add(right);
  }
  return result;
}

function removal(left: ComparableAction, live: LiveAction, prune: boolean, why: string): PlanStep {
  return {
    kind: prune ? 'delete' : 'keep',
    action: actionLabel(left),
    live,
    fields: [],
    reason: prune ? why : `${why}; kept (--prune deletes it)`,
  };
}

function draftsNeverPublished(live: LiveOrg): Map<string, string> {
  const published = new Set(live.actions.map((a) => a.action.id));
  const byKey = new Map<string, string>();
  for (const draft of live.drafts) if (!published.has(draft.id)) byKey.set(`${draft.category}\u0000${draft.name}`, draft.id);
  return byKey;
}

export function needsConfirmation(plan: PushPlan): PlanStep[] {
  return plan.steps.filter((step) => step.kind === 'replace' || step.kind === 'delete');
}
