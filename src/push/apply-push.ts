import type { PlatformClient } from '../platform/client.js';
import { isPlatformError } from '../platform/errors.js';
import type { Action, PostActionInput } from '../platform/types.js';
import type { PlanStep, PushPlan } from './plan-push.js';

export type StepOutcome = 'published' | 'deleted' | 'failed' | 'not-attempted';

export interface StepResult {
  step: PlanStep;
  outcome: StepOutcome;
  /** One sentence, safe to print. */
  error?: string;
  /** The id of the action a create or replace published. */
  newId?: string;
  /** A replace published its new action but could not delete the old one. */
  oldKept?: boolean;
}

export interface ApplyOptions {
  /** Steps in progress at once; each is a short sequence of requests. */
  concurrency?: number;
  onStepDone?: (result: StepResult, done: number, total: number) => void;
}

export interface ApplyResult {
  results: StepResult[];
  /** Set when a failure means every further request would fail too (credentials, permission, network). */
  abortedBecause?: string;
}

const fatalCodes = new Set(['platform.unauthorized', 'platform.forbidden', 'platform.unreachable']);

/**
 * Applies the plan's changes: each action through draft → patch with version → validate → publish, so a failure
 * leaves the published action as it was. Actions fail independently; what was published is reported either way,
 * and a re-run (re-planned against the org) finishes the rest, reusing drafts an interrupted run left behind.
 */
export async function applyPush(client: PlatformClient, plan: PushPlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const work = plan.steps.filter((step) => step.kind === 'create' || step.kind === 'update' || step.kind === 'replace' || step.kind === 'delete');
  const results: StepResult[] = [];
  let abortedBecause: string | undefined;
  let next = 0;
  const worker = async () => {
    while (next < work.length) {
      const step = work[next++] as PlanStep;
      const result: InternalResult = abortedBecause === undefined ? await applyStep(client, step) : { step, outcome: 'not-attempted' };
      if (result.outcome === 'failed' && result.error !== undefined && result.fatal) abortedBecause ??= result.error;
      delete result.fatal;
      results.push(result);
      options.onStepDone?.(result, results.length, work.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return abortedBecause === undefined ? { results } : { results, abortedBecause };
}

type InternalResult = StepResult & { fatal?: boolean };

async function applyStep(client: PlatformClient, step: PlanStep): Promise<InternalResult> {
  let published: Action | undefined;
  try {
    switch (step.kind) {
      case 'create':
        published = await createAndPublish(client, step.desired!.body, step.resumeDraftId);
        return { step, outcome: 'published', newId: published.id };
      case 'update':
        await updateAndPublish(client, step);
        return { step, outcome: 'published' };
      case 'replace':
        published = await createAndPublish(client, step.desired!.body, step.resumeDraftId);
        await deleteVerified(client, step.live!.action.id);
        return { step, outcome: 'published', newId: published.id };
      case 'delete':
        await deleteVerified(client, step.live!.action.id);
        return { step, outcome: 'deleted' };
      default:
        return { step, outcome: 'not-attempted' };
    }
  } catch (error) {
    const failure: InternalResult = { step, outcome: 'failed', error: messageOf(error), fatal: isFatal(error) };
    if (published) {
      // The new action is live; only the old one's removal failed, so the step counts as published.
      return { step, outcome: 'published', newId: published.id, oldKept: true, error: failure.error };
    }
    return failure;
  }
}

/**
 * A DELETE whose answer was lost (a timeout, a dropped connection, a 5xx, or a retry that found it gone) may
 * still have deleted the action: the action is looked up, and only one that is still there counts as not deleted.
 */
async function deleteVerified(client: PlatformClient, id: string): Promise<void> {
  try {
    await client.deleteAction(id);
  } catch (error) {
    if (!isPlatformError(error) || fatalCodes.has(error.code)) throw error;
    const stillThere = await client.getAction(id, { expand: null, includeConfig: false }).then(
      () => true,
      (lookup: unknown) => {
        if (isPlatformError(lookup) && lookup.code === 'platform.not-found') return false;
        throw error;
      },
    );
    if (stillThere) throw error;
  }
}

async function createAndPublish(client: PlatformClient, body: PostActionInput, resumeDraftId: string | undefined): Promise<Action> {
  let draft: Action;
  if (resumeDraftId === undefined) {
    draft = await client.createDraft(body);
  } else {
    const current = await client.getDraft(resumeDraftId, { expand: null, includeConfig: false });
    const { integrationId: _integrationId, ...changes } = body;
    draft = await client.patchDraft(resumeDraftId, { ...changes, version: current.version });
  }
  return validateAndPublish(client, draft);
}

async function updateAndPublish(client: PlatformClient, step: PlanStep): Promise<Action> {
  const id = step.live!.action.id;
  const body = step.desired!.body;
  const draft = step.live!.hasDraft
    ? await client.getDraft(id, { expand: null, includeConfig: false })
    : await client.createDraftFromAction(id);
  const patched = await client.patchDraft(id, { name: body.name, category: body.category, config: body.config, version: draft.version });
  return validateAndPublish(client, patched);
}

async function validateAndPublish(client: PlatformClient, draft: Action): Promise<Action> {
  const validation = await client.validateDraft(draft.id);
  if (!validation.valid) {
    const reasons = validation.errors.map((e) => e.message).filter(Boolean).join('; ');
    throw new ValidationFailed(`Genesys Cloud found the draft invalid${reasons ? `: ${reasons}` : ''}; it was left unpublished`);
  }
  return client.publishDraft(draft.id, draft.version);
}

class ValidationFailed extends Error {}

function messageOf(error: unknown): string {
  if (isPlatformError(error) || error instanceof ValidationFailed) return error.message;
  throw error;
}

function isFatal(error: unknown): boolean {
  return isPlatformError(error) && fatalCodes.has(error.code);
}
