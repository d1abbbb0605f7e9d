// Token buckets per (fs_id, endpoint), reported in X-Ratelimit-* headers (reference §3).

export interface RateLimitConfig {
  /** Tokens regained per second. */
  rate: number;
  /** Bucket size. */
  burst: number;
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
  /** Headers for an answer that consumed nothing (401, 403, injected faults). */
  peek(key: string): Record<string, string>;
  reset(): void;
}

export function createRateLimiter(config: RateLimitConfig, clock: () => number): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const limitHeader = `${config.rate} req/s (burst ${config.burst})`;

  const refill = (key: string): Bucket => {
    const now = clock();
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { tokens: config.burst, atMs: now };
      buckets.set(key, bucket);
      return bucket;
    }
    const elapsed = Math.max(0, now - bucket.atMs) / 1000;
    bucket.tokens = Math.min(config.burst, bucket.tokens + elapsed * config.rate);
    bucket.atMs = now;
    return bucket;
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
      return headersOf(refill(key));
    },
    reset() {
      buckets.clear();
    },
  };
}
