import type { PlatformClient } from '../platform/client.js';
import type { TestExecutionResult } from '../platform/types.js';
import type { ProjectAction } from '../project/model.js';
import { simulateAction } from './simulate-action.js';
import type { Trace } from './types.js';
import { liveActionToExport, readLiveOrg, type LiveAction } from '../orgs/live-actions.js';
import type { OrgProfile } from '../orgs/org-profile.js';
import { sortKeys } from '../json/json-values.js';
import { own } from '../json/own.js';

export type RemoteOutcome = 'agree' | 'disagree' | 'not-in-org';

export interface RemoteTestResult {
  file: string;
  action: string;
  test: string;
  outcome: RemoteOutcome;
  /** What differs, or why the test could not run, in words. */
  notes: string[];
  platform?: { success: boolean; finalResult?: unknown; error?: string };
  local?: { success: boolean; output?: unknown; failure?: string };
}

const responseStep = /execut|response|result of (the )?request/i;

/**
 * Runs each spec test's input through the org's own test endpoint, then replays the response the platform got
 * through the local simulator, and compares the outcomes: the measure of how faithfully dactl runs actions.
 */
export async function runRemoteTests(
  actions: readonly ProjectAction[],
  client: PlatformClient,
  profile: OrgProfile,
): Promise<RemoteTestResult[]> {
  const live = await readLiveOrg(client);
  const results: RemoteTestResult[] = [];
  for (const action of actions) {
    const spec = action.spec;
    if (!spec?.tests?.length) continue;
    const category = own(profile.integrations, spec.integration) ?? spec.category;
    const match = live.actions.find(
      (candidate) => candidate.action.name === spec.name && (category === undefined || candidate.action.category === category),
    );
    for (const test of spec.tests) {
      const base = { file: action.file, action: spec.name, test: test.name };
      if (!match) {
        results.push({ ...base, outcome: 'not-in-org', notes: [`no published action "${spec.name}"${category ? ` in category "${category}"` : ''}; push it first`] });
        continue;
      }
      const platform = await client.testAction(match.action.id, test.input ?? {});
      results.push({ ...base, ...compare(match, platform, test.input ?? {}, test.response) });
    }
  }
  return results;
}

function compare(
  live: LiveAction,
  platform: TestExecutionResult,
  input: Record<string, unknown>,
  recorded: unknown,
): Pick<RemoteTestResult, 'outcome' | 'notes' | 'platform' | 'local'> {
  const notes: string[] = [];
  const differences: string[] = [];
  const platformSide = {
    success: platform.success,
    finalResult: platform.finalResult,
    ...(platform.error?.message ? { error: platform.error.message } : {}),
  };
  const artifact = liveActionToExport(live);
  if (!artifact) return { outcome: 'disagree', notes: ['the org returned the action without its configuration'], platform: platformSide };
  const responseOperation = [...platform.operations].reverse().find((op) => responseStep.test(op.name ?? '') && op.result !== undefined);
  if (!responseOperation) notes.push('the platform reported no response step; replayed the spec test\'s recorded response instead');
  const trace: Trace = simulateAction(artifact, { input, response: { body: responseOperation ? responseOperation.result : recorded } });
  const local = {
    success: trace.success,
    ...(trace.success ? { output: trace.output } : {}),
    ...(trace.failure ? { failure: `${trace.failure.step}: ${trace.failure.message}` } : {}),
  };
  if (platform.success !== trace.success) {
    differences.push(platform.success ? `the platform succeeded; dactl failed at ${local.failure}` : `the platform failed (${platformSide.error ?? 'no message'}); dactl succeeded`);
  } else if (platform.success && JSON.stringify(sortKeys(platform.finalResult)) !== JSON.stringify(sortKeys(trace.output))) {
    differences.push(`outputs differ: platform ${JSON.stringify(platform.finalResult)}, dactl ${JSON.stringify(trace.output)}`);
  }
  return { outcome: differences.length ? 'disagree' : 'agree', notes: [...differences, ...notes], platform: platformSide, local };
}

