import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getUserSpec } from './cli-harness.js';
import { expectNoSecrets, startOrgWorld, type OrgWorld } from './org-harness.js';

const seed = {
  integrations: [{ id: 'int-gc', name: 'Genesys Cloud Data Actions', typeId: 'purecloud-data-actions' }],
  staticActions: [{ id: 'static-time', name: 'Get Current Time', category: 'Genesys Cloud Data Actions', integrationId: 'int-gc' }],
};

const specs = {
  'definitions/actions/get-user.action.yaml': getUserSpec(),
  'definitions/actions/get-queue.action.yaml': getUserSpec({ name: 'Get Queue', url: '/api/v2/routing/queues/{userId}' }),
};

const writes = (world: OrgWorld) => world.server.requests.filter((r) => r.method !== 'GET' && r.path !== '/oauth/token');
const published = (world: OrgWorld) =>
  [...world.server.state.actions.values()].filter((a) => !a.id.startsWith('static')).map((a) => a.name).sort();

async function push(world: OrgWorld, ...extra: string[]) {
  const run = await world.dactl('push', '--org', 'test', ...extra);
  expectNoSecrets(run);
  return run;
}

describe('dactl push', () => {
  it('creates, then a second push changes nothing', async () => {
    const world = await startOrgWorld(specs, { seed });
    const dry = await push(world, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('plan for org "test": 2 to create, 0 to update in place, 0 to replace with a new id, 0 to delete, 0 unchanged');
    expect(writes(world)).toEqual([]);

    const first = await push(world);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('published Genesys Cloud Data Actions/Get User (create)');
    expect(first.stdout).toContain('pushed to org "test": 2 of 2 changes applied');
    expect(published(world)).toEqual(['Get Queue', 'Get User']);
    expect(world.server.state.drafts.size).toBe(0);
    expect([...world.server.state.actions.values()].find((a) => a.name === 'Get User')?.category).toBe('Genesys Cloud Data Actions');

    const before = writes(world).length;
    const second = await push(world);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('0 to create, 0 to update in place, 0 to replace with a new id, 0 to delete, 2 unchanged');
    expect(second.stdout).toContain('org "test" is up to date');
    expect(writes(world).length).toBe(before);
    expect((await world.dactl('diff', 'definitions', 'org:test')).code).toBe(0);
  });

  it('updates in place, keeping the id and bumping the version', async () => {
    const world = await startOrgWorld(specs, { seed });
    await push(world);
    const id = [...world.server.state.actions.values()].find((a) => a.name === 'Get User')!.id;
    await writeFile(join(world.cwd, 'definitions/actions/get-user.action.yaml'), getUserSpec({ url: '/api/v2/users/{userId}?expand=presence' }));
    const diff = await world.dactl('diff', 'org:test', 'definitions', '--format', 'json');
    expect(diff.code).toBe(1);
    expect(JSON.parse(diff.stdout).changes).toMatchObject([{ action: 'Get User', kind: 'update' }]);
    const run = await push(world);
    expect(run.stdout).toContain('~ update  Genesys Cloud Data Actions/Get User  (config.request.requestUrlTemplate)');
    expect(run.code).toBe(0);
    const action = world.server.state.actions.get(id)!;
    expect(action.config.request.requestUrlTemplate).toContain('expand=presence');
    expect(action.version).toBeGreaterThan(1);
    expect(world.server.requests.some((r) => r.method === 'POST' && r.path === `/api/v2/integrations/actions/${id}/draft/publish`)).toBe(true);
  });

  it('replaces a changed contract only with --yes, under a new id', async () => {
    const world = await startOrgWorld(specs, { seed });
    await push(world);
    const oldId = [...world.server.state.actions.values()].find((a) => a.name === 'Get User')!.id;
    await writeFile(join(world.cwd, 'definitions/actions/get-user.action.yaml'), getUserSpec({ extraInput: true }));
    const refused = await push(world);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('! replace Genesys Cloud Data Actions/Get User  (contract.input.inputSchema.properties.expand)  new id');
    expect(refused.stderr).toContain('flows that call this action break');
    expect(world.server.state.actions.has(oldId)).toBe(true);

    const run = await push(world, '--yes');
    expect(run.code).toBe(0);
    expect(world.server.state.actions.has(oldId)).toBe(false);
    expect(published(world)).toEqual(['Get Queue', 'Get User']);
    expect((await push(world)).stdout).toContain('is up to date');
  });

  it('keeps actions the definitions lack unless --prune (with --yes), never static ones', async () => {
    const world = await startOrgWorld(specs, { seed: { ...seed, actions: [{ name: 'Legacy', integrationId: 'int-gc' }] } });
    const run = await push(world);
    expect(run.stdout).toContain('= keep    Genesys Cloud Data Actions/Legacy  not in the definitions; kept (--prune deletes it)');
    expect(published(world)).toEqual(['Get Queue', 'Get User', 'Legacy']);
    expect((await push(world, '--prune')).code).toBe(2);
    const pruned = await push(world, '--prune', '--yes');
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toContain('deleted Genesys Cloud Data Actions/Legacy');
    expect(published(world)).toEqual(['Get Queue', 'Get User']);
    expect(world.server.state.actions.has('static-time')).toBe(true);
  });

  it('reports a partial failure, exit 1, and a re-run finishes without duplicates', async () => {
    const world = await startOrgWorld(specs, { seed });
    world.server.inject({ kind: 'malformed-json', path: /\/draft\/publish$/, times: 1 });
    const first = await push(world);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/failed Genesys Cloud Data Actions\/Get (User|Queue) \(create\): Genesys Cloud returned a malformed JSON response/);
    expect(first.stdout).toMatch(/published Genesys Cloud Data Actions\/Get (User|Queue) \(create\)/);
    expect(first.stderr).toMatch(/1 of 2 changes applied; not applied: Genesys Cloud Data Actions\/Get (User|Queue)/);
    expect(first.stderr).toContain('re-run the same push to finish');

    const second = await push(world);
    expect(second.stdout).toContain('finishing the draft an earlier push left');
    expect(second.code).toBe(0);
    expect(published(world)).toEqual(['Get Queue', 'Get User']);
    expect(world.server.state.drafts.size).toBe(0);
    expect((await push(world)).stdout).toContain('is up to date');
  });

  it('shows a progress bar on a terminal', async () => {
    const world = await startOrgWorld(specs, { seed });
    const { runCli } = await import('./cli-harness.js');
    const run = await runCli(['push', '--org', 'test'], { cwd: world.cwd, env: world.env, isTTY: true });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('\r[###############################'.slice(0, 20));
    expect(run.stderr).toContain('2/2');
  });
});
