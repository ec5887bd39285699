import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  accessTokenCredentials,
  clientCredentials,
  createPlatformClient,
  isPlatformError,
  type FetchLike,
} from '../../src/platform/index.js';
import { ALL_PERMISSIONS } from '../platform-server/index.js';
import { CLIENT_ID, CLIENT_SECRET, caught, createFakeClock, harnessPerTest } from './harness.js';

type Harness = Awaited<ReturnType<typeof start>>;
const start = harnessPerTest();

const LIMITED_SECRET = 'limited-client-secret-xyz';
const limitedClient = (without: string) => ({
  clientId: 'limited',
  clientSecret: LIMITED_SECRET,
  permissions: ALL_PERMISSIONS.filter((p) => p !== without),
});

const draftInput = (integrationId: string) => ({
  name: 'Draft',
  integrationId,
  category: 'Cat',
  contract: undefined as never,
  config: undefined as never,
});

function throwingFetch(code: string): FetchLike {
  return async () => {
    throw new TypeError('fetch failed', { cause: Object.assign(new Error(`getaddrinfo ${code}`), { code }) });
  };
}

describe('Platform client errors', () => {
  it('explains a rejected client id or secret', async () => {
    const { makeClient } = await start();
    const client = makeClient({ credentials: clientCredentials(CLIENT_ID, 'wrong-secret') });
    const error = await caught(client.listActions());
    expect(error).toMatchObject({ name: 'PlatformError', code: 'platform.unauthorized', status: 401 });
    expect((error as Error).message).toMatch(/^Genesys Cloud rejected the credentials for POST \/oauth\/token: the OAuth client id or secret is bad/);
    expect((error as Error).message).toContain('client not found');
  });

  it('explains a bad or expired access token', async () => {
    const { makeClient } = await start();
    const client = makeClient({ credentials: accessTokenCredentials('stale-token-value') });
    const error = await caught(client.listActions());
    expect(error).toMatchObject({ code: 'platform.unauthorized', status: 401 });
    expect((error as Error).message).toContain('the access token is bad or expired');
    expect((error as Error).message).toMatch(/contextId ctx-\d+/);
  });

  it.each([
    ['integrations:action:add', (h: Harness['client'], integrationId: string) => h.createDraft(draftInput(integrationId))],
    ['integrations:action:view', (h: Harness['client']) => h.listActions()],
    ['integrations:action:execute', (h: Harness['client']) => h.testAction('static-get-current-time', {})],
    ['integrations:action:delete', (h: Harness['client']) => h.deleteDraft('any-id')],
  ])('names the missing permission %s on a 403', async (permission, call) => {
    const { makeClient, integrationId } = await start({ clients: [limitedClient(permission)] });
    const client = makeClient({ credentials: clientCredentials('limited', LIMITED_SECRET) });
    const error = await caught(call(client, integrationId));
    expect(error).toMatchObject({ code: 'platform.forbidden', status: 403, permission });
    expect((error as Error).message).toContain(`lacks the permission ${permission}`);
    expect((error as Error).message).toContain('Genesys says: "Unable to perform the requested action.');
  });

  it('names the permission for an edit endpoint', async () => {
    const { makeClient, integrationId, server } = await start({ clients: [limitedClient('integrations:action:edit')] });
    const draft = server.state.addDraft({ name: 'D', integrationId });
    const client = makeClient({ credentials: clientCredentials('limited', LIMITED_SECRET) });
    const error = await caught(client.publishDraft(draft.id, 1));
    expect((error as Error).message).toContain('integrations:action:edit');
  });

  it('says it cannot reach a host that refuses connections, without retrying', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const clock = createFakeClock();
    const client = createPlatformClient({
      apiBaseUrl: `http://127.0.0.1:${port}`,
      loginBaseUrl: `http://127.0.0.1:${port}`,
      credentials: clientCredentials(CLIENT_ID, CLIENT_SECRET),
      fetch: globalThis.fetch,
      clock,
    });
    const error = await caught(client.listActions());
    expect(error).toMatchObject({ code: 'platform.unreachable', causeCode: 'ECONNREFUSED' });
    expect((error as Error).message).toMatch(new RegExp(`^Cannot reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
    expect(clock.sleeps).toEqual([]);
  });

  it('says it cannot reach an unknown host', async () => {
    const client = createPlatformClient({
      apiBaseUrl: 'https://api.mypurecloud.example',
      loginBaseUrl: 'https://login.mypurecloud.example',
      credentials: accessTokenCredentials('token'),
      fetch: throwingFetch('ENOTFOUND'),
      clock: createFakeClock(),
    });
    const error = await caught(client.getAction('abc'));
    expect((error as Error).message).toBe(
      'Cannot reach api.mypurecloud.example (ENOTFOUND) for GET /api/v2/integrations/actions/abc; check the region and the network.',
    );
  });

  it('never lets a secret or token into a message, JSON or inspection', async () => {
    const { makeClient, server, integrationId } = await start({ clients: [limitedClient('integrations:action:add')] });
    const errors: unknown[] = [];
    const collect = async (promise: Promise<unknown>) => errors.push(await caught(promise));

    await collect(makeClient({ credentials: clientCredentials(CLIENT_ID, `${CLIENT_SECRET}-wrong`) }).listActions());
    await collect(makeClient({ credentials: clientCredentials('limited', LIMITED_SECRET) }).createDraft(draftInput(integrationId)));
    // The timeout must leave a loaded machine time to answer the calls that are meant to succeed.
    const client = makeClient({ maxRetries: 0, timeoutMs: 500 });
    await client.listActions();
    server.inject({ kind: 'server-error', status: 500, times: 1 });
    await collect(client.listActions());
    server.inject({ kind: 'malformed-json', times: 1 });
    await collect(client.listActions());
    server.inject({ kind: 'drop-connection', times: 1 });
    await collect(client.listActions());
    server.inject({ kind: 'slow', delayMs: 1500, times: 1 });
    await collect(client.listActions());
    await collect(client.getDraft('missing'));
    await collect(
      makeClient({ credentials: accessTokenCredentials('secret-access-token-abc') }).listActions(),
    );

    const forbidden = [
      CLIENT_SECRET,
      LIMITED_SECRET,
      'secret-access-token-abc',
      'test-token-',
      Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64'),
    ];
    expect(errors).toHaveLength(8);
    for (const error of errors) {
      expect(isPlatformError(error)).toBe(true);
      const renderings = [
        String(error),
        (error as Error).stack ?? '',
        JSON.stringify(error),
        inspect(error, { depth: 10, showHidden: true }),
      ];
      for (const rendering of renderings) for (const secret of forbidden) expect(rendering).not.toContain(secret);
    }
  });
});
