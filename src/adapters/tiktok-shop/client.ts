// The signed HTTP client: every request gets app_key, a fresh timestamp and its signature (re-signed
// on each retry), the access token header, the shop cipher where the endpoint requires it; paced
// per endpoint; retried with jittered backoff on 429/503/5xx/network errors; 105002 refreshes the
// token once. Business errors come back as values (the envelope); only "cannot continue" throws.
import type { Logger } from "pino";
import { AdapterError } from "../../errors.js";
import { backoffMs, pacedSleep, retryAfterMs, type Pacer } from "../shared/pacing.js";
import { unixSeconds } from "../shared/sign.js";
import { ADAPTER, CODE, isAuthorizationLost, reconnectError } from "./errors.js";
import { signRequest } from "./sign.js";

export interface Envelope<T = Record<string, unknown>> {
  code: number;
  message: string;
  request_id?: string;
  data?: T;
  /** HTTP status of the answer. */
  status: number;
}

export interface CallOptions {
  query?: Record<string, string>;
  /** JSON body (sent and signed as these exact bytes). */
  json?: unknown;
  /** Multipart body (not signed). */
  form?: FormData;
  /** Send the shop cipher (shop-scoped endpoints); never for authorization/shops, uploads, POST brands. */
  cipher?: boolean;
  signal?: AbortSignal;
}

/** Where the client gets its access token (the run's Session, or a fixed token during connect). */
export interface TokenSource {
  accessToken(): Promise<string>;
  /** The marketplace said `used` expired: a new one, or throw. */
  expired(used: string): Promise<string>;
}

export interface ClientOptions {
  baseUrl: string;
  appKey: string;
  appSecret: string;
  session: TokenSource;
  group: string;
  pacer: Pacer;
  log: Logger;
  fetch?: typeof fetch;
  maxRetries: number;
  retryBaseMs: number;
  timeoutMs: number;
  /** Current shop cipher (set after the shop is known). */
  cipher?: () => string | undefined;
}

export interface ClientStats {
  requests: number;
  writeRequests: number;
  retries: number;
  rateLimited: number;
  byEndpoint: Record<string, number>;
}

/** A request whose outcome is unknown after all retries (network, 5xx): the caller decides. */
export class TransportError extends Error {
  override readonly name = "TransportError";
  constructor(
    message: string,
    readonly retryable = true,
  ) {
    super(message);
  }
}

/** An endpoint key for pacing and stats: method + path with ids replaced. */
export const endpointKey = (method: string, path: string): string => `${method} ${path.replace(/\/\d{6,}(?=\/|$)/g, "/{id}")}`;

export class TikTokClient {
  readonly stats: ClientStats = { requests: 0, writeRequests: 0, retries: 0, rateLimited: 0, byEndpoint: {} };

  constructor(private readonly o: ClientOptions) {}

  async call<T = Record<string, unknown>>(method: "GET" | "POST" | "PUT" | "DELETE", path: string, opts: CallOptions = {}): Promise<Envelope<T>> {
    const key = endpointKey(method, path);
    const body = opts.json !== undefined ? JSON.stringify(opts.json) : undefined;
    let attempt = 0;
    let refreshed = false;
    for (;;) {
      if (opts.signal?.aborted) throw new TransportError("aborted", true);
      await this.o.pacer.acquire(key, opts.signal);
      const token = await this.o.session.accessToken();
      const query: Record<string, string> = { app_key: this.o.appKey, timestamp: String(unixSeconds()), ...(opts.query ?? {}) };
      if (opts.cipher) {
        const cipher = this.o.cipher?.();
        if (cipher) query.shop_cipher = cipher;
      }
      for (const [k, v] of Object.entries(query)) if (v === "") delete query[k];
      const contentType = opts.form ? "multipart/form-data" : "application/json";
      query.sign = signRequest(this.o.appSecret, { path, query, ...(body !== undefined ? { body } : {}), contentType });
      const url = new URL(path, this.o.baseUrl);
      for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
      this.stats.requests += 1;
      this.stats.byEndpoint[key] = (this.stats.byEndpoint[key] ?? 0) + 1;
      if (method !== "GET" && !path.endsWith("/search")) this.stats.writeRequests += 1;
      let envelope: Envelope<T> | undefined;
      let failure: string | undefined;
      let wait: number | undefined;
      try {
        const timeout = AbortSignal.timeout(this.o.timeoutMs);
        const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
        // NOTE: for multipart, fetch sets content-type with the boundary itself.
        const headers: Record<string, string> = { "x-tts-access-token": token };
        if (!opts.form) headers["content-type"] = "application/json";
        const response = await (this.o.fetch ?? fetch)(url, { method, headers, ...(opts.form ? { body: opts.form } : body !== undefined ? { body } : {}), signal });
        const text = await response.text();
        let parsed: Partial<Envelope<T>> | undefined;
        try {
          parsed = JSON.parse(text) as Partial<Envelope<T>>;
        } catch {
          parsed = undefined;
        }
        if (response.status === 429 || parsed?.code === CODE.rateLimited) {
          this.stats.rateLimited += 1;
          // NOTE (open question §11, rate headers): none are documented (§7); a Retry-After is
          // honoured when a server sends one, else the endpoint pauses for a jittered backoff.
          wait = retryAfterMs(response.headers.get("retry-after")) ?? Math.max(200, backoffMs(attempt, { baseMs: this.o.retryBaseMs }));
          this.o.pacer.pause(key, wait);
          failure = "rate limited (429)";
        } else if (response.status >= 500 || !parsed || typeof parsed.code !== "number" || parsed.code === CODE.internal || parsed.code === CODE.timeout) {
          // NOTE (open question §11, HTTP status of errors): the body's code decides, whatever the
          // HTTP status; 36009003 "internal error, retry" and 36009007 "request timeout" (§3) are
          // retried like a 5xx even when they come with HTTP 200.
          if (response.status === 503) this.o.pacer.pause(key, backoffMs(attempt, { baseMs: this.o.retryBaseMs }));
          failure = `HTTP ${response.status}${parsed?.code !== undefined ? ` (${parsed.code})` : ""}`;
        } else {
          envelope = { code: parsed.code, message: parsed.message ?? "", status: response.status, ...(parsed.request_id ? { request_id: parsed.request_id } : {}), ...(parsed.data !== undefined ? { data: parsed.data } : {}) };
        }
      } catch (error) {
        if (opts.signal?.aborted) throw new TransportError("aborted", true);
        failure = (error as Error).name === "TimeoutError" ? "timeout" : "connection failed";
      }
      if (envelope) {
        if (envelope.code === CODE.accessExpired && !refreshed) {
          refreshed = true;
          await this.o.session.expired(token);
          continue;
        }
        // 101000 (§3): the token is not the seller's, or not tied to the shop of this cipher: the
        // stored authorization does not fit the shop any more, so connecting again is the fix.
        if (isAuthorizationLost(envelope.code, envelope.message) || envelope.code === CODE.accessExpired || envelope.code === CODE.wrongShop) throw reconnectError(this.o.group, envelope.code);
        if (envelope.code === CODE.noScope) {
          throw new AdapterError({
            adapter: ADAPTER,
            kind: "auth",
            code: String(envelope.code),
            message: {
              en: `the app may not use ${key} (105005, missing scope): add the permission to the app in Partner Center, then run \`desbumi connect tiktok-shop\` again`,
              id: `aplikasi tidak boleh memakai ${key} (105005, izin/scope kurang): tambahkan izinnya ke aplikasi di Partner Center, lalu jalankan lagi \`desbumi connect tiktok-shop\``,
            },
          });
        }
        if (envelope.code === CODE.badSign) {
          throw new AdapterError({ adapter: ADAPTER, kind: "auth", code: String(envelope.code), message: { en: "the marketplace refused the request signature: check the app secret (TIKTOK_SHOP_APP_SECRET)", id: "marketplace menolak tanda tangan permintaan: periksa app secret (TIKTOK_SHOP_APP_SECRET)" } });
        }
        if (envelope.code === CODE.gateway && /app_key/i.test(envelope.message)) {
          throw new AdapterError({ adapter: ADAPTER, kind: "auth", code: String(envelope.code), message: { en: "the marketplace does not know this app key (TIKTOK_SHOP_APP_KEY)", id: "marketplace tidak mengenal app key ini (TIKTOK_SHOP_APP_KEY)" } });
        }
        return envelope;
      }
      if (attempt >= this.o.maxRetries) throw new TransportError(`${key}: ${failure ?? "failed"} after ${attempt + 1} attempts`);
      this.stats.retries += 1;
      this.o.log.debug({ endpoint: key, attempt, failure }, "tiktok-shop: retrying");
      await pacedSleep(wait ?? backoffMs(attempt, { baseMs: this.o.retryBaseMs }), opts.signal);
      attempt += 1;
    }
  }
}
