import { ExitCode } from '../diagnostics/errors.js';
import { redactCredentials } from './redact.js';
import type { ErrorBody } from './types.js';

export type PlatformErrorCode =
  | 'platform.bad-request'
  | 'platform.unauthorized'
  | 'platform.forbidden'
  | 'platform.not-found'
  | 'platform.conflict'
  | 'platform.rate-limited'
  | 'platform.server-error'
  | 'platform.http-error'
  | 'platform.unreachable'
  | 'platform.connection-failed'
  | 'platform.timeout'
  | 'platform.malformed-response';

/** Where a failed request went: enough to name it in a message, never headers or bodies. */
export interface RequestDescription {
  readonly method: string;
  readonly host: string;
  /** Path without the query string. */
  readonly path: string;
}

export interface PlatformErrorInit {
  code: PlatformErrorCode;
  status?: number;
  request: RequestDescription;
  body?: ErrorBody;
  permission?: string;
  attempts?: number;
  /** A low-level error code such as ENOTFOUND; the original error object is not kept, as it could carry headers. */
  causeCode?: string;
}

/**
 * A Platform API call that failed, with a one-sentence message an admin can act on. It carries only what is safe to
 * print: no credentials, tokens or request bodies, so `JSON.stringify(error)` and `util.inspect(error)` are safe.
 */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  readonly exitCode = ExitCode.usage;
  readonly code: PlatformErrorCode;
  readonly status: number | undefined;
  readonly request: RequestDescription;
  /** The Genesys ErrorBody, when the response carried one (e.g. validation errors on a 400). */
  readonly body: ErrorBody | undefined;
  readonly permission: string | undefined;
  readonly attempts: number | undefined;
  readonly causeCode: string | undefined;

  constructor(message: string, init: PlatformErrorInit) {
    super(message);
    this.code = init.code;
    this.status = init.status;
    this.request = init.request;
    this.body = init.body;
    this.permission = init.permission;
    this.attempts = init.attempts;
    this.causeCode = init.causeCode;
  }

  get contextId(): string | undefined {
    return this.body?.contextId;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      status: this.status,
      message: this.message,
      request: this.request,
      permission: this.permission,
      attempts: this.attempts,
      causeCode: this.causeCode,
      body: this.body === undefined ? undefined : JSON.parse(redactCredentials(JSON.stringify(this.body))),
    };
  }
}

export function isPlatformError(value: unknown): value is PlatformError {
  return value instanceof PlatformError;
}

function describe(request: RequestDescription): string {
  return `${request.method} ${request.path}`;
}

function genesysSuffix(body: ErrorBody | undefined): string {
  if (body === undefined) return '';
  const parts: string[] = [];
  if (body.message !== undefined && body.message !== '') parts.push(`Genesys says: "${redactCredentials(body.message)}"`);
  if (body.contextId !== undefined && body.contextId !== '') parts.push(`contextId ${body.contextId}`);
  return parts.length === 0 ? '' : ` (${parts.join('; ')})`;
}

function retriesNote(attempts: number | undefined): string {
  return attempts !== undefined && attempts > 1 ? ` after ${attempts} attempts` : '';
}

export function errorFromResponse(init: {
  status: number;
  request: RequestDescription;
  body: ErrorBody | undefined;
  permission: string | undefined;
  attempts: number;
  usingAccessToken: boolean;
  isTokenRequest: boolean;
}): PlatformError {
  const { status, request, body, permission, attempts } = init;
  const what = describe(request);
  const tail = genesysSuffix(body);
  const common = { status, request, body, attempts, ...(permission === undefined ? {} : { permission }) };

  if (status === 401 || (init.isTokenRequest && status === 400)) {
    const which = init.usingAccessToken
      ? 'the access token is bad or expired'
      : 'the OAuth client id or secret is bad, or the client is not in this region';
    return new PlatformError(`Genesys Cloud rejected the credentials for ${what}: ${which}${tail}.`, {
      ...common,
      code: 'platform.unauthorized',
    });
  }
  if (status === 403) {
    const needs =
      permission === undefined
        ? 'lacks a permission needed'
        : `lacks the permission ${permission} (add it to the OAuth client's role), needed`;
    return new PlatformError(`The OAuth client ${needs} for ${what}${tail}.`, { ...common, code: 'platform.forbidden' });
  }
  if (status === 404) {
    return new PlatformError(`Genesys Cloud found nothing at ${what}${tail}.`, { ...common, code: 'platform.not-found' });
  }
  if (status === 409) {
    return new PlatformError(
      `Genesys Cloud reported a conflict for ${what}: the action was changed by someone else in the meantime${tail}.`,
      { ...common, code: 'platform.conflict' },
    );
  }
  if (status === 429) {
    return new PlatformError(`Genesys Cloud kept rate-limiting ${what}${retriesNote(attempts)}${tail}.`, {
      ...common,
      code: 'platform.rate-limited',
    });
  }
  if (status >= 500) {
    return new PlatformError(
      `Genesys Cloud failed with HTTP ${status} on ${what}${retriesNote(attempts)}${tail}.`,
      { ...common, code: 'platform.server-error' },
    );
  }
  if (status === 400) {
    return new PlatformError(`Genesys Cloud rejected ${what} as invalid${tail}.`, {
      ...common,
      code: 'platform.bad-request',
    });
  }
  return new PlatformError(`Genesys Cloud answered HTTP ${status} to ${what}${tail}.`, {
    ...common,
    code: 'platform.http-error',
  });
}

const UNREACHABLE_CODES = new Set(['ENOTFOUND', 'ECONNREFUSED', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function isUnreachableCode(code: string | undefined): boolean {
  return code !== undefined && UNREACHABLE_CODES.has(code);
}

export function networkError(request: RequestDescription, causeCode: string | undefined, attempts: number): PlatformError {
  if (isUnreachableCode(causeCode)) {
    return new PlatformError(
      `Cannot reach ${request.host} (${causeCode}) for ${describe(request)}; check the region and the network${retriesNote(attempts)}.`,
      { code: 'platform.unreachable', request, attempts, ...(causeCode === undefined ? {} : { causeCode }) },
    );
  }
  const why = causeCode === undefined ? '' : ` (${causeCode})`;
  return new PlatformError(
    `The connection to ${request.host} failed${why} during ${describe(request)}${retriesNote(attempts)}.`,
    { code: 'platform.connection-failed', request, attempts, ...(causeCode === undefined ? {} : { causeCode }) },
  );
}

export function timeoutError(request: RequestDescription, timeoutMs: number, attempts: number): PlatformError {
  return new PlatformError(
    `${request.host} did not answer ${describe(request)} within ${timeoutMs} ms${retriesNote(attempts)}; check the network, or raise requestTimeoutSeconds in the org profile.`,
    { code: 'platform.timeout', request, attempts },
  );
}

export function deadlineError(request: RequestDescription, deadlineMs: number, attempts: number): PlatformError {
  return new PlatformError(
    `Gave up on ${describe(request)} at ${request.host}: Genesys Cloud calls ran past the ${Math.round(deadlineMs / 1000)} s this command allows${retriesNote(attempts)}; check the network, or raise deadlineSeconds in the org profile.`,
    { code: 'platform.timeout', request, attempts },
  );
}

export function malformedResponseError(request: RequestDescription, status: number): PlatformError {
  return new PlatformError(
    `Genesys Cloud returned a malformed JSON response (HTTP ${status}) to ${describe(request)}.`,
    { code: 'platform.malformed-response', status, request },
  );
}
