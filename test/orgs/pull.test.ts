import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimalConfig, minimalContract } from '../platform-server/index.js';
import { expectNoSecrets, startOrgWorld } from './org-harness.js';

const contract = () => ({
  input: { inputSchema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } },
  output: { successSchema: { type: 'object', properties: { email: { type: 'string' } } } },
});

const config = () => ({
  request: { requestUrlTemplate: '/api/v2/users/${input.id}', requestType: 'GET' as const, headers: {}, requestTemplate: '${input.rawRequest}' },
  response: { translationMap: { email: '$.email' }, translationMapDefaults: {}, successTemplate: '{"email": ${email}}' },
  timeoutSeconds: 20,
});

describe('dactl pull', () => {
  it('writes every custom action as a spec and says what it skipped and why', async () => {
    const world = await startOrgWorld({}, {
      seed: {
        integrations: [
          { id: 'int-gc', name: 'Genesys Cloud Data Actions', typeId: 'purecloud-data-actions' },
          { id: 'int-fn', name: 'Functions', typeId: 'function-data-actions' },
        ],
        staticActions: [{ id: 'static-time', name: 'Get Current Time', category: 'Genesys Cloud Data Actions', integrationId: 'int-gc' }],
        actions: [
          { name: 'Get User Email', integrationId: 'int-gc', category: 'Genesys Cloud Data Actions', contract: contract(), config: config() },
          { name: 'Run Function', integrationId: 'int-fn', category: 'Functions', contract: minimalContract(), config: minimalConfig() },
        ],
        drafts: [{ name: 'Half Done', integrationId: 'int-gc', category: 'Genesys Cloud Data Actions' }],
      },
    }, 'integrations:\n  purecloud-data-actions: Genesys Cloud Data Actions\n');
    const run = await world.dactl('pull', '--org', 'test');
    expectNoSecrets(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Genesys Cloud Data Actions/Get User Email: created definitions/actions/Get-User-Email.action.yaml');
    expect(run.stdout).toContain('skipped Genesys Cloud Data Actions/Get Current Time: a built-in (static) action');
    expect(run.stdout).toContain('skipped Functions/Run Function: a Genesys Function action');
    expect(run.stdout).toContain('skipped Genesys Cloud Data Actions/Half Done: a draft that was never published');
    expect(run.stdout).toContain('1 created, 0 updated, 0 unchanged, 3 skipped');
    expect(await readdir(join(world.cwd, 'definitions/actions'))).toEqual(['Get-User-Email.action.yaml']);
    const yaml = await readFile(join(world.cwd, 'definitions/actions/Get-User-Email.action.yaml'), 'utf8');
    expect(yaml).toContain('timeoutSeconds: 20');
    expect(yaml).not.toContain('category:');

    // Pulled specs build, diff clean against the org, and a second pull changes nothing.
    for (const [id, action] of world.server.state.actions) if (action.name === 'Run Function') world.server.state.actions.delete(id);
    const clean = await world.dactl('diff', 'definitions', 'org:test');
    expect(clean.stdout + clean.stderr).toContain('no differences');
    expect(clean.code).toBe(0);
    const again = await world.dactl('pull', '--org', 'test');
    expect(again.stdout).toContain('Get User Email: unchanged');
    world.server.state.actions.forEach((a) => {
      if (a.name === 'Get User Email') a.config.request.requestUrlTemplate = '/api/v2/users/${input.id}?expand=x';
    });
    const differs = await world.dactl('pull', '--org', 'test');
    expect(differs.code).toBe(1);
    expect(differs.stdout).toContain('defines it differently; not overwritten');
    expect((await world.dactl('pull', '--org', 'test', '--force')).stdout).toContain('Get User Email: updated');
    expect((await world.dactl('diff', 'definitions', 'org:test')).code).toBe(0);
  });

  it('--filter picks actions by name or category/name', async () => {
    const world = await startOrgWorld({}, {
      seed: {
        integrations: [{ id: 'int-gc', name: 'Genesys Cloud Data Actions', typeId: 'purecloud-data-actions' }],
        actions: [
          { name: 'Get User', integrationId: 'int-gc', contract: contract(), config: config() },
          { name: 'Get Queue', integrationId: 'int-gc', contract: contract(), config: config() },
        ],
      },
    });
    const run = await world.dactl('pull', '--org', 'test', '--filter', '*/get u*', '--out', 'specs');
    expect(run.code).toBe(0);
    expect(await readdir(join(world.cwd, 'specs'))).toEqual(['Get-User.action.yaml']);
    expect(run.stdout).toContain('1 not matching --filter');
    expect(await readFile(join(world.cwd, 'specs/Get-User.action.yaml'), 'utf8')).toContain('category: Genesys Cloud Data Actions');
  });
});
