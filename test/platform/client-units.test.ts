import { describe, expect, it } from 'vitest';
import {
  accessTokenCredentials,
  connectPlatformClient,
  createPlatformClient,
  requiredPermission,
  type FetchLike,
} from '../../src/platform/index.js';
import { backoffDelay, parseRetryAfter } from '../../src/platform/backoff.js';
import { caught, createFakeClock } from './harness.js';

interface Scripted {
  status?: number;
  body: string;
  headers?: Record<string, string>;
}

/** A fetch that answers from a script and records the URLs and headers it was called with. */
function scriptedFetch(answer: (url: string) => Scripted) {
  const calls: Array<{ url: string; authorization: string | undefined }> = [];
  const fetch: FetchLike = async (url, init) => {
    const headers = init.headers as Record<string, string>;
    calls.push({ url, authorization: headers.Authorization });
    const { status = 200, body, headers: responseHeaders = { 'content-type': 'application/json' } } = answer(url);
    return new Response(body, { status, headers: responseHeaders });
  };
  return { fetch, calls };
}

const clientWith = (fetch: FetchLike) =>
  createPlatformClient({
    apiBaseUrl: 'https://api.example.test/prefix/',
    loginBaseUrl: 'https://login.example.test',
    credentials: accessTokenCredentials('token-value'),
    fetch,
    clock: createFakeClock(),
  });

describe('requiredPermission', () => {
  it.each([
    ['GET', '/api/v2/integrations/actions', 'integrations:action:view'],
    ['POST', '/api/v2/integrations/actions', 'integrations:action:add'],
    ['POST', '/api/v2/integrations/actions/drafts', 'integrations:action:add'],
    ['PATCH', '/api/v2/integrations/actions/a1', 'integrations:action:edit'],
    ['POST', '/api/v2/integrations/actions/a1/draft', 'integrations:action:edit'],
    ['PATCH', '/api/v2/integrations/actions/a1/draft', 'integrations:action:edit'],
    ['GET', '/api/v2/integrations/actions/a1/draft/validation', 'integrations:action:edit'],
    ['POST', '/api/v2/integrations/actions/a1/draft/publish', 'integrations:action:edit'],
    ['POST', '/api/v2/integrations/actions/a1/draft/test', 'integrations:action:execute'],
    ['POST', '/api/v2/integrations/actions/a1/test', 'integrations:action:execute'],
    ['DELETE', '/api/v2/integrations/actions/a1', 'integrations:action:delete'],
    ['DELETE', '/api/v2/integrations/actions/a1/draft', 'integrations:action:delete'],
    ['GET', '/api/v2/integrations/actions/a1/templates/successtemplate.vm', 'integrations:action:view'],
    ['GET', '/api/v2/integrations', 'integrations:integration:view'],
    ['GET', '/api/v2/users/me', undefined],
  ])('%s %s → %s', (method, path, permission) => {
    expect(requiredPermission(method, path)).toBe(permission);
  });
});

describe('backoff', () => {
  it('doubles the window up to the cap', () => {
    expect([0, 1, 2, 3, 10].map((n) => backoffDelay(n, () => 1))).toEqual([500, 1000, 2000, 4000, 30_000]);
    expect(backoffDelay(0, () => 0)).toBe(250);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});

describe('client details', () => {
  it('keeps a base path prefix and sends the bearer token only to its own host', async () => {
    const { fetch, calls } = scriptedFetch((url) =>
      url.includes('pageNumber=1')
        ? { body: JSON.stringify({ entities: [{ id: 'a' }], pageNumber: 1, pageCount: 2, nextUri: 'https://evil.example/api/v2/integrations/actions?pageSize=100&pageNumber=2' }) }
        : { body: JSON.stringify({ entities: [{ id: 'b' }], pageNumber: 2, pageCount: 2 }) },
    );
    const actions = await clientWith(fetch).listActions();
    expect(actions.map((a) => a.id)).toEqual(['a', 'b']);
    expect(calls.map((c) => new URL(c.url).host)).toEqual(['api.example.test', 'api.example.test']);
    expect(calls[1]?.url).toBe('https://api.example.test/prefix/api/v2/integrations/actions?pageSize=100&pageNumber=2');
    expect(calls[0]?.authorization).toBe('Bearer token-value');
  });

  it('fails loudly instead of looping on a repeating nextUri', async () => {
    const { fetch } = scriptedFetch(() => ({
      body: JSON.stringify({ entities: [{ id: 'a' }], pageCount: 9, nextUri: '/api/v2/integrations/actions?pageNumber=2' }),
    }));
    const error = await caught(clientWith(fetch).listActions());
    expect((error as Error).message).toContain('loops');
  });

  it('reads a template sent as a JSON string or as plain text', async () => {
    const json = scriptedFetch(() => ({ body: JSON.stringify('{"a": ${a}}') }));
    expect(await clientWith(json.fetch).getTemplate('x', 'successtemplate.vm', { draft: true })).toBe('{"a": ${a}}');
    expect(json.calls[0]?.url).toContain('/actions/x/draft/templates/successtemplate.vm');
    const text = scriptedFetch(() => ({ body: '$input.rawRequest', headers: { 'content-type': 'text/plain' } }));
    expect(await clientWith(text.fetch).getTemplate('x', 'requesttemplate.vm')).toBe('$input.rawRequest');
  });

  it('reports rather than waits out a very long Retry-After', async () => {
    const clock = createFakeClock();
    const { fetch } = scriptedFetch(() => ({ status: 429, body: '{}', headers: { 'retry-after': '3600' } }));
    const client = createPlatformClient({
      apiBaseUrl: 'https://api.example.test',
      loginBaseUrl: 'https://login.example.test',
      credentials: accessTokenCredentials('t'),
      fetch,
      clock,
    });
    await expect(client.listCategories()).rejects.toMatchObject({ code: 'platform.rate-limited', attempts: 1 });
    expect(clock.sleeps).toEqual([]);
  });

  it('connects from environment variables and a region', async () => {
    const { fetch, calls } = scriptedFetch(() => ({ body: JSON.stringify({ entities: [] }) }));
    const client = connectPlatformClient({
      env: { PROD_GENESYSCLOUD_ACCESS_TOKEN: 'tok', PROD_GENESYSCLOUD_REGION: 'eu-central-1' },
      profile: 'prod',
      fetch,
      clock: createFakeClock(),
    });
    await client.listIntegrations();
    expect(calls[0]?.url).toBe('https://api.mypurecloud.de/api/v2/integrations?pageSize=100&pageNumber=1');
  });
});
