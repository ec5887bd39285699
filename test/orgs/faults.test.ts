import { describe, expect, it } from 'vitest';
import type { Fault } from '../platform-server/index.js';
import { getUserSpec, runCli } from './cli-harness.js';
import { expectNoSecrets, startOrgWorld, type OrgWorld } from './org-harness.js';

const seed = { integrations: [{ id: 'int-gc', name: 'Genesys Cloud Data Actions', typeId: 'purecloud-data-actions' }] };
const specs = {
  'definitions/actions/get-user.action.yaml': getUserSpec(),
  'definitions/actions/get-queue.action.yaml': getUserSpec({ name: 'Get Queue', url: '/api/v2/routing/queues/{userId}' }),
};
const names = (world: OrgWorld) => [...world.server.state.actions.values()].map((a) => a.name).sort();

async function push(world: OrgWorld, ...extra: string[]) {
  const run = await world.dactl('push', '--org', 'test', ...extra);
  expectNoSecrets(run);
  return run;
}

describe('push and diff through injected faults', () => {
  const recoverable: Array<[string, Fault]> = [
    ['a rate limit with Retry-After', { kind: 'rate-limit', retryAfterSeconds: 0, times: 2 }],
    ['a server error', { kind: 'server-error', status: 503, times: 1 }],
    ['a dropped connection', { kind: 'drop-connection', times: 1 }],
    ['a slow response', { kind: 'slow', delayMs: 150, times: 3 }],
  ];
  it.each(recoverable)('finishes the push despite %s', async (_, fault) => {
    const world = await startOrgWorld(specs, { seed });
    world.server.inject(fault);
    const run = await push(world);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(names(world)).toEqual(['Get Queue', 'Get User']);
  });

  it('gets a new token when the old one expires mid-run', async () => {
    const world = await startOrgWorld(specs, { seed });
    expect((await push(world)).code).toBe(0);
    world.server.inject({ kind: 'expire-token' });
    const diff = await world.dactl('diff', 'definitions', 'org:test');
    expect(diff.code).toBe(0);
  });

  it('a malformed listing is one sentence, exit 2, nothing changed', async () => {
    const world = await startOrgWorld(specs, { seed });
    world.server.inject({ kind: 'malformed-json', path: '/api/v2/integrations/actions', method: 'GET', times: 1 });
    const run = await push(world);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('dactl: Genesys Cloud returned a malformed JSON response (HTTP 200) to GET /api/v2/integrations/actions.\n');
    expect(names(world)).toEqual([]);
  });

  it('diff against a live org through a rate limit', async () => {
    const world = await startOrgWorld(specs, { seed });
    await push(world);
    world.server.inject({ kind: 'rate-limit', retryAfterSeconds: 0, times: 3 });
    const run = await world.dactl('diff', 'org:test', 'definitions', '--format', 'json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ changes: [] });
  });
});

describe('bad input: one clear sentence, exit 2', () => {
  it('names the credential variables to set', async () => {
    const world = await startOrgWorld(specs, { seed });
    const run = await runCli(['push', '--org', 'test'], { cwd: world.cwd, env: {} });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'dactl: Genesys Cloud credentials are missing for profile "test": set TEST_GENESYSCLOUD_OAUTHCLIENT_ID, TEST_GENESYSCLOUD_OAUTHCLIENT_SECRET (or TEST_GENESYSCLOUD_ACCESS_TOKEN instead of the client id and secret).\n',
    );
  });

  it('honours envPrefix', async () => {
    const world = await startOrgWorld(specs, { seed }, 'envPrefix: ACME\n');
    const run = await runCli(['pull', '--org', 'test'], { cwd: world.cwd, env: world.env });
    expect(run.stderr).toContain('set ACME_GENESYSCLOUD_OAUTHCLIENT_ID');
    const ok = await runCli(['pull', '--org', 'test'], {
      cwd: world.cwd,
      env: { ACME_GENESYSCLOUD_OAUTHCLIENT_ID: 'dactl-e2e-client', ACME_GENESYSCLOUD_OAUTHCLIENT_SECRET: 'e2e-S3CRET-never-printed' },
    });
    expect(ok.code).toBe(0);
  });

  it('a wrong secret is a 401 sentence', async () => {
    const world = await startOrgWorld(specs, { seed });
    const run = await runCli(['diff', 'definitions', 'org:test'], {
      cwd: world.cwd,
      env: { ...world.env, TEST_GENESYSCLOUD_OAUTHCLIENT_SECRET: 'wrong-secret' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^dactl: Genesys Cloud rejected the credentials for POST \/oauth\/token: .*\n$/);
    expect(run.stderr).not.toContain('wrong-secret');
  });

  it('a missing permission is named, and the push stops', async () => {
    const world = await startOrgWorld(specs, {
      seed,
      clients: [
        {
          clientId: 'viewer',
          clientSecret: 'viewer-secret',
          permissions: ['integrations:integration:view', 'integrations:action:view', 'integrations:action:edit'],
        },
      ],
    });
    const run = await runCli(['push', '--org', 'test'], {
      cwd: world.cwd,
      env: { TEST_GENESYSCLOUD_OAUTHCLIENT_ID: 'viewer', TEST_GENESYSCLOUD_OAUTHCLIENT_SECRET: 'viewer-secret' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('0 of 2 changes applied');
    expect(run.stderr).toContain('dactl: stopped: The OAuth client lacks the permission integrations:action:add');
    expect(names(world)).toEqual([]);
  });

  it('an unreachable host', async () => {
    const world = await startOrgWorld(specs, { seed });
    await world.server.stop();
    const run = await world.dactl('pull', '--org', 'test');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^dactl: Cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\) for POST \/oauth\/token; check the region and the network\.\n$/);
  });

  it('an unknown profile and an unknown region', async () => {
    const world = await startOrgWorld(specs, { seed });
    const unknown = await world.dactl('push', '--org', 'prod');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('dactl: unknown org profile "prod": there is no orgs/prod.yaml in the definitions folder (profiles: test)\n');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${world.cwd}/definitions/orgs/test.yaml`, 'region: moon-1\n');
    const badRegion = await world.dactl('diff', 'definitions', 'org:test');
    expect(badRegion.code).toBe(2);
    expect(badRegion.stderr).toMatch(/^dactl: org profile "test" is invalid: orgs\/test\.yaml:1:9: Unknown Genesys Cloud region "moon-1"; use one of us-east-1, .*\n$/);
  });
});

describe('performance', () => {
  it('pushing 1,000 unchanged actions does no writes and takes under 10 s', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) files[`definitions/actions/a${i}.action.yaml`] = getUserSpec({ name: `Action ${i}` });
    const world = await startOrgWorld(files, { seed });
    const { loadProject } = await import('../../src/project/load-project.js');
    const project = await loadProject(`${world.cwd}/definitions`);
    for (const action of project.actions) {
      const artifact = action.artifact!;
      world.server.state.addPublishedAction({
        name: artifact.name,
        integrationId: 'int-gc',
        category: 'Genesys Cloud Data Actions',
        contract: artifact.contract,
        config: { ...artifact.config, request: { ...artifact.config.request, requestType: 'GET' } },
      });
    }
    const run = await push(world);
    expect(run.stdout).toContain('1000 unchanged');
    expect(run.code).toBe(0);
    expect(world.server.requests.filter((r) => r.method !== 'GET' && r.path !== '/oauth/token')).toEqual([]);
  }, 60_000);
});
