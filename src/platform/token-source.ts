import type { PlatformCredentials } from './credentials.js';
import type { Clock } from './effects.js';
import { errorFromResponse, malformedResponseError } from './errors.js';
import type { PlatformEventListener } from './events.js';
import type { Transport } from './http-transport.js';
import { Secret } from './secret.js';
import type { ErrorBody } from './types.js';

export interface TokenSource {
  readonly kind: PlatformCredentials['kind'];
  /** Whether a rejected token can be replaced by asking for a new one. */
  readonly refreshable: boolean;
  token(): Promise<Secret>;
  /** Forgets `token` if it is still the current one, so the next `token()` fetches a fresh one. */
  invalidate(token: Secret): void;
}

/** Refresh this long before the stated expiry, so a token never dies in flight. */
const MAX_REFRESH_MARGIN_MS = 60_000;

interface CachedToken {
  readonly token: Secret;
  readonly refreshAt: number;
}

function loginErrorBody(text: string): ErrorBody | undefined {
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const message = [parsed.error_description, parsed.description, parsed.message, parsed.error].find(
      (value): value is string => typeof value === 'string' && value !== '',
    );
    const body: ErrorBody = {};
    if (message !== undefined) body.message = message;
    if (typeof parsed.contextId === 'string') body.contextId = parsed.contextId;
    return body;
  } catch {
    return undefined;
  }
}

export function createTokenSource(options: {
  credentials: PlatformCredentials;
  loginBaseUrl: string;
  transport: Transport;
  clock: Clock;
  onEvent?: PlatformEventListener | undefined;
}): TokenSource {
  const { credentials, transport, clock, onEvent } = options;
  if (credentials.kind === 'access-token') {
    return {
      kind: 'access-token',
      refreshable: false,
      token: () => Promise.resolve(credentials.accessToken),
      invalidate: () => undefined,
    };
  }

  const url = `${options.loginBaseUrl.replace(/\/+$/, '')}/oauth/token`;
  let cached: CachedToken | undefined;
  let pending: Promise<Secret> | undefined;
  let everFetched = false;

  const fetchToken = async (): Promise<Secret> => {
    const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret.reveal()}`).toString('base64');
    const response = await transport.send({
      url,
      method: 'POST',
      headers: {
        Authorization: `Basic ${basic}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: 'grant_type=client_credentials',
      idempotent: true,
    });
    if (response.status < 200 || response.status >= 300) {
      throw errorFromResponse({
        status: response.status,
        request: response.request,
        body: loginErrorBody(response.text),
        permission: undefined,
        attempts: response.attempts,
        usingAccessToken: false,
        isTokenRequest: true,
      });
    }
    let parsed: { access_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(response.text) as typeof parsed;
    } catch {
      throw malformedResponseError(response.request, response.status);
    }
    if (typeof parsed.access_token !== 'string' || parsed.access_token === '') {
      throw malformedResponseError(response.request, response.status);
    }
    const lifetimeMs = typeof parsed.expires_in === 'number' ? parsed.expires_in * 1000 : 3_600_000;
    const margin = Math.min(MAX_REFRESH_MARGIN_MS, lifetimeMs / 10);
    const token = new Secret(parsed.access_token);
    cached = { token, refreshAt: clock.now() + lifetimeMs - margin };
    return token;
  };

  return {
    kind: 'client-credentials',
    refreshable: true,
    token() {
      if (cached !== undefined && clock.now() < cached.refreshAt) return Promise.resolve(cached.token);
      if (pending === undefined) {
        onEvent?.({ type: 'token-refresh', reason: everFetched ? 'expired' : 'initial' });
        everFetched = true;
        pending = fetchToken().finally(() => {
          pending = undefined;
        });
      }
      return pending;
    },
    invalidate(token) {
      if (cached !== undefined && cached.token.equals(token)) {
        cached = undefined;
        onEvent?.({ type: 'token-refresh', reason: 'rejected' });
      }
    },
  };
}
