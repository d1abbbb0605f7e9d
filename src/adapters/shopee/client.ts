// The Shopee HTTP client: signed Shop API calls, the envelope read whatever the HTTP status (the
// status codes are undocumented), paced requests, backoff on error_server / error_system_busy /
// error_rate_limit and network errors, one token refresh on a refused token, and a stop for the
// day on error_limit. Never logs the query (it carries the token and sign).
import type { Logger } from "pino";
import { backoffMs, Pacer, pacedSleep } from "../shared/pacing.js";
import { unixSeconds } from "../shared/sign.js";
import type { AdapterStats } from "../types.js";
import { DailyLimitError, errorName, OutcomeUnknownError, partnerRefusedError, RETRYABLE, ShopeeApiError, TOKEN_ERRORS, unreachableError } from "./errors.js";
import type { ShopeeSession } from "./session.js";
import { publicQuery, shopQuery, type Partner } from "./sign.js";

export type Query = [string, string][];

export interface ClientOptions {
  baseUrl: string;
  partner: Partner;
  shopId: number;
  session: ShopeeSession;
  pace: number;
  requestTimeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  log: Logger;
  fetch: typeof fetch;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Writes that are not safe to repeat blindly: a lost answer is OutcomeUnknownError, not a retry. */
  isUnsafeWrite?: boolean;
}

/** Throttling retries do not use up maxRetries, but are not endless either. */
const RATE_LIMIT_RETRIES = 30;
const RATE_LIMIT_PAUSE_MS = 1000;

interface Envelope {
  error?: string;
  message?: string;
  warning?: string;
  response?: Record<string, unknown>;
}

type Body = { kind: "json"; value: unknown } | { kind: "form"; value: FormData } | undefined;

const UPLOAD_PATH = "/api/v2/media_space/upload_image";


/** error_auth also means "wrong shop" or "no permission": a refresh helps neither (reference A2). */
const isNotAboutToken = (message: string): boolean => /shop ?id|permission/i.test(message);

export class ShopeeClient {
  private readonly pacer: Pacer;
  private readonly counters: AdapterStats = { requests: 0, writeRequests: 0, retries: 0, rateLimited: 0 };
  /** Requests per path (without /api/v2/), for benchmarks and tests. */
  readonly byPath = new Map<string, number>();
  private isDailyLimitHit = false;
  /**
   * NOTE (open question "upload_image's sign type"): the doc page labels upload_image Public, the
   * SDKs sign it as a Shop call. We sign it as a Shop call first and, on error_sign, switch to the
   * Public base string (partner_id + path + timestamp) for the rest of the run.
   */
  private uploadSigning: "shop" | "public" = "shop";

  constructor(readonly options: ClientOptions) {
    this.pacer = new Pacer({ ratePerSecond: options.pace, burst: 1, safety: 0.97 });
  }

  stats(): AdapterStats {
    return { ...this.counters };
  }

  get(path: string, query: Query, opts: CallOptions = {}): Promise<Envelope> {
    return this.call("GET", path, query, undefined, opts);
  }

  post(path: string, body: unknown, opts: CallOptions = {}): Promise<Envelope> {
    return this.call("POST", path, [], { kind: "json", value: body }, opts);
  }

  upload(form: FormData, opts: CallOptions = {}): Promise<Envelope> {
    return this.call("POST", UPLOAD_PATH, [], { kind: "form", value: form }, opts);
  }

  private async call(method: "GET" | "POST", path: string, query: Query, body: Body, opts: CallOptions): Promise<Envelope> {
    let attempt = 0;
    let throttled = 0;
    let refreshed = false;
    let isSignSwitched = false;
    for (;;) {
      if (this.isDailyLimitHit) throw new DailyLimitError();
      if (opts.signal?.aborted) throw opts.signal.reason ?? new Error("aborted");
      await this.pacer.acquire("shop", opts.signal);
      const token = await this.options.session.accessToken();
      let status = 0;
      let envelope: Envelope;
      try {
        ({ status, envelope } = await this.send(method, path, query, body, token));
      } catch (error) {
        if (opts.isUnsafeWrite) throw new OutcomeUnknownError(`${path}: ${(error as Error).message}`);
        if (attempt >= this.options.maxRetries) throw unreachableError(this.options.baseUrl, error);
        await this.wait(attempt++, opts.signal);
        continue;
      }
      const code = errorName(envelope.error);
      if (code === "") return envelope;
      if (code === "error_sign" && path === UPLOAD_PATH && !isSignSwitched) {
        isSignSwitched = true;
        this.uploadSigning = this.uploadSigning === "shop" ? "public" : "shop";
        continue;
      }
      if (code === "error_limit") {
        this.isDailyLimitHit = true;
        throw new DailyLimitError();
      }
      if (code === "error_rate_limit") {
        this.counters.rateLimited += 1;
        this.pacer.pause("shop", RATE_LIMIT_PAUSE_MS);
        if (throttled++ >= RATE_LIMIT_RETRIES) throw new ShopeeApiError(code, envelope.message ?? "", status);
        this.counters.retries += 1;
        continue;
      }
      if (TOKEN_ERRORS.has(code) && !refreshed && !isNotAboutToken(envelope.message ?? "")) {
        refreshed = true;
        await this.options.session.tokenRefused(token);
        continue;
      }
      if (code === "error_sign" || code === "invalid_partner_id" || code === "error_partner_key_expired") throw partnerRefusedError(code);
      if (RETRYABLE.has(code) && attempt < this.options.maxRetries) {
        await this.wait(attempt++, opts.signal);
        continue;
      }
      throw new ShopeeApiError(code, envelope.message ?? "", status);
    }
  }

  private async send(method: string, path: string, query: Query, body: Body, token: string): Promise<{ status: number; envelope: Envelope }> {
    const isPublic = path === UPLOAD_PATH && this.uploadSigning === "public";
    const q = isPublic ? publicQuery(this.options.partner, path, unixSeconds()) : shopQuery(this.options.partner, path, unixSeconds(), token, this.options.shopId);
    for (const [k, v] of query) q.append(k, v);
    const key = path.replace(/^\/api\/v2\//, "");
    this.byPath.set(key, (this.byPath.get(key) ?? 0) + 1);
    this.counters.requests += 1;
    if (method === "POST") this.counters.writeRequests += 1;
    const init: RequestInit = { method, signal: AbortSignal.timeout(this.options.requestTimeoutMs) };
    if (body?.kind === "json") {
      init.headers = { "Content-Type": "application/json" };
      init.body = JSON.stringify(body.value);
    } else if (body?.kind === "form") {
      init.body = body.value;
    }
    const res = await this.options.fetch(`${this.options.baseUrl.replace(/\/+$/, "")}${path}?${q}`, init);
    const text = await res.text();
    let envelope: Envelope;
    try {
      envelope = JSON.parse(text) as Envelope;
      if (typeof envelope !== "object" || envelope === null || Array.isArray(envelope)) throw new TypeError("not an object");
    } catch {
      // A proxy's HTML error page and the like: transient unless it keeps happening; a bare 429 is throttling.
      envelope = { error: res.status === 429 ? "error_rate_limit" : res.status >= 500 ? "error_server" : "error_protocol", message: `HTTP ${res.status}, not JSON` };
    }
    this.options.log.debug({ method, path, status: res.status, error: envelope.error ?? "" }, "shopee request");
    return { status: res.status, envelope };
  }

  private async wait(attempt: number, signal?: AbortSignal): Promise<void> {
    this.counters.retries += 1;
    await pacedSleep(backoffMs(attempt, { baseMs: this.options.retryBaseMs, capMs: 8_000 }), signal);
  }
}
