import type { ActionConfig, ActionContract, Integration } from '../../src/platform/types.js';

export const ALL_PERMISSIONS = [
  'integrations:integration:view',
  'integrations:action:view',
  'integrations:action:add',
  'integrations:action:edit',
  'integrations:action:delete',
  'integrations:action:execute',
] as const;

export interface StoredAction {
  id: string;
  name: string;
  integrationId: string;
  category: string;
  secure: boolean;
  contract: ActionContract;
  config: ActionConfig;
  version: number;
}

export interface ClientRecord {
  clientSecret: string;
  permissions: Set<string>;
}

export interface ActionSeed {
  name: string;
  integrationId?: string;
  category?: string;
  secure?: boolean;
  contract?: ActionContract;
  config?: ActionConfig;
}

export const minimalContract = (): ActionContract => ({
  input: { inputSchema: { type: 'object', properties: {} } },
  output: { successSchema: { type: 'object', properties: {} } },
});

export const minimalConfig = (): ActionConfig => ({
  request: { requestUrlTemplate: 'https://example.invalid/', requestType: 'GET', headers: {}, requestTemplate: '${input.rawRequest}' },
  response: { translationMap: {}, translationMapDefaults: {}, successTemplate: '${rawResult}' },
});

/** Everything the fake Platform API knows; tests may read and change it directly. */
export class PlatformState {
  readonly integrations = new Map<string, Integration>();
  readonly actions = new Map<string, StoredAction>();
  readonly drafts = new Map<string, StoredAction>();
  readonly clients = new Map<string, ClientRecord>();
  /** Issued bearer tokens → the client they belong to. */
  readonly tokens = new Map<string, string>();
  #counter = 0;
  #tokenCounter = 0;

  /** Deterministic, UUID-shaped ids. */
  nextId(): string {
    this.#counter += 1;
    return `00000000-0000-4000-8000-${this.#counter.toString(16).padStart(12, '0')}`;
  }

  issueToken(clientId: string): string {
    this.#tokenCounter += 1;
    const token = `test-token-${this.#tokenCounter}`;
    this.tokens.set(token, clientId);
    return token;
  }

  revokeAllTokens(): void {
    this.tokens.clear();
  }

  addClient(clientId: string, clientSecret: string, permissions: Iterable<string> = ALL_PERMISSIONS): void {
    this.clients.set(clientId, { clientSecret, permissions: new Set(permissions) });
  }

  addIntegration(name: string, typeId = 'custom-rest-actions', id = this.nextId()): Integration {
    const integration: Integration = { id, name, integrationType: { id: typeId }, intendedState: 'ENABLED' };
    this.integrations.set(id, integration);
    return integration;
  }

  #materialise(seed: ActionSeed, id: string): StoredAction {
    const integrationId = seed.integrationId ?? [...this.integrations.keys()][0] ?? '';
    return {
      id,
      name: seed.name,
      integrationId,
      category: seed.category ?? this.integrations.get(integrationId)?.name ?? 'Uncategorised',
      secure: seed.secure ?? false,
      contract: seed.contract ?? minimalContract(),
      config: seed.config ?? minimalConfig(),
      version: 1,
    };
  }

  addPublishedAction(seed: ActionSeed, id = this.nextId()): StoredAction {
    const action = this.#materialise(seed, id);
    this.actions.set(id, action);
    return action;
  }

  addDraft(seed: ActionSeed, id = this.nextId()): StoredAction {
    const draft = this.#materialise(seed, id);
    this.drafts.set(id, draft);
    return draft;
  }
}

export function isStaticActionId(id: string): boolean {
  return id.startsWith('static');
}
