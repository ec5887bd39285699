import { errorFromResponse, malformedResponseError } from './errors.js';
import type { Transport, TransportResponse } from './http-transport.js';
import { requiredPermission } from './permissions.js';
import type { TokenSource } from './token-source.js';
import type { ErrorBody } from './types.js';

export type QueryValue = string | number | boolean | undefined;

export interface ApiRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** A path under the API base (`/api/v2/...`), optionally with a query string, as in a listing's `nextUri`. */
  readonly path: string;
  readonly query?: Record<string, QueryValue>;
  readonly body?: unknown;
  /** Defaults to true for every method except POST. */
  readonly idempotent?: boolean;
}

export interface ApiRequester {
  json<T>(request: ApiRequest): Promise<T>;
  text(request: ApiRequest): Promise<string>;
  none(request: ApiRequest): Promise<void>;
}

/** Keeps only path and query of a URL the server handed back, so a bearer token is only ever sent to our host. */
function relativePath(path: string): string {
  if (!/^https?:\/\//i.test(path)) return path.startsWith('/') ? path : `/${path}`;
  const url = new URL(path);
  return `${url.pathname}${url.search}`;
}

function buildUrl(apiBaseUrl: string, request: ApiRequest): string {
  const url = `${apiBaseUrl.replace(/\/+$/, '')}${relativePath(request.path)}`;
  const entries = Object.entries(request.query ?? {}).filter(
    (entry): entry is [string, string | number | boolean] => entry[1] !== undefined,
  );
  if (entries.length === 0) return url;
  const search = new URLSearchParams(entries.map(([key, value]): [string, string] => [key, String(value)]));
  return `${url}${url.includes('?') ? '&' : '?'}${search.toString()}`;
}

function parseErrorBody(text: string): ErrorBody | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as ErrorBody) : undefined;
  } catch {
    return undefined;
  }
}

export function createApiRequester(options: {
  apiBaseUrl: string;
  transport: Transport;
  tokens: TokenSource;
}): ApiRequester {
  const { apiBaseUrl, transport, tokens } = options;

  const send = async (request: ApiRequest): Promise<TransportResponse> => {
    const url = buildUrl(apiBaseUrl, request);
    const headers: Record<string, string> = { Accept: 'application/json' };
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const idempotent = request.idempotent ?? request.method !== 'POST';

    let refreshed = false;
    for (;;) {
      const token = await tokens.token();
      const response = await transport.send({
        url,
        method: request.method,
        headers: { ...headers, Authorization: `Bearer ${token.reveal()}` },
        ...(body === undefined ? {} : { body }),
        idempotent,
      });
      if (response.status === 401 && tokens.refreshable && !refreshed) {
        refreshed = true;
        tokens.invalidate(token);
        continue;
      }
      if (response.status >= 200 && response.status < 300) return response;
      throw errorFromResponse({
        status: response.status,
        request: response.request,
        body: parseErrorBody(response.text),
        permission: requiredPermission(response.request.method, response.request.path),
        attempts: response.attempts,
        usingAccessToken: tokens.kind === 'access-token',
        isTokenRequest: false,
      });
    }
  };

  return {
    async json<T>(request: ApiRequest): Promise<T> {
      const response = await send(request);
      try {
        return JSON.parse(response.text) as T;
      } catch {
        throw malformedResponseError(response.request, response.status);
      }
    },
    async text(request) {
      const response = await send(request);
      const isJson = (response.headers.get('content-type') ?? '').includes('json');
      if (!isJson) return response.text;
      try {
        const parsed: unknown = JSON.parse(response.text);
        if (typeof parsed === 'string') return parsed;
      } catch {
        throw malformedResponseError(response.request, response.status);
      }
      return response.text;
    },
    async none(request) {
      await send(request);
    },
  };
}
