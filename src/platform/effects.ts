/** The side effects the client depends on, injected so retries, rate limits and failures test deterministically. */

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
