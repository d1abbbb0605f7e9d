// The client-credentials token: fetched once, cached until shortly before it expires, refreshed at
// most once per 401. Doc: shared/reference/tokopedia-seller-api.md §2.
// The secret and the token never reach a log line or an error message.
import type { Logger } from "pino";
import { buildUrl, type RawResponse } from "./transport.js";
import { authRefusedError, protocolError } from "./errors.js";

/** Renew this long before expiry, so a token never expires mid-request. */
const EXPIRY_MARGIN_MS = 60_000;

export interface TokenSourceOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  log: Logger;
  /** Sends the token request with the client's retry policy (network errors, 5xx). */
  send: (req: { url: URL; headers: Record<string, string> }) => Promise<RawResponse>;
  now?: () => number;
}

export class TokenSource {
  private token: string | undefined;
  private expiresAt = 0;
  private pending: Promise<string> | undefined;
  /** Token fetches made (for tests: proves the cache works). */
  fetches = 0;

  constructor(private readonly opts: TokenSourceOptions) {}

  /** The cached token, or a fresh one (concurrent callers share one fetch). */
  async get(): Promise<string> {
    const now = this.opts.now?.() ?? Date.now();
    if (this.token && now < this.expiresAt) return this.token;
    this.pending ??= this.fetch().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forget `used` after a 401 (unless another caller already replaced it). */
  invalidate(used: string): void {
    if (this.token === used) {
      this.token = undefined;
      this.expiresAt = 0;
    }
  }

  private async fetch(): Promise<string> {
    this.fetches++;
    const url = buildUrl(this.opts.tokenUrl, "", { grant_type: "client_credentials" });
    const basic = Buffer.from(`${this.opts.clientId}:${this.opts.clientSecret}`).toString("base64");
    const res = await this.opts.send({ url, headers: { authorization: `Basic ${basic}`, "content-length": "0" } });
    if (res.status === 401 || res.status === 403) throw authRefusedError(res.status);
    let body: unknown;
    try {
      body = JSON.parse(res.text);
    } catch {
      throw protocolError(url, res.status, "not JSON");
    }
    const token = (body as { access_token?: unknown } | null)?.access_token;
    if (res.status !== 200 || typeof token !== "string" || token === "") {
      throw protocolError(url, res.status, "no access_token in the token answer");
    }
    const expiresIn = Number((body as { expires_in?: unknown }).expires_in);
    const lifetimeMs = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : 3_600_000;
    const now = this.opts.now?.() ?? Date.now();
    this.token = token;
    this.expiresAt = now + Math.max(lifetimeMs - EXPIRY_MARGIN_MS, lifetimeMs / 2);
    this.opts.log.debug({ expiresInSeconds: Math.round(lifetimeMs / 1000) }, "tokopedia: got an access token");
    return token;
  }
}
