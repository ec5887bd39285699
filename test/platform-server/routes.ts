import type { ErrorBody, TestExecutionResult } from '../../src/platform/types.js';
import { HttpError, badRequest, errorBody, notFound, page, type RouteResult } from './responses.js';
import { isStaticActionId, type PlatformState, type StoredAction } from './state.js';

export interface TestRunRequest {
  action: StoredAction;
  input: unknown;
  flatten: boolean;
  draft: boolean;
}

export type TestRunner = (request: TestRunRequest) => TestExecutionResult | Promise<TestExecutionResult>;

export const echoTestRunner: TestRunner = () => ({ operations: [], success: true, finalResult: {} });

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  state: PlatformState;
  behaviour: { omitNextUri: boolean; testRunner: TestRunner };
}

export interface Route {
  method: string;
  pattern: RegExp;
  permission: string;
  handle(context: RouteContext): RouteResult | Promise<RouteResult>;
}

const ACTIONS = '/api/v2/integrations/actions';
const ID = '(?<id>[^/]+)';

function view(action: StoredAction, lifecycle: 'published' | 'draft', query?: URLSearchParams) {
  const out: Record<string, unknown> = {
    id: action.id,
    name: action.name,
    integrationId: action.integrationId,
    category: action.category,
    version: action.version,
    secure: action.secure,
    selfUri: `${ACTIONS}/${action.id}${lifecycle === 'draft' ? '/draft' : ''}`,
  };
  if (query?.get('expand') === 'contract') out.contract = action.contract;
  if (query?.get('includeConfig') === 'true') out.config = action.config;
  return out;
}

function record(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

function filtered(actions: Iterable<StoredAction>, query: URLSearchParams): StoredAction[] {
  const category = query.get('category');
  const name = query.get('name')?.toLowerCase();
  return [...actions].filter(
    (action) =>
      (category === null || action.category === category) &&
      (name === undefined || action.name.toLowerCase().includes(name)),
  );
}

function carriedFilters(query: URLSearchParams): Record<string, string> {
  const carry: Record<string, string> = {};
  for (const key of ['category', 'name']) {
    const value = query.get(key);
    if (value !== null) carry[key] = value;
  }
  return carry;
}

function problems(action: Partial<StoredAction>, state: PlatformState): ErrorBody[] {
  const found: ErrorBody[] = [];
  const problem = (message: string) => found.push(errorBody(400, 'bad.request', message));
  if (typeof action.name !== 'string' || action.name === '') problem('name is required');
  if (typeof action.category !== 'string' || action.category === '') problem('category is required');
  if (typeof action.integrationId !== 'string' || !state.integrations.has(action.integrationId)) {
    problem(`integrationId ${String(action.integrationId)} is not an integration`);
  }
  const contract = action.contract as { input?: { inputSchema?: unknown }; output?: { successSchema?: unknown } } | undefined;
  if (typeof contract?.input?.inputSchema !== 'object') problem('contract.input.inputSchema is required');
  if (typeof contract?.output?.successSchema !== 'object') problem('contract.output.successSchema is required');
  const request = action.config?.request as { requestUrlTemplate?: unknown; requestType?: unknown } | undefined;
  if (typeof request?.requestUrlTemplate !== 'string') problem('config.request.requestUrlTemplate is required');
  if (!['GET', 'PUT', 'POST', 'PATCH', 'DELETE'].includes(String(request?.requestType))) {
    problem('config.request.requestType must be GET, PUT, POST, PATCH or DELETE');
  }
  return found;
}

function rejectIfInvalid(action: Partial<StoredAction>, state: PlatformState): void {
  const found = problems(action, state);
  if (found.length > 0) throw badRequest(found.map((error) => error.message).join('; '), { errors: found });
}

function fromInput(body: Record<string, unknown>, id: string): StoredAction {
  return {
    id,
    name: body.name as string,
    integrationId: body.integrationId as string,
    category: body.category as string,
    secure: body.secure === true,
    contract: body.contract as StoredAction['contract'],
    config: body.config as StoredAction['config'],
    version: 1,
  };
}

function requireVersion(body: Record<string, unknown>, current: number): void {
  if (typeof body.version !== 'number') throw badRequest('version is required');
  if (body.version !== current) {
    throw new HttpError(409, 'conflict', `Version ${body.version} is stale; the current version is ${current}.`);
  }
}

function refuseStatic(id: string): void {
  if (isStaticActionId(id)) throw badRequest(`Action ${id} is a static action and cannot be changed.`);
}

function published(state: PlatformState, id: string): StoredAction {
  const action = state.actions.get(id);
  if (action === undefined) throw notFound(`Action ${id}`);
  return action;
}

function draftOf(state: PlatformState, id: string): StoredAction {
  const draft = state.drafts.get(id);
  if (draft === undefined) throw notFound(`Draft of action ${id}`);
  return draft;
}

function template(action: StoredAction, file: string): RouteResult {
  if (file === 'requesttemplate.vm') return { status: 200, text: action.config.request.requestTemplate ?? '' };
  if (file === 'successtemplate.vm') return { status: 200, text: action.config.response.successTemplate ?? '' };
  throw notFound(`Template ${file}`);
}

async function runTest(context: RouteContext, action: StoredAction, draft: boolean): Promise<RouteResult> {
  const result = await context.behaviour.testRunner({
    action,
    input: context.body ?? {},
    flatten: context.query.get('flatten') === 'true',
    draft,
  });
  return { status: 200, body: result };
}

const route = (method: string, path: string, permission: string, handle: Route['handle']): Route => ({
  method,
  pattern: new RegExp(`^${path}$`),
  permission,
  handle,
});

const VIEW = 'integrations:action:view';
const ADD = 'integrations:action:add';
const EDIT = 'integrations:action:edit';
const DELETE = 'integrations:action:delete';
const EXECUTE = 'integrations:action:execute';

export const routes: Route[] = [
  route('GET', '/api/v2/integrations', 'integrations:integration:view', ({ state, query, behaviour }) =>
    page([...state.integrations.values()], query, '/api/v2/integrations', { omitNextUri: behaviour.omitNextUri, carry: {} }),
  ),
  route('GET', ACTIONS, VIEW, ({ state, query, behaviour }) =>
    page(filtered(state.actions.values(), query).map((a) => view(a, 'published')), query, ACTIONS, {
      omitNextUri: behaviour.omitNextUri,
      carry: carriedFilters(query),
    }),
  ),
  route('POST', ACTIONS, ADD, ({ state, body }) => {
    const input = record(body);
    rejectIfInvalid(input as Partial<StoredAction>, state);
    const action = fromInput(input, state.nextId());
    state.actions.set(action.id, action);
    return { status: 200, body: view(action, 'published', new URLSearchParams('expand=contract&includeConfig=true')) };
  }),
  route('GET', `${ACTIONS}/drafts`, VIEW, ({ state, query, behaviour }) =>
    page(filtered(state.drafts.values(), query).map((a) => view(a, 'draft')), query, `${ACTIONS}/drafts`, {
      omitNextUri: behaviour.omitNextUri,
      carry: carriedFilters(query),
    }),
  ),
  route('POST', `${ACTIONS}/drafts`, ADD, ({ state, body }) => {
    const input = record(body);
    const basics = problems(input as Partial<StoredAction>, state).filter((p) => !/contract|config/.test(p.message ?? ''));
    if (basics.length > 0) throw badRequest(basics.map((p) => p.message).join('; '), { errors: basics });
    const draft = fromInput(input, state.nextId());
    state.drafts.set(draft.id, draft);
    return { status: 200, body: view(draft, 'draft', new URLSearchParams('expand=contract&includeConfig=true')) };
  }),
  route('GET', `${ACTIONS}/categories`, VIEW, ({ state, query, behaviour }) => {
    const names = [...new Set([...state.actions.values()].map((a) => a.category))].sort();
    return page(names.map((name) => ({ name })), query, `${ACTIONS}/categories`, { omitNextUri: behaviour.omitNextUri, carry: {} });
  }),
  route('GET', `${ACTIONS}/${ID}`, VIEW, ({ state, params, query }) => ({
    status: 200,
    body: view(published(state, params.id ?? ''), 'published', query),
  })),
  route('PATCH', `${ACTIONS}/${ID}`, EDIT, ({ state, params, body }) => {
    const id = params.id ?? '';
    refuseStatic(id);
    const action = published(state, id);
    const input = record(body);
    if ('contract' in input) throw badRequest('The contract of a published action cannot be changed; create a draft.');
    requireVersion(input, action.version);
    if (typeof input.name === 'string') action.name = input.name;
    if (typeof input.category === 'string') action.category = input.category;
    if (input.config !== undefined) action.config = input.config as StoredAction['config'];
    action.version += 1;
    return { status: 200, body: view(action, 'published') };
  }),
  route('DELETE', `${ACTIONS}/${ID}`, DELETE, ({ state, params }) => {
    const id = params.id ?? '';
    refuseStatic(id);
    published(state, id);
    state.actions.delete(id);
    state.drafts.delete(id);
    return { status: 204 };
  }),
  route('POST', `${ACTIONS}/${ID}/draft`, EDIT, ({ state, params }) => {
    const id = params.id ?? '';
    refuseStatic(id);
    const action = published(state, id);
    if (state.drafts.has(id)) throw badRequest(`Action ${id} already has a draft.`);
    const draft: StoredAction = structuredClone(action);
    state.drafts.set(id, draft);
    return { status: 200, body: view(draft, 'draft', new URLSearchParams('expand=contract&includeConfig=true')) };
  }),
  route('GET', `${ACTIONS}/${ID}/draft`, VIEW, ({ state, params, query }) => ({
    status: 200,
    body: view(draftOf(state, params.id ?? ''), 'draft', query),
  })),
  route('PATCH', `${ACTIONS}/${ID}/draft`, EDIT, ({ state, params, body }) => {
    const draft = draftOf(state, params.id ?? '');
    const input = record(body);
    requireVersion(input, draft.version);
    if (typeof input.name === 'string') draft.name = input.name;
    if (typeof input.category === 'string') draft.category = input.category;
    if (input.config !== undefined) draft.config = input.config as StoredAction['config'];
    if (input.contract !== undefined) draft.contract = input.contract as StoredAction['contract'];
    if (typeof input.secure === 'boolean') draft.secure = input.secure;
    draft.version += 1;
    return { status: 200, body: view(draft, 'draft', new URLSearchParams('expand=contract&includeConfig=true')) };
  }),
  route('DELETE', `${ACTIONS}/${ID}/draft`, DELETE, ({ state, params }) => {
    draftOf(state, params.id ?? '');
    state.drafts.delete(params.id ?? '');
    return { status: 204 };
  }),
  route('GET', `${ACTIONS}/${ID}/draft/validation`, EDIT, ({ state, params }) => {
    const found = problems(draftOf(state, params.id ?? ''), state);
    return { status: 200, body: { valid: found.length === 0, errors: found } };
  }),
  route('POST', `${ACTIONS}/${ID}/draft/publish`, EDIT, ({ state, params, body }) => {
    const id = params.id ?? '';
    const draft = draftOf(state, id);
    requireVersion(record(body), draft.version);
    rejectIfInvalid(draft, state);
    const previous = state.actions.get(id);
    const action: StoredAction = { ...structuredClone(draft), version: (previous?.version ?? 0) + 1 };
    state.actions.set(id, action);
    state.drafts.delete(id);
    return { status: 200, body: view(action, 'published', new URLSearchParams('expand=contract&includeConfig=true')) };
  }),
  route('POST', `${ACTIONS}/${ID}/draft/test`, EXECUTE, (context) =>
    runTest(context, draftOf(context.state, context.params.id ?? ''), true),
  ),
  route('POST', `${ACTIONS}/${ID}/test`, EXECUTE, (context) =>
    runTest(context, published(context.state, context.params.id ?? ''), false),
  ),
  route('GET', `${ACTIONS}/${ID}/templates/(?<file>[^/]+)`, VIEW, ({ state, params }) =>
    template(published(state, params.id ?? ''), params.file ?? ''),
  ),
  route('GET', `${ACTIONS}/${ID}/draft/templates/(?<file>[^/]+)`, VIEW, ({ state, params }) =>
    template(draftOf(state, params.id ?? ''), params.file ?? ''),
  ),
];

export function findRoute(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (match === null) continue;
    const params = Object.fromEntries(
      Object.entries(match.groups ?? {}).map(([key, value]) => [key, decodeURIComponent(value)]),
    );
    return { route: candidate, params };
  }
  return undefined;
}
