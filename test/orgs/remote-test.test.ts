import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateAction } from '../../src/simulate/simulate-action.js';
import type { DataActionExport } from '../../src/export/data-action-export.js';
import type { TestRunner } from '../platform-server/index.js';
import { repoRoot } from '../support/paths.js';
import { expectNoSecrets, startOrgWorld } from './org-harness.js';

const seed = { integrations: [{ id: 'int-gc', name: 'Genesys Cloud Data Actions', typeId: 'purecloud-data-actions' }] };
const responses = join(repoRoot, 'test/fixtures/responses');
const bundled = Object.fromEntries(
  readdirSync(join(repoRoot, 'definitions/actions')).map((file) => [
    `definitions/actions/${file}`,
    readFileSync(join(repoRoot, 'definitions/actions', file), 'utf8').replace(/\.\.\/\.\.\/test\/fixtures\/responses/g, responses),
  ]),
);

/** What the live services would answer, per action: the platform runs the action against these. */
const liveResponses: Record<string, unknown> = {
  'Find External Contacts by DNI': JSON.parse(readFileSync(join(responses, 'externalcontacts-search.json'), 'utf8')),
  'Create External Contact': JSON.parse(readFileSync(join(responses, 'externalcontact-created.json'), 'utf8')),
  'Get Customer Chat Communication': JSON.parse(readFileSync(join(responses, 'conversation-webchat.json'), 'utf8')),
  'Associate External Contact with Conversation': null,
};

/** A stand-in for the platform's engine: calls the "service", reports the raw response as an operation, and resolves. */
function platformEngine(quirk?: { action: string; finalResult: unknown }): TestRunner {
  return ({ action, input }) => {
    const body = liveResponses[action.name];
    const artifact = {
      name: action.name,
      integrationType: 'purecloud-data-actions',
      actionType: 'custom',
      config: action.config,
      contract: action.contract,
      secure: action.secure,
    } as unknown as DataActionExport;
    const trace = simulateAction(artifact, { input: input as Record<string, unknown>, response: { body } });
    return {
      operations: [
        { step: 1, name: 'Resolve request URL template', success: true, result: trace.request?.url },
        { step: 5, name: 'Execute request', success: true, result: body },
      ],
      success: trace.success,
      finalResult: quirk?.action === action.name ? quirk.finalResult : trace.output,
    };
  };
}

describe('dactl test --remote', () => {
  it('agrees with the platform when the engines agree, and names the test where they do not', async () => {
    const world = await startOrgWorld(bundled, { seed, testRunner: platformEngine() });
    expect((await world.dactl('push', '--org', 'test', '--yes')).code).toBe(0);

    const agreeing = await world.dactl('test', '--remote', '--org', 'test');
    expectNoSecrets(agreeing);
    expect(agreeing.stdout).toContain('= Get Customer Chat Communication › web chat routed to an agent');
    expect(agreeing.stdout).toMatch(/org "test": 9 tests, 9 agree, 0 disagree, 0 not in the org/);
    expect(agreeing.code).toBe(0);

    world.server.setTestRunner(platformEngine({ action: 'Find External Contacts by DNI', finalResult: { total: 3, contactIds: [], titles: [] } }));
    const disagreeing = await world.dactl('test', '--remote', '--org', 'test', '--format', 'json');
    expect(disagreeing.code).toBe(1);
    const report = JSON.parse(disagreeing.stdout) as { results: Array<{ action: string; outcome: string; notes: string[] }> };
    const differing = report.results.filter((r) => r.outcome === 'disagree');
    expect(differing.map((r) => r.action)).toEqual(['Find External Contacts by DNI', 'Find External Contacts by DNI']);
    expect(differing[0]!.notes[0]).toMatch(/^outputs differ: platform \{"total":3,"contactIds":\[\],"titles":\[\]\}, dactl /);
  });

  it('says which actions are not in the org, and needs a profile', async () => {
    const world = await startOrgWorld(bundled, { seed, testRunner: platformEngine() });
    const missing = await world.dactl('test', '--remote', '--org', 'test');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('? Create External Contact › an unset email is left out of the body');
    expect(missing.stdout).toContain('no published action "Create External Contact" in category "Genesys Cloud Data Actions"; push it first');
    const noOrg = await world.dactl('test', '--remote');
    expect(noOrg.code).toBe(2);
    expect(noOrg.stderr).toContain('--remote needs --org <profile>');
  });
});
