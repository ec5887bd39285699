import { afterEach } from 'vitest';
import { createPlatformClient, clientCredentials, type PlatformClientOptions } from '../../src/platform/index.js';
import { startPlatformServer, type PlatformServerOptions } from '../platform-server/index.js';

export const CLIENT_ID = 'dactl-test-client';
export const CLIENT_SECRET = 'sUp3r-s3cr3t-client-secret-value';

export interface FakeClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  advance(ms: number): void;
  readonly sleeps: number[];
}

/** Time moves only when someone sleeps or a test advances it, so backoffs cost nothing. */
export function createFakeClock(start = 1_750_000_000_000): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
    sleeps,
  };
}

export async function startHarness(
  serverOptions: Partial<PlatformServerOptions> = {},
  clientOptions: Partial<PlatformClientOptions> = {},
) {
  const server = await startPlatformServer({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...serverOptions });
  const clock = createFakeClock();
  const makeClient = (overrides: Partial<PlatformClientOptions> = {}) =>
    createPlatformClient({
      apiBaseUrl: server.url,
      loginBaseUrl: server.loginUrl,
      credentials: clientCredentials(CLIENT_ID, CLIENT_SECRET),
      fetch: globalThis.fetch,
      clock,
      random: () => 0.5,
      ...clientOptions,
      ...overrides,
    });
  const integrationId = [...server.state.integrations.keys()][0] ?? '';
  const tokenRequests = () => server.requests.filter((r) => r.path === '/oauth/token').length;
  const apiRequests = (path: string, method = 'GET') =>
    server.requests.filter((r) => r.path === path && r.method === method).length;
  return { server, clock, client: makeClient(), makeClient, integrationId, tokenRequests, apiRequests };
}

export async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** A `start` that launches a harness and stops it after each test of the calling file. */
export function harnessPerTest(): (...args: Parameters<typeof startHarness>) => ReturnType<typeof startHarness> {
  let running: Awaited<ReturnType<typeof startHarness>> | undefined;
  afterEach(async () => {
    await running?.server.stop();
    running = undefined;
  });
  return async (...args) => {
    running = await startHarness(...args);
    return running;
  };
}
