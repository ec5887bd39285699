import { createApiRequester } from './api-requester.js';
import type { PlatformCredentials } from './credentials.js';
import type { Clock, FetchLike } from './effects.js';
import { isPlatformError } from './errors.js';
import type { PlatformEventListener } from './events.js';
import { createHttpTransport } from './http-transport.js';
import { collectAllPages } from './pagination.js';
import { createSemaphore } from './semaphore.js';
import { createTokenSource } from './token-source.js';
import type {
  Action,
  Category,
  DraftValidationResult,
  Integration,
  ListedAction,
  PostActionInput,
  TemplateFileName,
  TestExecutionResult,
  UpdateActionInput,
  UpdateDraftInput,
} from './types.js';

export interface PlatformClientOptions {
  /** `https://api.<domain>`, or a proxy or test server. */
  readonly apiBaseUrl: string;
  /** `https://login.<domain>`; unused with an access token. */
  readonly loginBaseUrl: string;
  readonly credentials: PlatformCredentials;
  readonly fetch: FetchLike;
  readonly clock: Clock;
  /** For backoff jitter; defaults to `Math.random`. */
  readonly random?: () => number;
  /** Requests in flight at once. */
  readonly concurrency?: number;
  /** Per attempt, including reading the body. */
  readonly timeoutMs?: number;
  /** Retries after the first attempt, for rate limits, server errors and dropped connections. */
  readonly maxRetries?: number;
  /** Time allowed for all of this client's requests together, retries and pauses included. */
  readonly deadlineMs?: number;
  readonly onEvent?: PlatformEventListener;
}

export interface ListActionsOptions {
  readonly category?: string;
  /** Partial match, as the API does it. */
  readonly name?: string;
  /** Also list drafts (tagged `lifecycle: 'draft'`), after the published actions. */
  readonly includeDrafts?: boolean;
}

export interface GetActionOptions {
  /** Defaults to `'contract'`; pass `null` to leave the contract out. */
  readonly expand?: 'contract' | null;
  /** Defaults to true. */
  readonly includeConfig?: boolean;
  readonly flatten?: boolean;
}

export interface TestOptions {
  /** Flatten the output as the UI's "Flatten output" box does; defaults to false (nested JSON). */
  readonly flatten?: boolean;
}

export interface TemplateOptions {
  /** Read the draft's template instead of the published action's. */
  readonly draft?: boolean;
}

export interface PlatformClient {
  listActions(options?: ListActionsOptions): Promise<ListedAction[]>;
  listDrafts(options?: Omit<ListActionsOptions, 'includeDrafts'>): Promise<ListedAction[]>;
  getAction(id: string, options?: GetActionOptions): Promise<Action>;
  getDraft(id: string, options?: GetActionOptions): Promise<Action>;
  /** Creates a published action directly. */
  createAction(body: PostActionInput): Promise<Action>;
  createDraft(body: PostActionInput): Promise<Action>;
  createDraftFromAction(id: string): Promise<Action>;
  /** Updates a published action (no contract change); re-reads the version and retries once on a 409. */
  patchAction(id: string, body: UpdateActionInput): Promise<Action>;
  /** Re-reads the draft's version and retries once on a 409. */
  patchDraft(id: string, body: UpdateDraftInput): Promise<Action>;
  validateDraft(id: string): Promise<DraftValidationResult>;
  /** Re-reads the draft's version and retries once on a 409. */
  publishDraft(id: string, version: number): Promise<Action>;
  testDraft(id: string, input: Record<string, unknown>, options?: TestOptions): Promise<TestExecutionResult>;
  testAction(id: string, input: Record<string, unknown>, options?: TestOptions): Promise<TestExecutionResult>;
  deleteAction(id: string): Promise<void>;
  deleteDraft(id: string): Promise<void>;
  getTemplate(id: string, file: TemplateFileName, options?: TemplateOptions): Promise<string>;
  listIntegrations(): Promise<Integration[]>;
  listCategories(): Promise<Category[]>;
}

const ACTIONS = '/api/v2/integrations/actions';

function actionPath(id: string, suffix = ''): string {
  return `${ACTIONS}/${encodeURIComponent(id)}${suffix}`;
}

function readQuery(options: GetActionOptions = {}) {
  const expand = options.expand === undefined ? 'contract' : options.expand;
  return {
    expand: expand ?? undefined,
    includeConfig: options.includeConfig ?? true,
    flatten: options.flatten,
  };
}

function tag(actions: Action[], lifecycle: ListedAction['lifecycle']): ListedAction[] {
  return actions.map((action) => ({ ...action, lifecycle }));
}

export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const clock = options.clock;
  const semaphore = createSemaphore(options.concurrency ?? 4);
  const transport = createHttpTransport({
    fetch: options.fetch,
    clock,
    random: options.random ?? Math.random,
    semaphore,
    timeoutMs: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 5,
    deadlineMs: options.deadlineMs,
    onEvent: options.onEvent,
  });
  const tokens = createTokenSource({
    credentials: options.credentials,
    loginBaseUrl: options.loginBaseUrl,
    transport,
    clock,
    onEvent: options.onEvent,
  });
  const api = createApiRequester({ apiBaseUrl: options.apiBaseUrl, transport, tokens });

  /** On a 409 someone else moved the draft on; take its current version and try once more. */
  const withVersionRetry = async <T>(
    currentVersion: () => Promise<number>,
    attempt: (version: number) => Promise<T>,
    version: number,
  ): Promise<T> => {
    try {
      return await attempt(version);
    } catch (error) {
      if (!isPlatformError(error) || error.status !== 409) throw error;
      const latest = await currentVersion();
      options.onEvent?.({ type: 'version-conflict', request: error.request, retryWithVersion: latest });
      return attempt(latest);
    }
  };

  const draftVersion = async (id: string) =>
    (await api.json<Action>({ method: 'GET', path: actionPath(id, '/draft') })).version;
  const actionVersion = async (id: string) => (await api.json<Action>({ method: 'GET', path: actionPath(id) })).version;

  const listPublished = (filters: Omit<ListActionsOptions, 'includeDrafts'>) =>
    collectAllPages<Action>(api, ACTIONS, { category: filters.category, name: filters.name });
  const listDrafts = (filters: Omit<ListActionsOptions, 'includeDrafts'>) =>
    collectAllPages<Action>(api, `${ACTIONS}/drafts`, { category: filters.category, name: filters.name });

  const test = (path: string, input: Record<string, unknown>, testOptions: TestOptions = {}) =>
    api.json<TestExecutionResult>({
      method: 'POST',
      path,
      query: { flatten: testOptions.flatten ?? false },
      body: input,
    });

  return {
    async listActions(listOptions = {}) {
      const published = tag(await listPublished(listOptions), 'published');
      if (listOptions.includeDrafts !== true) return published;
      return [...published, ...tag(await listDrafts(listOptions), 'draft')];
    },
    async listDrafts(listOptions = {}) {
      return tag(await listDrafts(listOptions), 'draft');
    },
    getAction: (id, getOptions) => api.json<Action>({ method: 'GET', path: actionPath(id), query: readQuery(getOptions) }),
    getDraft: (id, getOptions) =>
      api.json<Action>({ method: 'GET', path: actionPath(id, '/draft'), query: readQuery(getOptions) }),
    createAction: (body) => api.json<Action>({ method: 'POST', path: ACTIONS, body }),
    createDraft: (body) => api.json<Action>({ method: 'POST', path: `${ACTIONS}/drafts`, body }),
    createDraftFromAction: (id) => api.json<Action>({ method: 'POST', path: actionPath(id, '/draft') }),
    patchAction: (id, body) =>
      withVersionRetry(
        () => actionVersion(id),
        (version) => api.json<Action>({ method: 'PATCH', path: actionPath(id), body: { ...body, version } }),
        body.version,
      ),
    patchDraft: (id, body) =>
      withVersionRetry(
        () => draftVersion(id),
        (version) => api.json<Action>({ method: 'PATCH', path: actionPath(id, '/draft'), body: { ...body, version } }),
        body.version,
      ),
    validateDraft: (id) => api.json<DraftValidationResult>({ method: 'GET', path: actionPath(id, '/draft/validation') }),
    publishDraft: (id, version) =>
      withVersionRetry(
        () => draftVersion(id),
        (current) =>
          api.json<Action>({
            method: 'POST',
            path: actionPath(id, '/draft/publish'),
            body: { version: current },
          }),
        version,
      ),
    testDraft: (id, input, testOptions) => test(actionPath(id, '/draft/test'), input, testOptions),
    testAction: (id, input, testOptions) => test(actionPath(id, '/test'), input, testOptions),
    deleteAction: (id) => api.none({ method: 'DELETE', path: actionPath(id) }),
    deleteDraft: (id) => api.none({ method: 'DELETE', path: actionPath(id, '/draft') }),
    getTemplate: (id, file, templateOptions = {}) =>
      api.text({
        method: 'GET',
        path: actionPath(id, `${templateOptions.draft === true ? '/draft' : ''}/templates/${file}`),
      }),
    listIntegrations: () => collectAllPages<Integration>(api, '/api/v2/integrations'),
    listCategories: () => collectAllPages<Category>(api, `${ACTIONS}/categories`),
  };
}
