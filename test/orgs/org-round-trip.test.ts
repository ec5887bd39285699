import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getUserSpec } from './cli-harness.js';
import { CLIENT_ID, CLIENT_SECRET, expectNoSecrets, startOrgWorld, type OrgWorld } from './org-harness.js';

const seed = { integrations: [{ id: 'int-gc', name: 'Genesys Cloud Data Actions', typeId: 'purecloud-data-actions' }] };
const userFile = 'definitions/actions/get-user.action.yaml';
const specs = {
  [userFile]: getUserSpec(),
  'definitions/actions/get-queue.action.yaml': getUserSpec({ name: 'Get Queue', url: '/api/v2/routing/queues/{userId}' }),
};

const published = (world: OrgWorld) => [...world.server.state.actions.values()].filter((a) => !a.id.startsWith('static'));
const idOf = (world: OrgWorld, name: string) => published(world).find((a) => a.name === name)?.id;
const writes = (world: OrgWorld) => world.server.requests.filter((r) => r.method !== 'GET' && r.path !== '/oauth/token');

async function push(world: OrgWorld, ...extra: string[]) {
  const run = await world.dactl('push', '--org', 'test', ...extra);
  expectNoSecrets(run);
  return run;
}

const stateFile = (world: OrgWorld) => readFile(join(world.cwd, 'definitions/orgs/test.state.yaml'), 'utf8');

describe('identity that survives edits', () => {
  it('keeps ids in a sorted state file; a renamed spec and a moved file update the same action', async () => {
    const world = await startOrgWorld(specs, { seed });
    expect((await push(world)).code).toBe(0);
    const id = idOf(world, 'Get User')!;
    const state = await stateFile(world);
    expect(state.split('\n').filter((line) => line.startsWith('  - '))).toEqual([
      `  - { id: ${idOf(world, 'Get Queue')}, file: actions/get-queue.action.yaml, category: Genesys Cloud Data Actions, name: Get Queue }`,
      `  - { id: ${id}, file: actions/get-user.action.yaml, category: Genesys Cloud Data Actions, name: Get User }`,
    ]);

    await writeFile(join(world.cwd, userFile), getUserSpec({ name: 'Get User By Id' }));
    const renamed = await push(world);
    expect(renamed.stdout).toContain('~ update  Genesys Cloud Data Actions/Get User By Id  (name)');
    expect(renamed.stdout).toContain('      name: "Get User" → "Get User By Id"');
    expect(renamed.code).toBe(0);
    expect(idOf(world, 'Get User By Id')).toBe(id);
    expect(idOf(world, 'Get User')).toBeUndefined();

    await rename(join(world.cwd, userFile), join(world.cwd, 'definitions/actions/users.action.yaml'));
    const moved = await push(world);
    expect(moved.stdout).toContain('org "test" is up to date');
    expect(await stateFile(world)).toContain(`{ id: ${id}, file: actions/users.action.yaml`);
    expect((await world.dactl('diff', 'definitions', 'org:test')).code).toBe(0);
  });

  it('without a state file matches by name, and says so when the org lost an action the state knows', async () => {
    const world = await startOrgWorld(specs, { seed });
    await push(world);
    const id = idOf(world, 'Get User')!;
    world.server.state.actions.delete(id);
    const refused = await push(world);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`Genesys Cloud Data Actions/Get User: the state file says it is ${id}, which the org no longer has`);
    expect(refused.stderr).toContain('re-run with --yes');
    const forced = await push(world, '--yes');
    expect(forced.code).toBe(0);
    expect(idOf(world, 'Get User')).not.toBe(id);
    expect(await stateFile(world)).toContain(`id: ${idOf(world, 'Get User')}`);
  });

  it('asks for --yes when an action was renamed in the UI since the last push', async () => {
    const world = await startOrgWorld(specs, { seed });
    await push(world);
    const id = idOf(world, 'Get User')!;
    world.server.state.actions.get(id)!.name = 'Renamed In UI';
    const refused = await push(world);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('(renamed in the UI?)');
    expect((await push(world, '--yes')).code).toBe(0);
    expect(world.server.state.actions.get(id)?.name).toBe('Get User');
  });
});

describe('a plan like Terraform’s', () => {
  it('shows old → new values and template diffs, and pushes only --target', async () => {
    const world = await startOrgWorld(specs, { seed });
    await push(world);
    await writeFile(join(world.cwd, userFile), getUserSpec({ url: '/api/v2/users/{userId}?expand=presence' }));
    await writeFile(join(world.cwd, 'definitions/actions/get-queue.action.yaml'), getUserSpec({ name: 'Get Queue', url: '/api/v2/routing/queues/{userId}?x=1' }));
    const run = await push(world, '--target', 'Get User');
    expect(run.stdout).toContain(
      '      config.request.requestUrlTemplate: "/api/v2/users/$esc.url(${input.userId})" → "/api/v2/users/$esc.url(${input.userId})?expand=presence"',
    );
    expect(run.stdout).not.toContain('Get Queue');
    expect(run.code).toBe(0);
    const queue = world.server.state.actions.get(idOf(world, 'Get Queue')!)!;
    expect(queue.config.request.requestUrlTemplate).not.toContain('x=1');
  });

  it('lists the flows a replace breaks', async () => {
    const legacyArchyFlow = [
      'inboundCall:',
      '  name: Legacy',
      '  startUpRef: /inboundCall/tasks/task[Main_10]',
      '  defaultLanguage: en-us',
      '  supportedLanguages:',
      '    en-us:',
      '      defaultLanguageSkill:',
      '        noValue: true',
      '  tasks:',
      '    - task:',
      '        name: Main',
      '        refId: Main_10',
      '        actions:',
      '          - callData:',
      '              name: Get the user',
      '              timeout:',
      '                lit:',
      '                  minutes: 1',
      '              category:',
      '                Genesys Cloud Data Actions:',
      '                  dataAction:',
      '                    Get User:',
      '                      inputs:',
      '                        userId:',
      '                          lit: abc',
      '          - disconnect:',
      '              name: Disconnect',
      '',
    ].join('\n');
    const flow = `name: Look Up\ntype: inboundChat\nerrorHandling:\n  transferToQueue: Support\nsteps:\n  - callAction:\n      action: Get User\n      inputs:\n        userId: '"abc"'\n`;
    const world = await startOrgWorld({ ...specs, 'definitions/flows/look-up.flow.yaml': flow, 'definitions/archy/legacy.yaml': legacyArchyFlow }, { seed });
    await push(world);
    await writeFile(join(world.cwd, userFile), getUserSpec({ extraInput: true }));
    const run = await push(world, '--dry-run');
    expect(run.stderr).not.toContain('state.yaml');
    expect(run.stdout).toContain('! replace Genesys Cloud Data Actions/Get User');
    expect(run.stdout).toContain('      breaks: archy/legacy.yaml, flows/look-up.flow.yaml');
  });

  it('saves a plan and applies exactly it, refusing when the org changed since', async () => {
    const world = await startOrgWorld(specs, { seed });
    const saved = await push(world, '--out', 'plan.json');
    expect(saved.code).toBe(0);
    expect(writes(world)).toEqual([]);
    const plan = JSON.parse(await readFile(join(world.cwd, 'plan.json'), 'utf8')) as { steps: Array<{ kind: string; file: string }> };
    expect(plan.steps.map((s) => [s.kind, s.file])).toEqual([
      ['create', 'actions/get-queue.action.yaml'],
      ['create', 'actions/get-user.action.yaml'],
    ]);

    world.server.state.addPublishedAction({ name: 'Someone Else', integrationId: 'int-gc' });
    const stale = await push(world, '--plan', 'plan.json');
    expect(stale.code).toBe(2);
    expect(stale.stderr).toContain('org "test" changed since the plan was made');
    expect(published(world).map((a) => a.name)).toEqual(['Someone Else']);

    expect((await push(world, '--out', 'plan.json', '--target', 'Get Queue')).code).toBe(0);
    const subset = await push(world, '--plan', 'plan.json');
    expect(subset.code).toBe(0);
    expect(published(world).map((a) => a.name).sort()).toEqual(['Get Queue', 'Someone Else']);
    expect((await push(world, '--out', 'plan.json')).code).toBe(0);
    const applied = await push(world, '--plan', 'plan.json');
    expect(applied.code).toBe(0);
    expect(published(world).map((a) => a.name).sort()).toEqual(['Get Queue', 'Get User', 'Someone Else']);
    expect((await push(world, '--plan', 'plan.json')).stderr).toContain('changed since the plan was made');
  });

  it('refuses to publish what lint reports as errors unless --allow-lint-errors', async () => {
    const broken = `name: Broken\nintegration: purecloud-data-actions\nrequest:\n  method: GET\n  url: /api/v2/users/me\nresponse:\n  successTemplate: '{"id": \${nope}}'\ncontract:\n  output:\n    type: object\n    properties:\n      id: { type: string }\n`;
    const world = await startOrgWorld({ 'definitions/actions/broken.action.yaml': broken }, { seed });
    const refused = await push(world);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('(success-template-unknown-variable)');
    expect(refused.stderr).toContain('as build --strict does');
    expect(published(world)).toEqual([]);
    const strict = await world.dactl('build', '--strict');
    expect(strict.code).not.toBe(0);
    expect((await push(world, '--allow-lint-errors')).code).toBe(0);
    expect(published(world).map((a) => a.name)).toEqual(['Broken']);
  });
});

describe('interrupted pushes converge', () => {
  const changeUrl = async (world: OrgWorld) => {
    await push(world);
    await writeFile(join(world.cwd, userFile), getUserSpec({ url: '/api/v2/users/{userId}?expand=presence' }));
  };
  const changeContract = async (world: OrgWorld) => {
    await push(world);
    await writeFile(join(world.cwd, userFile), getUserSpec({ extraInput: true }));
  };
  const nothing = async () => undefined;
  const cases: Array<[string, string, RegExp, (world: OrgWorld) => Promise<void>]> = [
    ['create: the new draft', 'POST', /\/drafts$/, nothing],
    ['create: the patch of a resumed draft', 'PATCH', /\/draft$/, nothing],
    ['create: the validation', 'GET', /\/draft\/validation$/, nothing],
    ['create: the publish', 'POST', /\/draft\/publish$/, nothing],
    ['update: the draft of the action', 'POST', /\/[^/]+\/draft$/, changeUrl],
    ['update: the patch', 'PATCH', /\/draft$/, changeUrl],
    ['update: the publish', 'POST', /\/draft\/publish$/, changeUrl],
    ['replace: the new draft', 'POST', /\/drafts$/, changeContract],
    ['replace: the publish', 'POST', /\/draft\/publish$/, changeContract],
    ['replace: the delete of the old action', 'DELETE', /^\/api\/v2\/integrations\/actions\/[^/]+$/, changeContract],
  ];
  it.each(cases)('%s, answer lost: at most one draft, and the next push finishes', async (_, method, path, prepare) => {
    const world = await startOrgWorld({ [userFile]: getUserSpec() }, { seed });
    await prepare(world);
    world.server.inject({ kind: 'lose-response', path, method, times: 1 });
    await push(world, '--yes');
    expect(world.server.state.drafts.size).toBeLessThanOrEqual(1);
    const again = await push(world, '--yes');
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(world.server.state.drafts.size).toBe(0);
    expect(published(world).map((a) => a.name)).toEqual(['Get User']);
    expect((await push(world)).stdout).toContain('is up to date');
  });

  it('a DELETE whose answer was lost is verified, not reported as failed', async () => {
    const world = await startOrgWorld({}, { seed: { ...seed, actions: [{ name: 'Legacy', integrationId: 'int-gc' }] } });
    world.server.inject({ kind: 'lose-response', method: 'DELETE', times: 1 });
    const run = await push(world, '--prune', '--yes');
    expect(run.stdout).toContain('deleted Genesys Cloud Data Actions/Legacy');
    expect(run.code).toBe(0);
    expect(published(world)).toEqual([]);
  });
});

describe('credentials a server echoes back are never printed', () => {
  it('redacts Authorization values, bearer tokens and basic credentials from errors', async () => {
    const world = await startOrgWorld(specs, { seed });
    world.server.inject({ kind: 'echo-request', status: 400, path: '/oauth/token', times: 1 });
    const token = await push(world);
    world.server.inject({ kind: 'echo-request', status: 400, path: '/api/v2/integrations/actions/drafts', times: 2 });
    const api = await push(world);
    world.server.inject({ kind: 'echo-request', status: 400, path: '/api/v2/integrations', times: 1 });
    const pull = await world.dactl('pull', '--org', 'test');
    for (const run of [token, api, pull]) {
      const all = run.stdout + run.stderr;
      expect(all).toContain('[redacted]');
      expect(all).not.toContain(CLIENT_SECRET);
      expect(all).not.toContain(Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64'));
      expect(all).not.toMatch(/test-token-\d/);
    }
    expect(api.stdout + api.stderr).toMatch(/authorization: \[redacted\]/i);
  });
});

describe('push, then pull, then diff', () => {
  it('shows no difference for generated specs', async () => {
    const random = seeded(7);
    for (let round = 0; round < 4; round++) {
      const files: Record<string, string> = {};
      const count = 1 + Math.floor(random() * 4);
      for (let i = 0; i < count; i++) {
        const name = `Action ${round}-${i} ${['Ünïcode', 'quote"d', 'a/b', 'x'.repeat(200)][Math.floor(random() * 4)]}`;
        const method = ['GET', 'POST', 'PUT'][Math.floor(random() * 3)]!;
        const body = method === 'GET' ? '' : `  body:\n    id: '{userId}'\n    note: "line\\nbreak"\n`;
        files[`definitions/actions/a${i}.action.yaml`] =
          `name: ${JSON.stringify(name)}\nintegration: purecloud-data-actions\n${random() < 0.5 ? 'timeoutSeconds: 12\n' : ''}request:\n  method: ${method}\n  url: /api/v2/things/{userId}\n${body}inputs:\n  userId: { type: string, required: true }\noutputs:\n  email: { type: string, from: $.email, default: none }\n  count: { type: integer, from: $.n }\n`;
      }
      const world = await startOrgWorld(files, { seed });
      expect((await push(world)).code).toBe(0);
      const pulled = await world.dactl('pull', '--org', 'test', '--out', 'pulled');
      expect(pulled.code, pulled.stdout + pulled.stderr).toBe(0);
      const diff = await world.dactl('diff', 'definitions', 'org:test');
      expect(diff.code, diff.stdout + diff.stderr).toBe(0);
      const back = await world.dactl('diff', 'org:test', 'pulled');
      expect(back.code, back.stdout + back.stderr).toBe(0);
    }
  });
});

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}
