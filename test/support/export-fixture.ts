import type { DataActionExport } from '../../src/export/data-action-export.js';

export interface ExportParts {
  name?: string;
  integrationType?: string;
  url?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  translationMap?: Record<string, string>;
  defaults?: Record<string, string>;
  successTemplate?: string;
  inputSchema?: object;
  successSchema?: object;
  /** Extra keys for `config`, to build exports the platform would refuse. */
  config?: Record<string, unknown>;
}

/** A data-action export in the UI's key order, each part replaceable; `fallback` gives the parts not passed. */
export function exportFixture(parts: ExportParts, fallback: ExportParts = {}): DataActionExport {
  const part = <K extends keyof ExportParts>(key: K): ExportParts[K] => parts[key] ?? fallback[key];
  return {
    name: part('name') ?? 'Test action',
    integrationType: part('integrationType') ?? 'purecloud-data-actions',
    actionType: 'custom',
    config: {
      request: {
        requestUrlTemplate: part('url') ?? '/api/v2/users/me',
        requestType: part('method') ?? 'GET',
        headers: part('headers') ?? {},
        requestTemplate: part('body') ?? '${input.rawRequest}',
      },
      response: {
        translationMap: part('translationMap') ?? {},
        translationMapDefaults: part('defaults') ?? {},
        successTemplate: part('successTemplate') ?? '${rawResult}',
      },
      ...part('config'),
    },
    contract: {
      input: { inputSchema: (part('inputSchema') ?? { type: 'object', properties: {} }) as DataActionExport['contract']['input']['inputSchema'] },
      output: { successSchema: (part('successSchema') ?? { type: 'object', properties: {} }) as DataActionExport['contract']['output']['successSchema'] },
    },
    secure: false,
  };
}
