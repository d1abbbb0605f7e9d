// Token buckets per (fs_id, endpoint), reported in X-Ratelimit-* headers (reference §3).
// Buckets live in a BoundedMap and only `take` creates one: the server calls it after the request
// is authenticated and its fs_id is canonical, and `peek` never allocates (issue 13.8).
import { BoundedMap } from "./http/bounded-map.js";

/** More than (routes x the one bound fs_id) ever needs; a cap, not a working size. */
export const MAX_RATE_BUCKETS = 1024;

export interface RateLimitConfig {
  /** Tokens regained per second. */
  rate: number;
  /** Bucket size. */
  burst: number;
  /** @default MAX_RATE_BUCKETS */
  maxBuckets?: number;
}

interface Bucket {
  tokens: number;
  atMs: number;
}

export interface Take {
  /** Items the request may process (0 means answer 429). */
  granted: number;
  headers: Record<string, string>;
}

const seconds6 = (s: number): string => s.toFixed(6);

export interface RateLimiter {
  /** Consume up to `wanted` tokens (bulk requests: one per item); never more than are available. */
  take(key: string, wanted: number): Take;
  /** Headers for an answer that consumed nothing (403, injected faults); creates no bucket. */
  peek(key: string): Record<string, string>;
  /** Buckets held now (at most MAX_RATE_BUCKETS). */
  size(): number;
  reset(): void;
}

export function createRateLimiter(config: RateLimitConfig, clock: () => number): RateLimiter {
  const buckets = new BoundedMap<string, Bucket>(config.maxBuckets ?? MAX_RATE_BUCKETS);
  const limitHeader = `${config.rate} req/s (burst ${config.burst})`;

  const refilled = (bucket: Bucket, now: number): Bucket => {
    const elapsed = Math.max(0, now - bucket.atMs) / 1000;
    bucket.tokens = Math.min(config.burst, bucket.tokens + elapsed * config.rate);
    bucket.atMs = now;
    return bucket;
  };
  const refill = (key: string): Bucket => {
    const now = clock();
    const bucket = buckets.get(key);
    if (bucket) return refilled(bucket, now);
    const fresh = { tokens: config.burst, atMs: now };
    buckets.set(key, fresh);
    return fresh;
  };

  const headersOf = (bucket: Bucket): Record<string, string> => {
    const remaining = Math.floor(bucket.tokens);
    // NOTE: the doc shows "-0.000000" for "not limited": a request could be made right now.
    const resetAfter = remaining >= 1 ? "-0.000000" : seconds6((1 - bucket.tokens) / config.rate);
    return {
      "X-Ratelimit-Limit": limitHeader,
      "X-Ratelimit-Remaining": String(remaining),
      "X-Ratelimit-Reset-After": resetAfter,
      "X-Ratelimit-Full-Reset-After": seconds6((config.burst - bucket.tokens) / config.rate),
    };
  };

  return {
    take(key, wanted) {
      const bucket = refill(key);
      const granted = Math.max(0, Math.min(wanted, Math.floor(bucket.tokens)));
      bucket.tokens -= granted;
      return { granted, headers: headersOf(bucket) };
    },
    peek(key) {
      const bucket = buckets.peek(key);
      return headersOf(bucket ? refilled({ ...bucket }, clock()) : { tokens: config.burst, atMs: clock() });
    },
    size: () => buckets.size,
    reset() {
      buckets.clear();
    },
  };
}
