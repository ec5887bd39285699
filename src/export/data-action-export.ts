import type { JsonObject } from '../spec/action-spec.js';

/** The data-action JSON the Genesys Cloud UI exports and imports ("*.custom.json"). */
export interface DataActionExport {
  name: string;
  integrationType: string;
  actionType: 'custom';
  config: {
    request: {
      requestUrlTemplate: string;
      requestType: string;
      headers: Record<string, string>;
      requestTemplate: string;
    };
    response: {
      translationMap: Record<string, string>;
      translationMapDefaults: Record<string, string>;
      successTemplate: string;
    };
  };
  contract: {
    input: { inputSchema: JsonObject };
    output: { successSchema: JsonObject };
  };
  secure: boolean;
}

/** Builds an export with its keys in the order every real UI export has them. */
export function dataActionExport(parts: {
  name: string;
  integrationType: string;
  request: DataActionExport['config']['request'];
  response: DataActionExport['config']['response'];
  inputSchema: JsonObject;
  successSchema: JsonObject;
  secure: boolean;
}): DataActionExport {
  return {
    name: parts.name,
    integrationType: parts.integrationType,
    actionType: 'custom',
    config: {
      request: {
        requestUrlTemplate: parts.request.requestUrlTemplate,
        requestType: parts.request.requestType,
        headers: parts.request.headers,
        requestTemplate: parts.request.requestTemplate,
      },
      response: {
        translationMap: parts.response.translationMap,
        translationMapDefaults: parts.response.translationMapDefaults,
        successTemplate: parts.response.successTemplate,
      },
    },
    contract: { input: { inputSchema: parts.inputSchema }, output: { successSchema: parts.successSchema } },
    secure: parts.secure,
  };
}

/** 2-space JSON with a final newline: the same bytes on every run. */
export function serializeExport(artifact: DataActionExport): string {
  return JSON.stringify(artifact, null, 2) + '\n';
}

const exportSuffix = / - Exported \d{4}-\d{2}-\d{2} @ \d{2}:\d{2}$/;

export function stripExportSuffix(name: string): string {
  return name.replace(exportSuffix, '');
}

/** The UI's file naming: the name with runs of non-alphanumerics turned into `-`. */
export function exportSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'action';
}

/** The request's Content-Type, whatever the case of the header name. */
export function contentTypeOf(headers: Record<string, string>): string | undefined {
  return Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
}
