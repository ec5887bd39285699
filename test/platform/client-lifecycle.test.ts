import { describe, expect, it } from 'vitest';
import type { PostActionInput } from '../../src/platform/index.js';
import { minimalContract } from '../platform-server/index.js';
import { caught, harnessPerTest } from './harness.js';

const start = harnessPerTest();

const ACTIONS = '/api/v2/integrations/actions';

function newAction(integrationId: string, name = 'Get Order'): PostActionInput {
  return {
    name,
    integrationId,
    category: 'Web Services Data Actions',
    contract: {
      input: { inputSchema: { type: 'object', properties: { orderId: { type: 'string' } } } },
      output: { successSchema: { type: 'object', properties: { status: { type: 'string' } } } },
    },
    config: {
      request: {
        requestUrlTemplate: 'https://orders.example.com/orders/${input.orderId}',
        requestType: 'GET',
        headers: {},
        requestTemplate: '${input.rawRequest}',
      },
      response: { translationMap: { status: '$.status' }, translationMapDefaults: {}, successTemplate: '{"status": ${status}}' },
    },
  };
}

describe('Platform client against the local server', () => {
  it('reuses one token for many requests and fetches a new one shortly before expiry', async () => {
    const { client, clock, tokenRequests } = await start({ tokenLifetimeSeconds: 3600 });
    await client.listIntegrations();
    await client.listActions();
    await client.listCategories();
    expect(tokenRequests()).toBe(1);

    clock.advance(3600_000 - 30_000);
    await client.listActions();
    expect(tokenRequests()).toBe(2);
  });

  it('shares one token request between concurrent first calls', async () => {
    const { client, tokenRequests } = await start();
    await Promise.all([client.listActions(), client.listIntegrations(), client.listCategories()]);
    expect(tokenRequests()).toBe(1);
  });

  it('lists every action across pages, with no cap', async () => {
    const { client, server, integrationId } = await start();
    for (let i = 0; i < 257; i += 1) server.state.addPublishedAction({ name: `Action ${i}`, integrationId, category: 'Bulk' });
    const actions = await client.listActions({ category: 'Bulk' });
    expect(actions).toHaveLength(257);
    expect(new Set(actions.map((a) => a.id)).size).toBe(257);
    expect(actions.every((a) => a.lifecycle === 'published')).toBe(true);
    const pages = server.requests.filter((r) => r.path === ACTIONS);
    expect(pages).toHaveLength(3);
    expect(pages[0]?.query).toContain('pageSize=100');
  });

  it('pages by pageCount when the server gives no nextUri', async () => {
    const { client, server, integrationId } = await start({ omitNextUri: true });
    for (let i = 0; i < 301; i += 1) server.state.addPublishedAction({ name: `A${i}`, integrationId });
    const actions = await client.listActions();
    expect(actions).toHaveLength(302); // plus the static action
  });

  it('filters by name and includes drafts on request', async () => {
    const { client, server, integrationId } = await start();
    server.state.addPublishedAction({ name: 'Get Order', integrationId });
    server.state.addPublishedAction({ name: 'Cancel Order', integrationId });
    server.state.addDraft({ name: 'Get Order v2', integrationId });
    expect((await client.listActions({ name: 'get order' })).map((a) => a.name)).toEqual(['Get Order']);
    const all = await client.listActions({ name: 'get order', includeDrafts: true });
    expect(all.map((a) => [a.name, a.lifecycle])).toEqual([
      ['Get Order', 'published'],
      ['Get Order v2', 'draft'],
    ]);
    expect((await client.listDrafts()).map((a) => a.name)).toEqual(['Get Order v2']);
  });

  it('runs the draft → patch → validate → test → publish lifecycle', async () => {
    const { client, integrationId } = await start();
    const draft = await client.createDraft({ ...newAction(integrationId), config: undefined as never });
    expect(draft.version).toBe(1);

    const invalid = await client.validateDraft(draft.id);
    expect(invalid.valid).toBe(false);

    const patched = await client.patchDraft(draft.id, { config: newAction(integrationId).config, version: draft.version });
    expect(patched.version).toBe(2);
    expect(await client.validateDraft(draft.id)).toEqual({ valid: true, errors: [] });

    const test = await client.testDraft(draft.id, { orderId: '42' }, { flatten: false });
    expect(test).toEqual({ operations: [], success: true, finalResult: {} });

    const published = await client.publishDraft(draft.id, patched.version);
    expect(published.id).toBe(draft.id);
    expect(published.version).toBe(1);

    const read = await client.getAction(draft.id);
    expect(read.contract?.input.inputSchema).toEqual(newAction(integrationId).contract.input.inputSchema);
    expect(read.config?.request.requestUrlTemplate).toContain('${input.orderId}');
    await expect(client.getDraft(draft.id)).rejects.toMatchObject({ status: 404, code: 'platform.not-found' });

    expect(await client.getTemplate(draft.id, 'successtemplate.vm')).toBe('{"status": ${status}}');
    expect(await client.getTemplate(draft.id, 'requesttemplate.vm')).toBe('${input.rawRequest}');
  });

  it('changes a published contract through a new draft', async () => {
    const { client, integrationId } = await start();
    const action = await client.createAction(newAction(integrationId));
    const draft = await client.createDraftFromAction(action.id);
    const contract = minimalContract();
    const patched = await client.patchDraft(action.id, { contract, version: draft.version });
    const published = await client.publishDraft(action.id, patched.version);
    expect(published.version).toBe(action.version + 1);
    expect((await client.getAction(action.id)).contract).toEqual(contract);
    expect(await client.getTemplate(action.id, 'requesttemplate.vm')).toBe('${input.rawRequest}');
  });

  it('refuses a contract change on a published action', async () => {
    const { client, integrationId } = await start();
    const action = await client.createAction(newAction(integrationId));
    const error = await caught(
      client.patchAction(action.id, { version: action.version, contract: minimalContract() } as never),
    );
    expect(error).toMatchObject({ status: 400, code: 'platform.bad-request' });
  });

  it('re-reads the version and retries once on a 409', async () => {
    const { client, server, integrationId, apiRequests } = await start();
    const draft = await client.createDraft(newAction(integrationId));
    server.state.drafts.get(draft.id)!.version = 5; // someone else saved meanwhile
    const patched = await client.patchDraft(draft.id, { name: 'Renamed', version: 1 });
    expect(patched).toMatchObject({ name: 'Renamed', version: 6 });
    expect(apiRequests(`${ACTIONS}/${draft.id}/draft`, 'PATCH')).toBe(2);

    server.state.drafts.get(draft.id)!.version = 9;
    const published = await client.publishDraft(draft.id, 6);
    expect(published.name).toBe('Renamed');
  });

  it('gives up after one re-read when the conflict persists', async () => {
    const { client, server, integrationId, apiRequests } = await start();
    const draft = await client.createDraft(newAction(integrationId));
    // Someone else keeps saving: every read of the draft after its creation moves its version on.
    const drafts = server.state.drafts;
    const read = drafts.get.bind(drafts);
    drafts.get = (id: string) => {
      const found = read(id);
      if (found !== undefined) found.version += 1;
      return found;
    };
    const error = await caught(client.patchDraft(draft.id, { name: 'x', version: draft.version }));
    expect(error).toMatchObject({ status: 409, code: 'platform.conflict' });
    expect(apiRequests(`${ACTIONS}/${draft.id}/draft`, 'PATCH')).toBe(2);
  });

  it('tests a published action through the pluggable runner', async () => {
    const { client, server, integrationId } = await start();
    const action = await client.createAction(newAction(integrationId));
    server.setTestRunner(({ input, flatten, draft }) => ({
      operations: [{ step: 1, name: 'echo', success: true, result: { input, flatten, draft } }],
      success: true,
      finalResult: { status: 'shipped' },
    }));
    const result = await client.testAction(action.id, { orderId: '1' }, { flatten: true });
    expect(result.finalResult).toEqual({ status: 'shipped' });
    expect(result.operations[0]?.result).toEqual({ input: { orderId: '1' }, flatten: true, draft: false });
  });

  it('lists integrations with their type and categories in use', async () => {
    const { client, server } = await start();
    for (let i = 0; i < 120; i += 1) server.state.addIntegration(`Integration ${i}`, i % 2 === 0 ? 'custom-rest-actions' : 'purecloud-data-actions');
    const integrations = await client.listIntegrations();
    expect(integrations).toHaveLength(121);
    expect(integrations[0]).toMatchObject({ name: 'Web Services Data Actions', integrationType: { id: 'custom-rest-actions' } });
    expect(await client.listCategories()).toEqual([{ name: 'Genesys Cloud Data Actions' }]);
  });

  it('deletes drafts and actions but never static actions', async () => {
    const { client, integrationId } = await start();
    const action = await client.createAction(newAction(integrationId));
    await client.createDraftFromAction(action.id);
    await client.deleteDraft(action.id);
    await client.deleteAction(action.id);
    await expect(client.getAction(action.id)).rejects.toMatchObject({ status: 404 });
    await expect(client.deleteAction('static-get-current-time')).rejects.toMatchObject({ status: 400 });
    await expect(client.createDraftFromAction('static-get-current-time')).rejects.toMatchObject({ status: 400 });
  });
});
