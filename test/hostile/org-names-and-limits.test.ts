import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLiveOrg } from '../../src/orgs/live-actions.js';
import { createPlatformClient, accessTokenCredentials } from '../../src/platform/index.js';
import { systemClock, type FetchLike } from '../../src/platform/effects.js';
import { pullActions } from '../../src/pull/pull-actions.js';
import { getUserSpec } from '../orgs/cli-harness.js';
import { startOrgWorld } from '../orgs/org-harness.js';
import { runCli } from '../support/cli.js';
import { exportFixture } from '../support/export-fixture.js';
import { tempProject } from '../support/temp-project.js';

const seed = { integrations: [{ id: 'int-gc', name: 'Genesys Cloud Data Actions', typeId: 'purecloud-data-actions' }] };
const lowerCaseUnique = (files: string[]) => new Set(files.map((f) => f.toLowerCase())).size === files.length;

describe('file names that collide without case, or are too long', () => {
  it('build: names that differ only in case get distinct out/ files and a warning', async () => {
    const root = tempProject({
      'definitions/actions/a.action.yaml': getUserSpec({ name: 'Get User' }),
      'definitions/actions/b.action.yaml': getUserSpec({ name: 'get user' }),
    });
    const run = await runCli(['build'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/b\.action\.yaml:1:7 {2}warn {2}"get user" differs from "Get User" only in case/);
    const outs = readdirSync(join(root, 'out/actions'));
    expect(outs).toHaveLength(2);
    expect(lowerCaseUnique(outs)).toBe(true);
  });

  it('build: a 256-character name builds, into a file name of at most 100 characters plus the extension', async () => {
    const name = `Get ${'a'.repeat(252)}`;
    const root = tempProject({ 'definitions/actions/long.action.yaml': getUserSpec({ name }) });
    const run = await runCli(['build'], { cwd: root });
    expect(run.stderr).not.toContain('ENAMETOOLONG');
    expect(run.code).toBe(0);
    const [file] = readdirSync(join(root, 'out/actions'));
    expect(file!.length).toBeLessThanOrEqual(100 + '.custom.json'.length);
    expect(JSON.parse(readFileSync(join(root, 'out/actions', file!), 'utf8')).name).toBe(name);
  });

  it('import: Create-External-Contact and create-external-contact do not overwrite each other', async () => {
    const root = tempProject({
      'exports/a.json': JSON.stringify(exportFixture({ name: 'Create External Contact' })),
      'exports/b.json': JSON.stringify(exportFixture({ name: 'create external contact', url: '/b' })),
    });
    const run = await runCli(['import', 'exports'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('differs from "Create External Contact" only in case');
    expect(lowerCaseUnique(readdirSync(join(root, 'definitions/actions')))).toBe(true);
  });

  it('pull: a 250-character name and two names that differ only in case all arrive, in distinct files', async () => {
    const long = `Get ${'b'.repeat(246)}`;
    const world = await startOrgWorld({}, {
      seed: { ...seed, actions: [{ name: long, integrationId: 'int-gc' }, { name: 'Get User', integrationId: 'int-gc' }, { name: 'get user', integrationId: 'int-gc' }] },
    });
    const run = await world.dactl('pull', '--org', 'test');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3 created');
    expect(run.stdout).toContain('differs from "Get User" only in case');
    const files = readdirSync(join(world.cwd, 'definitions/actions'));
    expect(files).toHaveLength(3);
    expect(lowerCaseUnique(files)).toBe(true);
    expect(files.every((f) => f.length <= 100 + '.action.yaml'.length)).toBe(true);
    expect((await world.dactl('diff', 'definitions', 'org:test')).code).toBe(0);
  });
});

describe('a silent server', () => {
  it('fails pull within the profile’s request timeout and deadline, with one clear line', async () => {
    const world = await startOrgWorld({}, { seed }, 'requestTimeoutSeconds: 0.3\ndeadlineSeconds: 2\n');
    world.server.inject({ kind: 'slow', delayMs: 30_000, times: 1000 });
    const started = Date.now();
    const run = await world.dactl('pull', '--org', 'test');
    const elapsed = Date.now() - started;
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^dactl: .*(did not answer|Gave up on).*(requestTimeoutSeconds|deadlineSeconds).*\n$/);
    expect(elapsed).toBeLessThan(10_000);
  });

  it('gives up at the deadline even while retrying', async () => {
    const world = await startOrgWorld({}, { seed }, 'requestTimeoutSeconds: 5\ndeadlineSeconds: 1\n');
    world.server.inject({ kind: 'slow', delayMs: 30_000, times: 1000 });
    const started = Date.now();
    const run = await world.dactl('pull', '--org', 'test');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('deadlineSeconds');
    expect(Date.now() - started).toBeLessThan(8_000);
  });
});

describe('a page of 130,000 entities', () => {
  it('is listed and pulled without overflowing the stack', async () => {
    const entities = Array.from({ length: 130_000 }, (_, i) => ({ id: `static-${i}`, name: `Built-in ${i}`, category: 'Genesys', integrationId: 'x', version: 1 }));
    const page = JSON.stringify({ entities, pageNumber: 1, pageCount: 1, total: entities.length });
    const fetch: FetchLike = async (url) => {
      const path = new URL(url).pathname;
      const body = path === '/api/v2/integrations/actions' ? page : JSON.stringify({ entities: [], pageNumber: 1, pageCount: 1 });
      return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const client = createPlatformClient({
      apiBaseUrl: 'https://api.example.invalid',
      loginBaseUrl: 'https://login.example.invalid',
      credentials: accessTokenCredentials('token-for-a-fake-fetch'),
      fetch,
      clock: systemClock,
    });
    const live = await readLiveOrg(client);
    expect(live.skipped).toHaveLength(130_000);
    const pulled = pullActions(live, { profile: { name: 'big', file: 'big.yaml' }, existing: [] });
    expect(pulled.skipped).toHaveLength(130_000);
  });
});
