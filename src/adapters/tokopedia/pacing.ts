// Client-side pacing: one token bucket per endpoint, learned from the X-Ratelimit-* headers, so a
// steady sync stays under the marketplace's limit instead of bouncing off 429s.
// Doc: shared/reference/tokopedia-seller-api.md §3 "Rate limiting" and "Bulk counting" (each bulk
// item counts as one request).

/** Refill a little slower than the server says, so our clock never runs ahead of its bucket. */
const SAFETY_FACTOR = 0.9;
/** Sleep granularity floor, so waiting loops do not spin. */
const MIN_WAIT_MS = 5;

export interface RateLimitHeaders {
  /** Requests per second. */
  rate?: number;
  burst?: number;
  remaining?: number;
  /** Seconds until one more request is allowed (negative when not limited). */
  resetAfter?: number;
  /** Seconds until the bucket is full again. */
  fullResetAfter?: number;
}

/** Parse `X-Ratelimit-*`; `Limit` may be a number or a string like `5 req/s (burst 5)`. */
export function parseRateLimitHeaders(headers: Record<string, string>): RateLimitHeaders | undefined {
  const limit = headers["x-ratelimit-limit"];
  const remaining = headers["x-ratelimit-remaining"];
  if (limit === undefined && remaining === undefined) return undefined;
  const out: RateLimitHeaders = {};
  if (limit !== undefined) {
    const match = /^\s*([\d.]+)\s*(?:req(?:uests?)?\s*\/\s*(s|sec|second|m|min|minute|h|hour))?(?:.*?burst\s*([\d.]+))?/i.exec(limit);
    if (match) {
      const count = Number(match[1]);
      const per = (match[2] ?? "s").toLowerCase();
      const seconds = per.startsWith("h") ? 3600 : per.startsWith("m") ? 60 : 1;
      if (count > 0) {
        out.rate = count / seconds;
        out.burst = match[3] !== undefined ? Number(match[3]) : Math.max(1, Math.floor(count / seconds));
      }
    }
  }
  const num = (key: string): number | undefined => {
    const raw = headers[key];
    if (raw === undefined) return undefined;
    const n = Number.parseFloat(raw);
    return Number.isFinite(n) ? n : undefined;
  };
  const rem = num("x-ratelimit-remaining");
  if (rem !== undefined) out.remaining = Math.floor(rem);
  const reset = num("x-ratelimit-reset-after");
  if (reset !== undefined) out.resetAfter = reset;
  const full = num("x-ratelimit-full-reset-after");
  if (full !== undefined) out.fullResetAfter = full;
  return out;
}

interface Bucket {
  /** "probe" until the first answer tells us the limit; "none" when the server sends no headers. */
  mode: "probe" | "paced" | "none";
  probing: boolean;
  rate: number;
  capacity: number;
  tokens: number;
  updatedAt: number;
  blockedUntil: number;
  /** Tokens granted to requests whose answer has not arrived yet. */
  inFlight: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class Pacer {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /**
   * Wait until `want` tokens (capped at the bucket size) are free for `endpoint`, take them and
   * return how many were taken (at least 1). Until the endpoint's limit is known, one request of
   * one item probes it.
   */
  async acquire(endpoint: string, want: number): Promise<number> {
    for (;;) {
      const bucket = this.bucket(endpoint);
      if (bucket.mode === "none") return want;
      if (bucket.mode === "probe") {
        if (!bucket.probing) {
          bucket.probing = true;
          bucket.inFlight += 1;
          return 1;
        }
        await sleep(MIN_WAIT_MS * 4);
        continue;
      }
      this.refill(bucket);
      const t = this.now();
      const target = Math.max(1, Math.min(want, Math.floor(bucket.capacity)));
      if (t >= bucket.blockedUntil && bucket.tokens >= target) {
        bucket.tokens -= target;
        bucket.inFlight += target;
        return target;
      }
      const waitForTokens = ((target - bucket.tokens) / (bucket.rate * SAFETY_FACTOR)) * 1000;
      await sleep(Math.max(MIN_WAIT_MS, bucket.blockedUntil - t, waitForTokens));
    }
  }

  /** How long `acquire(endpoint, want)` would wait right now, in ms (0 = it would grant at once). */
  delayMs(endpoint: string, want: number): number {
    const bucket = this.bucket(endpoint);
    if (bucket.mode === "none") return 0;
    if (bucket.mode === "probe") return bucket.probing ? Number.POSITIVE_INFINITY : 0;
    this.refill(bucket);
    const target = Math.max(1, Math.min(want, Math.floor(bucket.capacity)));
    const forTokens = bucket.tokens >= target ? 0 : ((target - bucket.tokens) / (bucket.rate * SAFETY_FACTOR)) * 1000;
    return Math.max(0, bucket.blockedUntil - this.now(), forTokens);
  }

  /** Give back tokens taken but not used (fewer items than granted, or nothing was sent). */
  refund(endpoint: string, count: number): void {
    const bucket = this.bucket(endpoint);
    if (bucket.mode === "probe") {
      bucket.probing = false;
      bucket.inFlight = Math.max(0, bucket.inFlight - count);
      return;
    }
    bucket.inFlight = Math.max(0, bucket.inFlight - count);
    if (bucket.mode === "paced") bucket.tokens = Math.min(bucket.capacity, bucket.tokens + count);
  }

  /** Learn from an answer's headers; `cost` is what its request took. */
  observe(endpoint: string, headers: Record<string, string>, cost: number): void {
    const bucket = this.bucket(endpoint);
    bucket.inFlight = Math.max(0, bucket.inFlight - cost);
    const rl = parseRateLimitHeaders(headers);
    if (!rl) {
      // An endpoint that never reports limits is not paced (429s still slow it down).
      if (bucket.mode === "probe") bucket.mode = "none";
      bucket.probing = false;
      return;
    }
    this.refill(bucket);
    if (bucket.mode !== "paced") {
      bucket.mode = "paced";
      bucket.probing = false;
      bucket.rate = rl.rate ?? 1;
      bucket.capacity = rl.burst ?? Math.max(1, Math.floor(bucket.rate));
      bucket.tokens = rl.remaining ?? 0;
    }
    if (rl.rate !== undefined) bucket.rate = rl.rate;
    if (rl.burst !== undefined) bucket.capacity = rl.burst;
    if (rl.remaining !== undefined) {
      // NOTE: the server counted this answer before requests still in flight reached it, so those
      // are subtracted again: never more optimistic than the server, sometimes a little less.
      bucket.tokens = Math.min(bucket.tokens, rl.remaining - bucket.inFlight);
    }
  }

  /** A 429 (or rows refused with ERR_TOO_MANY_REQUEST): empty the bucket and wait what the server says. */
  penalize(endpoint: string, headers: Record<string, string>, cost: number): void {
    const bucket = this.bucket(endpoint);
    bucket.inFlight = Math.max(0, bucket.inFlight - cost);
    const rl = parseRateLimitHeaders(headers) ?? {};
    if (rl.rate !== undefined) bucket.rate = rl.rate;
    if (rl.burst !== undefined) bucket.capacity = rl.burst;
    if (bucket.mode !== "paced") {
      bucket.mode = "paced";
      if (rl.rate === undefined) bucket.rate = 1;
      if (rl.burst === undefined) bucket.capacity = 1;
    }
    bucket.probing = false;
    this.refill(bucket);
    bucket.tokens = Math.min(bucket.tokens, 0);
    const waitSeconds =
      rl.resetAfter !== undefined && rl.resetAfter > 0
        ? rl.resetAfter
        : rl.fullResetAfter !== undefined && rl.fullResetAfter > 0
          ? rl.fullResetAfter
          : 1 / bucket.rate;
    bucket.blockedUntil = Math.max(bucket.blockedUntil, this.now() + waitSeconds * 1000);
  }

  private refill(bucket: Bucket): void {
    const t = this.now();
    if (bucket.mode === "paced") {
      const gained = ((t - bucket.updatedAt) / 1000) * bucket.rate * SAFETY_FACTOR;
      bucket.tokens = Math.min(bucket.capacity, bucket.tokens + gained);
    }
    bucket.updatedAt = t;
  }

  private bucket(endpoint: string): Bucket {
    let bucket = this.buckets.get(endpoint);
    if (!bucket) {
      bucket = {
        mode: "probe",
        probing: false,
        rate: 1,
        capacity: 1,
        tokens: 0,
        updatedAt: this.now(),
        blockedUntil: 0,
        inFlight: 0,
      };
      this.buckets.set(endpoint, bucket);
    }
    return bucket;
  }
}
