import { createHash } from 'node:crypto';
import { liveActionToExport, type LiveOrg } from '../orgs/live-actions.js';
import { sortKeys } from '../json/json-values.js';
import { stateFileOf } from '../orgs/org-state.js';
import type { PushPlan } from './plan-push.js';

/** What `push --out plan.json` writes and `push --plan plan.json` applies. */
export interface SavedPlan {
  dactlPushPlan: 1;
  org: string;
  /** The org's custom actions and drafts when the plan was made: applying refuses if they changed since. */
  orgFingerprint: string;
  /** The --target globs the plan was made with; applying it uses the same. */
  target?: string[];
  steps: SavedStep[];
}

export interface SavedStep {
  kind: string;
  action: string;
  file?: string;
  id?: string;
  fields: Array<{ field: string; left?: unknown; right?: unknown }>;
}

/** Changes with the id, version or content of any action or draft of the org. */
export function orgFingerprint(live: LiveOrg): string {
  const actions = live.actions
    .map((action) => ({ id: action.action.id, version: action.action.version, category: action.action.category, exported: liveActionToExport(action) ?? null }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const drafts = live.drafts.map((draft) => ({ id: draft.id, version: draft.version, name: draft.name })).sort((a, b) => (a.id < b.id ? -1 : 1));
  return createHash('sha256').update(JSON.stringify(sortKeys({ actions, drafts }))).digest('hex');
}

export function savedSteps(plan: PushPlan, definitionsDir: string): SavedStep[] {
  return plan.steps
    .filter((step) => step.kind !== 'unchanged')
    .map((step) => ({
      kind: step.kind,
      action: step.action,
      ...(step.desired ? { file: stateFileOf(definitionsDir, step.desired.file) } : {}),
      ...(step.live ? { id: step.live.action.id } : {}),
      fields: step.fields.map((f) => ({ field: f.field, ...(f.left === undefined ? {} : { left: f.left }), ...(f.right === undefined ? {} : { right: f.right }) })),
    }));
}

export function savePlan(org: string, live: LiveOrg, plan: PushPlan, definitionsDir: string, target: readonly string[] = []): SavedPlan {
  return { dactlPushPlan: 1, org, orgFingerprint: orgFingerprint(live), ...(target.length ? { target: [...target] } : {}), steps: savedSteps(plan, definitionsDir) };
}

/** Why the saved plan cannot be applied as it is, if it cannot. */
export function savedPlanMismatch(saved: SavedPlan, org: string, live: LiveOrg, plan: PushPlan, definitionsDir: string): string | undefined {
  if (saved.org !== org) return `the plan was made for org "${saved.org}", not "${org}"`;
  if (saved.orgFingerprint !== orgFingerprint(live)) {
    return `org "${org}" changed since the plan was made (an action or draft was created, changed or deleted)`;
  }
  if (JSON.stringify(savedSteps(plan, definitionsDir)) !== JSON.stringify(saved.steps)) return 'the definitions changed since the plan was made';
  return undefined;
}

export function isSavedPlan(value: unknown): value is SavedPlan {
  const plan = value as Partial<SavedPlan> | null;
  return typeof plan === 'object' && plan !== null && plan.dactlPushPlan === 1 && typeof plan.org === 'string' && typeof plan.orgFingerprint === 'string' && Array.isArray(plan.steps);
}
