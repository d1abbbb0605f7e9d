// PLACEHOLDER (owner: mock-server helper). Signature is the contract.
export interface MockFaults {
  /** Probability (0..1) of an injected HTTP 500 envelope. */
  error500?: number;
  /** Probability of an injected HTTP 429 (with rate-limit headers). */
  error429?: number;
  /** Probability the connection is reset before any response (nothing committed). */
  reset?: number;
  /** Probability a write is committed and then the connection is dropped (client can't know). */
  commitThenDrop?: number;
  /** Added latency per request, in ms. */
  latencyMs?: number;
  /** PRNG seed so a run can be repeated. */
  seed?: number;
}

export interface MockServerOptions {
  host?: string;
  port?: number;
  /** Persist state here (atomic temp+rename); loaded at start if it exists. */
  stateFile?: string;
  /** JSON file of listings to preload. */
  seedFile?: string;
  /** Requests per second per endpoint (token bucket). Default 5. */
  rateLimit?: number;
  /** Bucket size. Default 5. */
  burst?: number;
  faults?: MockFaults;
  fsId?: number;
  shopId?: number;
  clientId?: string;
  clientSecret?: string;
  /** Token lifetime in seconds. Default 1209600 (2 weeks). */
  tokenTtlSeconds?: number;
}

export interface MockServerStats {
  requests: number;
  /** Requests answered 429. */
  rateLimited: number;
  /** Write requests (create/edit/price/stock/active/inactive/delete). */
  writes: number;
  /** Requests per route key, e.g. "GET /inventory/v1/fs/:fs_id/product/info". */
  byRoute: Record<string, number>;
  faultsInjected: number;
}

export interface MockServer {
  /** Base URL, e.g. http://127.0.0.1:54321 (no trailing slash). */
  url: string;
  /** `${url}/token` */
  tokenUrl: string;
  fsId: number;
  shopId: number;
  credentials: { clientId: string; clientSecret: string };
  stats(): MockServerStats;
  /** Graceful: stops accepting, lets in-flight requests finish, flushes state. */
  close(): Promise<void>;
}

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  void options;
  throw new Error("startMockServer not built yet");
}
