import type { DataActionExport } from '../export/data-action-export.js';

/** One action reduced to what two sources can both say about it: no ids, versions, selfUris or integration ids. */
export interface ComparableAction {
  /** Exactly as the source has it, the UI's " - Exported …" suffix included. */
  name: string;
  /** Read from an export file: only between two of these is the export suffix ignored. */
  fromExportFile?: boolean;
  /** Unknown for UI exports, which carry none. */
  category: string | undefined;
  /** Unknown when a live action's integration is not visible. */
  integrationType: string | undefined;
  secure: boolean;
  /** Unknown for UI exports; `null` when the source knows the action has none. */
  timeoutSeconds: number | null | undefined;
  config: DataActionExport['config'];
  contract: DataActionExport['contract'];
  /** Where it came from, for messages: a file, or `org:<profile> <id>`. */
  origin: string;
  /** The live action's id. */
  id?: string;
}

export function comparableFromExport(
  exported: DataActionExport,
  origin: string,
  extra: { category?: string | undefined; timeoutSeconds?: number | null | undefined } = {},
): ComparableAction {
  return {
    name: exported.name,
    category: extra.category,
    integrationType: exported.integrationType,
    secure: exported.secure,
    timeoutSeconds: extra.timeoutSeconds,
    config: exported.config,
    contract: exported.contract,
    origin,
  };
}

/** `category/name` when the category is known, else the name: how actions are named in every diff output. */
export function actionLabel(action: Pick<ComparableAction, 'name' | 'category'>): string {
  return action.category === undefined ? action.name : `${action.category}/${action.name}`;
}
