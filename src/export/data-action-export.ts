import { createHash } from 'node:crypto';
import type { JsonObject } from '../spec/action-spec.js';

/** The data-action JSON the Genesys Cloud UI exports and imports ("*.custom.json"). */
export interface DataActionExport {
  name: string;
  integrationType: string;
  /** `static` for the platform's built-in actions, which cannot be created or changed. */
  actionType: 'custom' | 'static';
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
  actionType?: DataActionExport['actionType'];
}): DataActionExport {
  return {
    name: parts.name,
    integrationType: parts.integrationType,
    actionType: parts.actionType ?? 'custom',
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

/** Longest slug used as a file name stem: room for a suffix and an extension within every file system's 255 bytes. */
export const maxSlugLength = 100;

/**
 * The UI's file naming: the name with runs of non-alphanumerics turned into `-`. A slug longer than
 * `maxSlugLength` (names may have 256 characters) is cut and ends in a hash of the whole name, so it stays
 * distinct and the same on every run.
 */
export function exportSlug(name: string): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9_]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'action';
  if (slug.length <= maxSlugLength) return slug;
  const hash = nameHash(name);
  return `${slug.slice(0, maxSlugLength - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/** Eight hex digits of the SHA-256 of a name: short, stable, and distinct enough to tell file names apart. */
export function nameHash(name: string): string {
  return createHash('sha256').update(name).digest('hex').slice(0, 8);
}

/** The request's Content-Type, whatever the case of the header name. */
export function contentTypeOf(headers: Record<string, string>): string | undefined {
  return Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
}
