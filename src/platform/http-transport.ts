import { backoffDelay, parseRetryAfter } from './backoff.js';
import type { Clock, FetchLike } from './effects.js';
import { deadlineError, isUnreachableCode, networkError, timeoutError, type RequestDescription } from './errors.js';
import type { PlatformEventListener } from './events.js';
import type { Semaphore } from './semaphore.js';

export interface TransportRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  /**
   * Whether sending the request twice is harmless. Only such requests are repeated after an ambiguous failure
   * (500/502/504, dropped connection, timeout), where the server may already have acted on the first one.
   */
  readonly idempotent: boolean;
}

export interface TransportResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly attempts: number;
  readonly request: RequestDescription;
}

export interface Transport {
  /** Sends with retries; resolves with the final HTTP response (any status), rejects only when no response came. */
  send(request: TransportRequest): Promise<TransportResponse>;
}

export interface TransportOptions {
  readonly fetch: FetchLike;
  readonly clock: Clock;
  readonly random: () => number;
  readonly semaphore: Semaphore;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  /**
   * Time allowed for everything sent through this transport, from its creation: no attempt or pause runs past it,
   * so a silent or stalling server fails the command within a known time.
   */
  readonly deadlineMs?: number | undefined;
  readonly onEvent?: PlatformEventListener | undefined;
}

/** A server that left one attempt unanswered is retried once; one that stays silent is reported, not waited for. */
const MAX_TIMEOUT_RETRIES = 1;

/** A server asking for a longer pause than this is reported rather than waited for. */
const MAX_RETRY_AFTER_MS = 120_000;

type AttemptOutcome =
  | { kind: 'response'; status: number; headers: Headers; text: string }
  | { kind: 'network'; code: string | undefined }
  | { kind: 'timeout' };

export function describeRequest(method: string, url: string): RequestDescription {
  const parsed = new URL(url);
  return { method: method.toUpperCase(), host: parsed.host, path: parsed.pathname };
}

/**
 * Finds the system error code (ECONNRESET, ENOTFOUND, UND_ERR_SOCKET…) that fetch buries in `cause`; failing that,
 * the innermost message (e.g. "bad port"). Neither carries request headers.
 */
function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  let innermostMessage: string | undefined;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, errors, cause, message } = current as { code?: unknown; errors?: unknown; cause?: unknown; message?: unknown };
    if (typeof code === 'string') return code;
    if (typeof message === 'string' && message !== '') innermostMessage = message;
    if (Array.isArray(errors) && errors.length > 0) current = errors[0];
    else current = cause;
  }
  return innermostMessage?.slice(0, 80);
}

export function createHttpTransport(options: TransportOptions): Transport {
  const { fetch, clock, random, semaphore, timeoutMs, maxRetries, onEvent } = options;
  const deadline = options.deadlineMs === undefined ? Infinity : clock.now() + options.deadlineMs;
  const remaining = () => deadline - clock.now();

  const attempt = (request: TransportRequest, description: RequestDescription, attempts: number): Promise<AttemptOutcome> =>
    semaphore.run(async () => {
      if (remaining() <= 0) throw deadlineError(description, options.deadlineMs ?? 0, attempts - 1);
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, Math.min(timeoutMs, remaining()));
      try {
        const init: RequestInit = { method: request.method, headers: request.headers, signal: controller.signal };
        if (request.body !== undefined) init.body = request.body;
        const response = await fetch(request.url, init);
        const text = await response.text();
        return { kind: 'response', status: response.status, headers: response.headers, text } as const;
      } catch (error) {
        if (timedOut) return { kind: 'timeout' } as const;
        return { kind: 'network', code: networkErrorCode(error) } as const;
      } finally {
        clearTimeout(timer);
      }
    });

  return {
    async send(request) {
      const description = describeRequest(request.method, request.url);
      let timeouts = 0;
      const pause = async (delayMs: number, attempts: number) => {
        if (delayMs >= remaining()) throw deadlineError(description, options.deadlineMs ?? 0, attempts);
        await clock.sleep(delayMs);
      };
      for (let retry = 0; ; retry += 1) {
        const attempts = retry + 1;
        const outcome = await attempt(request, description, attempts);
        if (outcome.kind === 'timeout' && remaining() <= 0) throw deadlineError(description, options.deadlineMs ?? 0, attempts);
        const canRetry = retry < maxRetries;

        if (outcome.kind === 'response') {
          const { status } = outcome;
          const rateLimited = status === 429;
          const retryable =
            rateLimited || status === 503 || (request.idempotent && (status === 500 || status === 502 || status === 504));
          if (!retryable || !canRetry) return { ...outcome, attempts, request: description };
          const delayMs = rateLimited
            ? (parseRetryAfter(outcome.headers.get('retry-after'), clock.now()) ?? backoffDelay(retry, random))
            : backoffDelay(retry, random);
          if (delayMs > MAX_RETRY_AFTER_MS) return { ...outcome, attempts, request: description };
          onEvent?.({
            type: 'retry',
            reason: rateLimited ? 'rate-limited' : 'server-error',
            status,
            attempt: attempts,
            delayMs,
            request: description,
          });
          await pause(delayMs, attempts);
          continue;
        }

        const unreachable = outcome.kind === 'network' && isUnreachableCode(outcome.code);
        if (outcome.kind === 'timeout') timeouts += 1;
        if (unreachable || !request.idempotent || !canRetry || timeouts > MAX_TIMEOUT_RETRIES) {
          throw outcome.kind === 'timeout'
            ? timeoutError(description, timeoutMs, attempts)
            : networkError(description, outcome.code, attempts);
        }
        const delayMs = backoffDelay(retry, random);
        onEvent?.({
          type: 'retry',
          reason: outcome.kind === 'timeout' ? 'timeout' : 'connection-failed',
          attempt: attempts,
          delayMs,
          request: description,
        });
        await pause(delayMs, attempts);
      }
    },
  };
}
