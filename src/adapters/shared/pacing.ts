// Client-side pacing for marketplaces that publish a fixed limit (TikTok Shop: 50 requests/s per
// endpoint; Shopee: per partner and shop) but send no rate headers: requests to one endpoint are
// spaced evenly (a GCRA schedule, with a small burst allowance), a 429/503 pauses that endpoint,
// and retries wait a randomized exponential backoff.

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });

export interface PacerOptions {
  /** Requests per second per endpoint. */
  ratePerSecond: number;
  /** Requests that may go at once after a quiet spell. @default 1 */
  burst?: number;
  /**
   * Fraction of the published rate actually used, so our clock never runs ahead of the server's
   * bucket. @default 0.95
   */
  safety?: number;
  now?: () => number;
}

/** One schedule per endpoint key (e.g. "POST /product/202309/products"). */
export class Pacer {
  private readonly next = new Map<string, number>();
  private readonly intervalMs: number;
  private readonly burstMs: number;
  private readonly now: () => number;

  constructor(options: PacerOptions) {
    const rate = options.ratePerSecond * (options.safety ?? 0.95);
    this.intervalMs = 1000 / rate;
    this.burstMs = this.intervalMs * Math.max(0, (options.burst ?? 1) - 1);
    this.now = options.now ?? (() => performance.now());
  }

  /** Wait for `endpoint`'s next slot and take it. Returns at once when `signal` aborts. */
  async acquire(endpoint: string, signal?: AbortSignal): Promise<void> {
    const t = this.now();
    const due = Math.max(this.next.get(endpoint) ?? 0, t - this.burstMs);
    this.next.set(endpoint, due + this.intervalMs);
    await sleep(due - t, signal);
  }

  /** The server said "too many" (429) or "overloaded" (503): no request to `endpoint` for `ms`. */
  pause(endpoint: string, ms: number): void {
    const until = this.now() + ms;
    this.next.set(endpoint, Math.max(this.next.get(endpoint) ?? 0, until));
  }
}

export interface BackoffOptions {
  /** Ceiling of the first wait, ms. @default 250 */
  baseMs?: number;
  /** Largest wait, ms. @default 10_000 */
  capMs?: number;
}

/** "Full jitter" exponential backoff: a random wait in [0, min(cap, base * 2^attempt)). attempt starts at 0. */
export function backoffMs(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const ceiling = Math.min(options.capMs ?? 10_000, (options.baseMs ?? 250) * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** A `Retry-After` header (seconds or an HTTP date) in ms, or undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 60_000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.min(Math.max(0, date - nowMs), 60_000);
}

export { sleep as pacedSleep };
