import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultList, type Fault } from './faults.js';
import { HttpError, errorBody, type RouteResult } from './responses.js';
import { echoTestRunner, findRoute, type TestRunner } from './routes.js';
import { PlatformState, type ActionSeed } from './state.js';

export interface ExtraClient {
  clientId: string;
  clientSecret: string;
  /** Defaults to every permission the server knows. */
  permissions?: string[];
}

export interface PlatformServerSeed {
  integrations?: Array<{ id?: string; name: string; typeId?: string }>;
  actions?: ActionSeed[];
  drafts?: ActionSeed[];
  /** Built-in actions whose ids start with `static`; they cannot be changed or deleted. */
  staticActions?: Array<ActionSeed & { id: string }>;
}

export interface PlatformServerOptions {
  port?: number;
  clientId: string;
  clientSecret: string;
  /** More OAuth clients, e.g. one without `integrations:action:add`. */
  clients?: ExtraClient[];
  seed?: PlatformServerSeed;
  tokenLifetimeSeconds?: number;
  /** Leave `nextUri` out of listings, so clients must page by `pageCount`. */
  omitNextUri?: boolean;
  testRunner?: TestRunner;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
}

export interface PlatformServer {
  url: string;
  loginUrl: string;
  state: PlatformState;
  requests: LoggedRequest[];
  /** The most API requests (not token requests) that were being handled at the same time. */
  readonly maxConcurrentRequests: number;
  inject(fault: Fault): void;
  clearFaults(): void;
  setTestRunner(runner: TestRunner): void;
  stop(): Promise<void>;
}

const DEFAULT_SEED: PlatformServerSeed = {
  integrations: [{ name: 'Web Services Data Actions', typeId: 'custom-rest-actions' }],
  staticActions: [{ id: 'static-get-current-time', name: 'Get Current Time', category: 'Genesys Cloud Data Actions' }],
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, result: RouteResult, extraHeaders: Record<string, string> = {}): void {
  if (response.destroyed) return;
  if (result.text !== undefined) {
    response.writeHead(result.status, { 'Content-Type': 'text/plain; charset=utf-8', ...extraHeaders });
    response.end(result.text);
  } else if (result.body === undefined) {
    response.writeHead(result.status, extraHeaders);
    response.end();
  } else {
    response.writeHead(result.status, { 'Content-Type': 'application/json', ...extraHeaders });
    response.end(JSON.stringify(result.body));
  }
}

function seedState(state: PlatformState, options: PlatformServerOptions): void {
  state.addClient(options.clientId, options.clientSecret);
  for (const client of options.clients ?? []) state.addClient(client.clientId, client.clientSecret, client.permissions);
  const seed = options.seed ?? DEFAULT_SEED;
  for (const integration of seed.integrations ?? []) state.addIntegration(integration.name, integration.typeId, integration.id);
  for (const action of seed.staticActions ?? []) state.addPublishedAction(action, action.id);
  for (const action of seed.actions ?? []) state.addPublishedAction(action);
  for (const draft of seed.drafts ?? []) state.addDraft(draft);
}

/** A fake Genesys Cloud Platform API (login and api on one host) for end-to-end tests of the client. */
export async function startPlatformServer(options: PlatformServerOptions): Promise<PlatformServer> {
  const state = new PlatformState();
  seedState(state, options);
  const faults = new FaultList();
  const requests: LoggedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const behaviour = { omitNextUri: options.omitNextUri ?? false, testRunner: options.testRunner ?? echoTestRunner };
  let inFlight = 0;
  let maxInFlight = 0;

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const issueToken = (authorization: string | undefined, body: string): RouteResult => {
    const [scheme, encoded] = (authorization ?? '').split(' ');
    const [clientId = '', ...secretParts] = Buffer.from(encoded ?? '', 'base64').toString('utf8').split(':');
    const client = state.clients.get(clientId);
    if (scheme !== 'Basic' || client === undefined || client.clientSecret !== secretParts.join(':')) {
      return { status: 401, body: { error: 'invalid_client', description: 'client not found' } };
    }
    if (new URLSearchParams(body).get('grant_type') !== 'client_credentials') {
      return { status: 400, body: { error: 'unsupported_grant_type', description: 'grant_type must be client_credentials' } };
    }
    return {
      status: 200,
      body: {
        access_token: state.issueToken(clientId),
        token_type: 'bearer',
        expires_in: options.tokenLifetimeSeconds ?? 86_399,
      },
    };
  };

  const handleApi = async (method: string, path: string, query: URLSearchParams, request: IncomingMessage, raw: string) => {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const clientId = bearer === undefined ? undefined : state.tokens.get(bearer);
    if (clientId === undefined) return { status: 401, body: errorBody(401, 'bad.credentials', 'Invalid login credentials.') };
    const found = findRoute(method, path);
    if (found === undefined) return { status: 404, body: errorBody(404, 'not.found', `No resource at ${method} ${path}`) };
    const permissions = state.clients.get(clientId)?.permissions ?? new Set<string>();
    if (!permissions.has(found.route.permission)) {
      const message = `Unable to perform the requested action. You are missing the following permission(s): [${found.route.permission}]`;
      return { status: 403, body: errorBody(403, 'missing.permissions', message) };
    }
    let body: unknown;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      return { status: 400, body: errorBody(400, 'bad.request', 'The request body is not valid JSON.') };
    }
    try {
      return await found.route.handle({ params: found.params, query, body, state, behaviour });
    } catch (error) {
      if (error instanceof HttpError) return error.toResult();
      throw error;
    }
  };

  const server = createServer((request, response) => {
    response.on('error', () => undefined);
    void (async () => {
      const method = (request.method ?? 'GET').toUpperCase();
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      requests.push({ method, path: url.pathname, query: url.search });
      const raw = await readBody(request);
      const isApi = url.pathname.startsWith('/api/');
      if (isApi) {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
      }
      try {
        const fault = faults.take(method, url.pathname);
        if (fault?.kind === 'slow') await delay(fault.delayMs);
        if (response.destroyed) return;
        if (fault?.kind === 'drop-connection') {
          request.socket.destroy();
          return;
        }
        if (fault?.kind === 'rate-limit') {
          const seconds = fault.retryAfterSeconds ?? 1;
          send(response, { status: 429, body: errorBody(429, 'too.many.requests', 'Rate limit exceeded the maximum.') }, {
            'Retry-After': String(seconds),
          });
          return;
        }
        if (fault?.kind === 'server-error') {
          const status = fault.status ?? 500;
          send(response, { status, body: errorBody(status, 'internal.server.error', 'The server encountered an error.') });
          return;
        }
        if (fault?.kind === 'echo-request') {
          const status = fault.status ?? 502;
          const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${String(value)}`).join('\n');
          send(response, { status, body: errorBody(status, 'bad.gateway', `upstream refused ${method} ${url.pathname}\n${headers}\n\n${raw}`) });
          return;
        }
        if (fault?.kind === 'malformed-json') {
          response.writeHead(200, { 'Content-Type': 'application/json' });
          response.end('{"entities": [{"id": ');
          return;
        }
        const result =
          method === 'POST' && url.pathname === '/oauth/token'
            ? issueToken(request.headers.authorization, raw)
            : await handleApi(method, url.pathname, url.searchParams, request, raw);
        if (fault?.kind === 'lose-response') {
          request.socket.destroy();
          return;
        }
        send(response, result);
      } catch (error) {
        send(response, { status: 500, body: errorBody(500, 'internal.server.error', String(error)) });
      } finally {
        if (isApi) inFlight -= 1;
      }
    })();
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    loginUrl: url,
    state,
    requests,
    get maxConcurrentRequests() {
      return maxInFlight;
    },
    inject(fault) {
      if (fault.kind === 'expire-token') state.revokeAllTokens();
      else faults.add(fault);
    },
    clearFaults: () => faults.clear(),
    setTestRunner(runner) {
      behaviour.testRunner = runner;
    },
    stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
