import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../../src/platform/index.js';
import { caught, harnessPerTest } from './harness.js';

const start = harnessPerTest();

const ACTIONS = '/api/v2/integrations/actions';
const DRAFTS = `${ACTIONS}/drafts`;
const draftInput = (integrationId: string) => ({
  name: 'Draft',
  integrationId,
  category: 'Cat',
  contract: undefined as never,
  config: undefined as never,
});

describe('Platform client resilience', () => {
  it('waits as long as Retry-After says on a 429, then succeeds', async () => {
    const { client, server, clock, apiRequests } = await start();
    server.inject({ kind: 'rate-limit', times: 2, retryAfterSeconds: 7, path: ACTIONS });
    expect(await client.listActions()).toHaveLength(1);
    expect(clock.sleeps).toEqual([7000, 7000]);
    expect(apiRequests(ACTIONS)).toBe(3);
  });

  it('retries even a create on a 429, as the request was not processed', async () => {
    const { client, server, integrationId } = await start();
    server.inject({ kind: 'rate-limit', times: 1, retryAfterSeconds: 1, path: DRAFTS, method: 'POST' });
    await client.createDraft(draftInput(integrationId));
    expect(server.state.drafts.size).toBe(1);
  });

  it('gives up on rate limits after the retry budget', async () => {
    const { makeClient, server, clock } = await start();
    const client = makeClient({ maxRetries: 2 });
    server.inject({ kind: 'rate-limit', times: 10, retryAfterSeconds: 3, path: ACTIONS });
    const error = await caught(client.listActions());
    expect(error).toMatchObject({ code: 'platform.rate-limited', status: 429, attempts: 3 });
    expect((error as Error).message).toMatch(/rate-limiting GET \/api\/v2\/integrations\/actions after 3 attempts/);
    expect(clock.sleeps).toEqual([3000, 3000]);
  });

  it('backs off exponentially with jitter on server errors', async () => {
    const { makeClient, server, clock } = await start();
    let calls = 0;
    const jitter = [0, 1, 0.5];
    const client = makeClient({ random: () => jitter[calls++ % jitter.length] ?? 0 });
    server.inject({ kind: 'server-error', status: 502, times: 3, path: ACTIONS });
    await client.listActions();
    // windows 500, 1000, 2000 ms; half fixed, half jitter
    expect(clock.sleeps).toEqual([250, 1000, 1500]);
  });

  it('reports a server error that outlasts the budget', async () => {
    const { makeClient, server } = await start();
    const client = makeClient({ maxRetries: 1 });
    server.inject({ kind: 'server-error', status: 500, times: 5, path: ACTIONS });
    const error = await caught(client.listActions());
    expect(error).toMatchObject({ code: 'platform.server-error', status: 500, attempts: 2 });
    expect((error as Error).message).toContain('HTTP 500');
  });

  it('does not repeat a create after an ambiguous 500, but does after a 503', async () => {
    const { client, server, integrationId, apiRequests } = await start();
    server.inject({ kind: 'server-error', status: 500, times: 1, path: DRAFTS, method: 'POST' });
    await expect(client.createDraft(draftInput(integrationId))).rejects.toMatchObject({ status: 500 });
    expect(apiRequests(DRAFTS, 'POST')).toBe(1);
    server.inject({ kind: 'server-error', status: 503, times: 1, path: DRAFTS, method: 'POST' });
    await client.createDraft(draftInput(integrationId));
    expect(apiRequests(DRAFTS, 'POST')).toBe(3);
  });

  it('retries a read after a dropped connection', async () => {
    const { client, server, clock } = await start();
    server.inject({ kind: 'drop-connection', times: 2, path: ACTIONS });
    expect(await client.listActions()).toHaveLength(1);
    expect(clock.sleeps).toHaveLength(2);
  });

  it('does not repeat a create after a dropped connection', async () => {
    const { client, server, integrationId } = await start();
    server.inject({ kind: 'drop-connection', times: 1, path: DRAFTS, method: 'POST' });
    const error = await caught(client.createDraft(draftInput(integrationId)));
    expect(error).toMatchObject({ code: 'platform.connection-failed' });
    expect((error as Error).message).toMatch(/^The connection to 127\.0\.0\.1:\d+ failed/);
  });

  it('refreshes an expired token once and carries on', async () => {
    const { client, server, tokenRequests } = await start();
    await client.listActions();
    server.inject({ kind: 'expire-token' });
    expect(await client.listActions()).toHaveLength(1);
    expect(tokenRequests()).toBe(2);
  });

  it('times out a slow request, retries it, and reports a timeout when it stays slow', async () => {
    const { makeClient, server } = await start();
    const client = makeClient({ timeoutMs: 40, maxRetries: 1 });
    server.inject({ kind: 'slow', delayMs: 400, times: 1, path: ACTIONS });
    expect(await client.listActions()).toHaveLength(1);

    server.inject({ kind: 'slow', delayMs: 400, times: 2, path: ACTIONS });
    const error = await caught(client.listActions());
    expect(error).toMatchObject({ code: 'platform.timeout', attempts: 2 });
    expect((error as Error).message).toMatch(/did not answer GET \/api\/v2\/integrations\/actions within 40 ms/);
  });

  it('says so when a response is not valid JSON', async () => {
    const { client, server } = await start();
    server.inject({ kind: 'malformed-json', times: 1, path: ACTIONS });
    const error = await caught(client.listActions());
    expect(error).toMatchObject({ code: 'platform.malformed-response', status: 200 });
    expect((error as Error).message).toContain('malformed JSON response');
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const { makeClient, server, integrationId } = await start();
    const ids = Array.from({ length: 8 }, (_, i) => server.state.addPublishedAction({ name: `A${i}`, integrationId }).id);
    let inFlight = 0;
    let peak = 0;
    const countingFetch: FetchLike = async (url, init) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      try {
        return await fetch(url, init);
      } finally {
        inFlight -= 1;
      }
    };
    const client = makeClient({ concurrency: 2, fetch: countingFetch });
    server.inject({ kind: 'slow', delayMs: 20, times: 8, path: /^\/api\/v2\/integrations\/actions\/[^/]+$/ });
    const actions = await Promise.all(ids.map((id) => client.getAction(id)));
    expect(actions.map((a) => a.id)).toEqual(ids);
    expect(peak).toBe(2);
    expect(server.maxConcurrentRequests).toBe(2);
  });
});
