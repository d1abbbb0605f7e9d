// One seller-API call, done right: bearer token (refreshed once on 401), pacing by rate-limit
// headers, p-limit concurrency, bounded retries with full-jitter backoff, envelope parsing.
// Throws AdapterError when the run cannot continue; the write path handles the rest.
import pLimit, { type LimitFunction } from "p-limit";
import type { Logger } from "pino";
import type { AdapterStats } from "../types.js";
import { AdapterError } from "../../errors.js";
import { TokenSource } from "./auth.js";
import { Pacer } from "./pacing.js";
import { buildUrl, Transport, type RawResponse } from "./transport.js";
import {
  NOT_FOUND_CODES,
  authRefusedError,
  classifyNetworkError,
  OutcomeUnknownError,
  protocolError,
  RetriesExhaustedError,
  serverFailingError,
  shopForbiddenError,
  unreachableError,
} from "./errors.js";

const BACKOFF_CAP_MS = 10_000;
/** 429s are waited out, not counted as failures, but a server that never lets up stops the request. */
const MAX_RATE_LIMITED_RETRIES = 30;

export interface ClientOptions {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  concurrency: number;
  requestTimeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  log: Logger;
}

export interface ApiCall {
  method: "GET" | "POST" | "PATCH";
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Pacing key: one bucket per endpoint. */
  endpoint: string;
  /** Rate-limit tokens this request uses (bulk items count one each). Default 1. */
  cost?: number;
  /** Tokens already taken from the pacer for the first attempt. */
  prepaid?: boolean;
  write: boolean;
  /** False for creates: a send with an unknown result throws OutcomeUnknownError instead of resending. */
  idempotent: boolean;
  /** Aborts the request itself (reads). */
  signal?: AbortSignal;
  /** When aborted, no retry is started. */
  stop?: AbortSignal;
}

export interface EnvelopeHeader {
  messages: string;
  reason: string;
  errorCode: string | undefined;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  header: EnvelopeHeader;
  data: unknown;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class TokopediaClient {
  readonly pacer = new Pacer();
  readonly tokens: TokenSource;
  private readonly transport: Transport;
  private readonly limit: LimitFunction;
  private readonly counters: AdapterStats = { requests: 0, writeRequests: 0, retries: 0, rateLimited: 0 };
  /** Set on the first run-stopping failure: every later call fails fast (circuit breaker). */
  private fatal: AdapterError | undefined;
  /** Closed while a request retries with a token refreshed after a 401. */
  private authGate: Promise<void> | undefined;
  private openAuthGate: (() => void) | undefined;

  constructor(private readonly opts: ClientOptions) {
    this.transport = new Transport({ connections: opts.concurrency, requestTimeoutMs: opts.requestTimeoutMs });
    this.limit = pLimit(opts.concurrency);
    this.tokens = new TokenSource({
      tokenUrl: opts.tokenUrl,
      clientId: opts.clientId,
      clientSecret: opts.clientSecret,
      log: opts.log,
      send: (req) => this.sendToken(req.url, req.headers),
    });
  }

  stats(): AdapterStats {
    return { ...this.counters };
  }

  /** Rows refused for rate inside a 200 answer count as rate-limited too. */
  countRateLimited(n: number): void {
    this.counters.rateLimited += n;
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  async call(req: ApiCall): Promise<ApiResponse> {
    const holder = { holdsGate: false };
    try {
      return await this.attempt(req, holder);
    } finally {
      if (holder.holdsGate) this.releaseAuthGate();
    }
  }

  private async attempt(req: ApiCall, holder: { holdsGate: boolean }): Promise<ApiResponse> {
    const url = buildUrl(this.opts.baseUrl, req.path, req.query);
    const cost = req.cost ?? 1;
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    let prepaid = req.prepaid === true;
    let refreshed = false;
    let failures = 0;
    let rateLimited = 0;
    for (let attempt = 0; ; attempt++) {
      if (this.fatal) {
        if (prepaid) this.pacer.refund(req.endpoint, cost);
        throw this.fatal;
      }
      if (!prepaid) await this.pacer.acquire(req.endpoint, cost);
      prepaid = false;
      // While one request tries a refreshed token, the others wait for its verdict (no 401 storm).
      while (this.authGate && !holder.holdsGate) await this.authGate;
      if (this.fatal) {
        this.pacer.refund(req.endpoint, cost);
        throw this.fatal;
      }
      let token: string;
      try {
        token = await this.tokens.get();
      } catch (error) {
        this.pacer.refund(req.endpoint, cost);
        throw this.trip(error);
      }
      let res: RawResponse;
      try {
        this.counters.requests++;
        if (req.write) this.counters.writeRequests++;
        res = await this.limit(() =>
          this.transport.send({
            method: req.method,
            url,
            headers: {
              authorization: `Bearer ${token}`,
              accept: "application/json",
              ...(body !== undefined ? { "content-type": "application/json" } : {}),
            },
            ...(body !== undefined ? { body } : {}),
            ...(req.signal ? { signal: req.signal } : {}),
          }),
        );
      } catch (error) {
        this.pacer.refund(req.endpoint, cost);
        const network = classifyNetworkError(error);
        if (!network) throw error;
        this.opts.log.debug({ method: req.method, path: url.pathname, code: network.code }, "tokopedia: network error");
        if (network.kind === "maybe-sent" && !req.idempotent) throw new OutcomeUnknownError(network.code);
        if (++failures > this.opts.maxRetries || req.stop?.aborted) {
          if (network.kind === "not-sent") throw this.trip(unreachableError(url, network.code));
          throw new RetriesExhaustedError(network.code, `network error ${network.code} after ${failures} tries`);
        }
        await this.backoff(failures);
        continue;
      }
      this.opts.log.debug({ method: req.method, path: url.pathname, status: res.status, cost }, "tokopedia: answer");

      if (res.status === 429) {
        this.counters.rateLimited++;
        this.pacer.penalize(req.endpoint, res.headers, cost);
        if (++rateLimited > MAX_RATE_LIMITED_RETRIES || req.stop?.aborted) {
          throw new RetriesExhaustedError("RATE_LIMITED", `still rate limited after ${rateLimited} waits`);
        }
        this.counters.retries++;
        continue;
      }
      this.pacer.observe(req.endpoint, res.headers, cost);

      if (res.status === 401) {
        if (refreshed) throw this.trip(authRefusedError(401));
        refreshed = true;
        if (!this.authGate) {
          this.authGate = new Promise<void>((resolve) => (this.openAuthGate = resolve));
          holder.holdsGate = true;
        }
        this.tokens.invalidate(token);
        this.counters.retries++;
        continue;
      }
      if (holder.holdsGate) {
        holder.holdsGate = false;
        this.releaseAuthGate();
      }
      if (res.status === 403) {
        const envelope = tryParseEnvelope(res.text);
        throw this.trip(shopForbiddenError(403, envelope?.header.errorCode, envelope?.header.reason || undefined));
      }
      if (res.status >= 500) {
        const envelope = tryParseEnvelope(res.text);
        const code = envelope?.header.errorCode ?? `HTTP_${res.status}`;
        if (envelope && NOT_FOUND_CODES.has(code)) return { status: res.status, headers: res.headers, ...envelope };
        if (!req.idempotent) throw new OutcomeUnknownError(code);
        if (++failures > this.opts.maxRetries || req.stop?.aborted) {
          throw new RetriesExhaustedError(code, envelope?.header.reason || envelope?.header.messages || `HTTP ${res.status}`);
        }
        await this.backoff(failures);
        continue;
      }
      const envelope = tryParseEnvelope(res.text);
      if (!envelope) throw protocolError(url, res.status, describeBody(res));
      return { status: res.status, headers: res.headers, ...envelope };
    }
  }

  /** The token request: retried like a read; refusals and nonsense stop the run. */
  private async sendToken(url: URL, headers: Record<string, string>): Promise<RawResponse> {
    let failures = 0;
    for (;;) {
      try {
        this.counters.requests++;
        const res = await this.limit(() => this.transport.send({ method: "POST", url, headers }));
        if (res.status < 500) return res;
        if (++failures > this.opts.maxRetries) throw serverFailingError(url, `HTTP_${res.status}`);
      } catch (error) {
        if (error instanceof AdapterError) throw error;
        const network = classifyNetworkError(error);
        if (!network) throw error;
        if (++failures > this.opts.maxRetries) throw unreachableError(url, network.code);
      }
      await this.backoff(failures);
    }
  }

  private releaseAuthGate(): void {
    const open = this.openAuthGate;
    this.authGate = undefined;
    this.openAuthGate = undefined;
    open?.();
  }

  private trip(error: unknown): unknown {
    if (error instanceof AdapterError && (error.kind === "auth" || error.kind === "unreachable")) this.fatal ??= error;
    return error;
  }

  private async backoff(failures: number): Promise<void> {
    this.counters.retries++;
    // Full jitter: concurrent clients that failed together do not come back together.
    const ceiling = Math.min(BACKOFF_CAP_MS, this.opts.retryBaseMs * 2 ** (failures - 1));
    await sleep(Math.random() * ceiling);
  }
}

function tryParseEnvelope(text: string): { header: EnvelopeHeader; data: unknown } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
  const obj = parsed as { header?: unknown; data?: unknown };
  if (!("header" in obj) && !("data" in obj)) return undefined;
  const h = (typeof obj.header === "object" && obj.header !== null ? obj.header : {}) as Record<string, unknown>;
  const code = h.error_code;
  return {
    header: {
      messages: typeof h.messages === "string" ? h.messages : "",
      reason: typeof h.reason === "string" ? h.reason : "",
      errorCode: code === undefined || code === null || code === "" || code === 0 ? undefined : String(code),
    },
    data: obj.data,
  };
}

function describeBody(res: RawResponse): string {
  const type = res.headers["content-type"] ?? "no content type";
  const start = res.text.trimStart().slice(0, 1);
  if (start === "<") return `${type}, looks like an HTML page`;
  if (res.text.trim() === "") return `${type}, empty body`;
  return `${type}, not the JSON envelope`;
}
