import type { ErrorBody } from '../../src/platform/types.js';

export interface RouteResult {
  status: number;
  body?: unknown;
  /** Sent as text/plain instead of JSON. */
  text?: string;
}

let contextCounter = 0;

export function errorBody(status: number, code: string, message: string, extra: Partial<ErrorBody> = {}): ErrorBody {
  contextCounter += 1;
  return {
    message,
    code,
    status,
    messageParams: {},
    contextId: `ctx-${contextCounter.toString().padStart(6, '0')}`,
    details: [],
    errors: [],
    ...extra,
  };
}

/** Thrown by handlers; the server turns it into a Genesys-style ErrorBody response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Partial<ErrorBody> = {},
  ) {
    super(message);
  }

  toResult(): RouteResult {
    return { status: this.status, body: errorBody(this.status, this.code, this.message, this.extra) };
  }
}

export const notFound = (what: string): HttpError => new HttpError(404, 'not.found', `${what} not found`);
export const badRequest = (message: string, extra: Partial<ErrorBody> = {}): HttpError =>
  new HttpError(400, 'bad.request', message, extra);

export interface PageOptions {
  omitNextUri: boolean;
  /** Filters to repeat in `nextUri`. */
  carry: Record<string, string>;
}

export function page<T>(items: T[], query: URLSearchParams, basePath: string, options: PageOptions): RouteResult {
  const pageSize = Math.min(Math.max(Number(query.get('pageSize') ?? 25) || 25, 1), 500);
  const pageNumber = Math.max(Number(query.get('pageNumber') ?? 1) || 1, 1);
  const total = items.length;
  const pageCount = Math.ceil(total / pageSize);
  const uri = (n: number) => `${basePath}?${new URLSearchParams({ ...options.carry, pageSize: String(pageSize), pageNumber: String(n) })}`;
  const body: Record<string, unknown> = {
    entities: items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    pageSize,
    pageNumber,
    total,
    pageCount,
    firstUri: uri(1),
    selfUri: uri(pageNumber),
    lastUri: uri(Math.max(pageCount, 1)),
  };
  if (pageNumber > 1) body.previousUri = uri(pageNumber - 1);
  if (pageNumber < pageCount && !options.omitNextUri) body.nextUri = uri(pageNumber + 1);
  return { status: 200, body };
}
