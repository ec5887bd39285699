import type { DataActionExport } from '../export/data-action-export.js';
import type { PlatformClient } from '../platform/client.js';
import type { Action, Integration, ListedAction } from '../platform/types.js';

export interface LiveAction {
  /** The published action with its contract and config. */
  action: Action;
  integrationType: string | undefined;
  /** The action has an unpublished draft too. */
  hasDraft: boolean;
}

export interface SkippedAction {
  id: string;
  name: string;
  category: string;
  reason: string;
}

export interface LiveOrg {
  integrations: Integration[];
  /** Published custom actions, with config and contract. */
  actions: LiveAction[];
  /** Drafts, including drafts of actions never published (listed, not expanded). */
  drafts: ListedAction[];
  /** Actions that are not custom actions dactl can manage, and why. */
  skipped: SkippedAction[];
}

const staticPrefix = 'static';

/** Every published action of the org read in full (the client bounds the concurrency), plus the drafts listing. */
export async function readLiveOrg(client: PlatformClient): Promise<LiveOrg> {
  const [integrations, published, drafts] = await Promise.all([
    client.listIntegrations(),
    client.listActions(),
    client.listDrafts(),
  ]);
  const typeById = new Map(integrations.map((integration) => [integration.id, integration.integrationType.id]));
  const draftIds = new Set(drafts.map((draft) => draft.id));
  const skipped: SkippedAction[] = [];
  const custom = published.filter((action) => {
    if (!action.id.startsWith(staticPrefix)) return true;
    skipped.push({ ...identity(action), reason: 'a built-in (static) action; it cannot be exported or changed' });
    return false;
  });
  const actions = await Promise.all(
    custom.map(async (listed): Promise<LiveAction> => {
      const action = await withTemplates(client, await client.getAction(listed.id, { expand: 'contract', includeConfig: true }));
      return { action, integrationType: typeById.get(action.integrationId), hasDraft: draftIds.has(action.id) };
    }),
  );
  return { integrations, actions, drafts, skipped };
}

function identity(action: Action): Omit<SkippedAction, 'reason'> {
  return { id: action.id, name: action.name, category: action.category };
}

/** Some responses give a template only by URI; the template endpoints hold the text. */
async function withTemplates(client: PlatformClient, action: Action): Promise<Action> {
  const request = action.config?.request;
  const response = action.config?.response;
  if (!request || !response) return action;
  const [requestTemplate, successTemplate] = await Promise.all([
    request.requestTemplate === undefined && request.requestTemplateUri !== undefined
      ? client.getTemplate(action.id, 'requesttemplate.vm')
      : request.requestTemplate,
    response.successTemplate === undefined && response.successTemplateUri !== undefined
      ? client.getTemplate(action.id, 'successtemplate.vm')
      : response.successTemplate,
  ]);
  return {
    ...action,
    config: {
      ...action.config!,
      request: { ...request, ...(requestTemplate === undefined ? {} : { requestTemplate }) },
      response: { ...response, ...(successTemplate === undefined ? {} : { successTemplate }) },
    },
  };
}

/**
 * A live action in the UI's export format. The API drops empty maps and the GET default body; they are put back
 * as the UI exports them, so a live action and its export compare equal.
 */
export function liveActionToExport(live: LiveAction): DataActionExport | undefined {
  const { action } = live;
  if (!action.config || !action.contract || live.integrationType === undefined) return undefined;
  const { request, response } = action.config;
  return {
    name: action.name,
    integrationType: live.integrationType,
    actionType: 'custom',
    config: {
      request: {
        requestUrlTemplate: request.requestUrlTemplate,
        requestType: request.requestType,
        headers: request.headers ?? {},
        requestTemplate: request.requestTemplate ?? '${input.rawRequest}',
      },
      response: {
        translationMap: response.translationMap ?? {},
        translationMapDefaults: response.translationMapDefaults ?? {},
        successTemplate: response.successTemplate ?? '',
      },
    },
    contract: {
      input: { inputSchema: action.contract.input.inputSchema },
      output: { successSchema: action.contract.output.successSchema },
    },
    secure: action.secure === true,
  };
}
