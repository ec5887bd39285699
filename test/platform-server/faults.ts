interface FaultScope {
  /** Exact request path (no query) or a pattern; all paths when absent. */
  path?: string | RegExp;
  method?: string;
}

export type Fault = FaultScope &
  (
    | { kind: 'rate-limit'; times?: number; retryAfterSeconds?: number }
    | { kind: 'server-error'; status?: 500 | 502 | 503 | 504; times?: number }
    | { kind: 'slow'; delayMs: number; times?: number }
    | { kind: 'drop-connection'; times?: number }
    /** The request is carried out, then the connection drops before the answer: the client cannot know it worked. */
    | { kind: 'lose-response'; times?: number }
    | { kind: 'malformed-json'; times?: number }
    /** A misconfigured proxy: an error whose message quotes the request line and headers, Authorization included. */
    | { kind: 'echo-request'; status?: number; times?: number }
    /** Applied at once: every token issued so far stops working. */
    | { kind: 'expire-token' }
  );

export type RequestFault = Exclude<Fault, { kind: 'expire-token' }>;

interface ActiveFault {
  fault: RequestFault;
  remaining: number;
}

export class FaultList {
  #active: ActiveFault[] = [];

  add(fault: RequestFault): void {
    this.#active.push({ fault, remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.#active = [];
  }

  /** The first live fault for this request, used up by one. */
  take(method: string, path: string): RequestFault | undefined {
    const match = this.#active.find(({ fault, remaining }) => {
      if (remaining <= 0) return false;
      if (fault.method !== undefined && fault.method.toUpperCase() !== method) return false;
      if (fault.path === undefined) return true;
      return typeof fault.path === 'string' ? fault.path === path : fault.path.test(path);
    });
    if (match === undefined) return undefined;
    match.remaining -= 1;
    return match.fault;
  }
}
