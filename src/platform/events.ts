import type { RequestDescription } from './errors.js';

/** What the client reports while it works, for a CLI's verbose output. Never carries secrets. */
export type PlatformEvent =
  | {
      type: 'retry';
      reason: 'rate-limited' | 'server-error' | 'connection-failed' | 'timeout';
      status?: number;
      attempt: number;
      delayMs: number;
      request: RequestDescription;
    }
  | { type: 'token-refresh'; reason: 'expired' | 'rejected' | 'initial' }
  | { type: 'version-conflict'; request: RequestDescription; retryWithVersion: number };

export type PlatformEventListener = (event: PlatformEvent) => void;
