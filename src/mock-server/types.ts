// Public shapes of the mock marketplace: options in, handle out. index.ts re-exports them.
import type { Logger } from "pino";
import type { CategoryNode } from "./categories.js";
import type { DurableFs } from "./http/durable-file.js";

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
  /** Also inject faults on `POST /token`. @default false */
  includeToken?: boolean;
}

export interface MockServerOptions {
  host?: string;
  port?: number;
  /** Persist state here: every acknowledged write is saved (fsync'd) before it is answered; loaded at start if it exists. */
  stateFile?: string;
  /** JSON file of listings to preload (see seed.ts for the shape). Ignored when stateFile exists. */
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
  /** Request log (debug level). Never receives credentials. @default silent */
  log?: Logger;
  /** Replace the built-in category tree. */
  categories?: readonly CategoryNode[];
  /** Highest stock a product may have. @default 999999 */
  maxStock?: number;
  /** Shop showcase names (etalase) to create on a fresh shop. */
  etalase?: readonly string[];
  /** Shop display name. @default "Toko Desa Mock" */
  shopName?: string;
  /** Clock in epoch ms; tests inject one to expire tokens or freeze rate-limit refill. */
  clock?: () => number;
  /**
   * Keep the client id and secret in the state file so a restart keeps them (issue 12.17). Only for
   * the mock's own fake credentials (`desbumi mock-server --state`). @default false
   */
  persistCredentials?: boolean;
  /** File-system seam for the state file (tests inject ENOSPC). @default node:fs */
  stateFs?: DurableFs;
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
  /** Writes refused because the state file could not be saved. */
  persistFailures: number;
  /** Rate-limit buckets held (bounded; unauthenticated requests create none). */
  rateLimitBuckets: number;
}

/** A listing as the mock stores it (a copy; mutating it changes nothing). */
export interface MockListing {
  productId: number;
  shopId: number;
  name: string;
  description: string;
  sku: string;
  price: number;
  stock: number;
  /** 1 active, 3 inactive (warehouse), 0 deleted. */
  status: 0 | 1 | 3;
  /** 1 new, 2 used. */
  condition: 1 | 2;
  categoryId: number;
  weightGrams: number;
  minOrder: number;
  etalaseId: number | null;
  pictures: string[];
  wholesale: { minQty: number; price: number }[];
  dimension: { height: number; width: number; length: number } | null;
  /** Set when a stock update to 0 moved the product to the warehouse (restock re-activates it). */
  isEmptiedByStock: boolean;
  createdUnix: number;
  updatedUnix: number;
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
  /** Snapshot of the shop's listings, including deleted ones (status 0), ordered by productId. */
  listings(): MockListing[];
  /** Forget every listing, rate-limit buckets and stats (the token and the etalase stay). */
  reset(): void;
  /** Change fault injection at runtime (the PRNG restarts from the new seed). */
  setFaults(faults: MockFaults | undefined): void;
  /** Graceful: stops accepting, lets in-flight requests finish, flushes state. */
  close(): Promise<void>;
}
