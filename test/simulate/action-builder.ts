import { dataActionExport, type DataActionExport } from '../../src/export/data-action-export.js';

/** A small export for simulator tests; every part can be overridden. */
export function action(parts: {
  url?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  translationMap?: Record<string, string>;
  defaults?: Record<string, string>;
  successTemplate?: string;
  inputSchema?: Record<string, unknown>;
  successSchema?: Record<string, unknown>;
}): DataActionExport {
  return dataActionExport({
    name: 'Test Action',
    integrationType: 'purecloud-data-actions',
    request: {
      requestUrlTemplate: parts.url ?? '/api/v2/things/${input.id}',
      requestType: parts.method ?? 'GET',
      headers: parts.headers ?? {},
      requestTemplate: parts.body ?? '${input.rawRequest}',
    },
    response: {
      translationMap: parts.translationMap ?? {},
      translationMapDefaults: parts.defaults ?? {},
      successTemplate: parts.successTemplate ?? '${rawResult}',
    },
    inputSchema: parts.inputSchema ?? { $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', properties: {}, additionalProperties: true },
    successSchema: parts.successSchema ?? { $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', properties: {}, additionalProperties: true },
    secure: false,
  });
}
