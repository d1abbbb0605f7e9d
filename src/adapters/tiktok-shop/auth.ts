// Tokens for one marketplace + group: read from the token store, refreshed before they expire
// with the durable order of shared/token-store.ts, shared by every request of the run.
// Token host calls are unsigned GETs that carry the app secret (reference §1): their URLs are
// never logged.
import type { Logger } from "pino";
import { AdapterError } from "../../errors.js";
import { refreshDurably, usableAccessToken, type AuthorizationStore, type StoredAuthorization, type TokenPair } from "../shared/token-store.js";
import { ADAPTER, isAuthorizationLost, notConnectedError, reconnectError } from "./errors.js";

/** Refresh when the access token has less than this left (tokens live 7 days). */
export const REFRESH_MARGIN_S = 24 * 3600;
/** validate/sync warn when the seller must reconnect within this. */
export const EXPIRY_WARNING_S = 14 * 86_400;

export interface AppCredentials {
  appKey: string;
  appSecret: string;
}

interface TokenEnvelope {
  code: number;
  message: string;
  data?: {
    access_token?: string;
    access_token_expire_in?: number;
    refresh_token?: string;
    refresh_token_expire_in?: number;
    seller_name?: string;
  };
}

async function tokenCall(authUrl: string, path: string, params: Record<string, string>, fetchFn: typeof fetch): Promise<TokenEnvelope> {
  const url = new URL(path, authUrl.endsWith("/") ? authUrl : `${authUrl}/`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  let response: Response;
  try {
    response = await fetchFn(url, { method: "GET", headers: { "content-type": "application/json" }, signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    // NOTE: the error of a failed fetch may quote the URL, which carries the secret: drop it.
    throw new AdapterError({ adapter: ADAPTER, kind: "unreachable", message: { en: `cannot reach the token host ${new URL(authUrl).host}`, id: `tidak bisa menghubungi server token ${new URL(authUrl).host}` }, cause: (error as Error).name });
  }
  const text = await response.text();
  try {
    return JSON.parse(text) as TokenEnvelope;
  } catch {
    throw new AdapterError({ adapter: ADAPTER, kind: "protocol", status: response.status, message: `the token host answered HTTP ${response.status} without JSON` });
  }
}

export function toPair(env: TokenEnvelope): TokenPair {
  const d = env.data ?? {};
  if (env.code !== 0 || !d.access_token || !d.refresh_token) {
    throw new AdapterError({ adapter: ADAPTER, kind: "auth", code: String(env.code), message: `token request refused (${env.code} ${env.message})` });
  }
  return {
    accessToken: d.access_token,
    accessExpiresAt: Number(d.access_token_expire_in ?? 0),
    refreshToken: d.refresh_token,
    refreshExpiresAt: Number(d.refresh_token_expire_in ?? 0),
  };
}

/** Exchange an auth code (single use, 30 min) for tokens. grant_type is literally `authorized_code` (§1). */
export async function getTokens(authUrl: string, app: AppCredentials, authCode: string, fetchFn: typeof fetch = fetch): Promise<{ pair: TokenPair; sellerName?: string; code: number; message: string }> {
  const env = await tokenCall(authUrl, "api/v2/token/get", { app_key: app.appKey, app_secret: app.appSecret, auth_code: authCode, grant_type: "authorized_code" }, fetchFn);
  if (env.code !== 0) return { pair: undefined as unknown as TokenPair, code: env.code, message: env.message };
  return { pair: toPair(env), code: 0, message: env.message, ...(env.data?.seller_name ? { sellerName: env.data.seller_name } : {}) };
}

export interface SessionOptions {
  store: AuthorizationStore;
  group: string;
  authUrl: string;
  app: AppCredentials;
  log: Logger;
  fetch?: typeof fetch;
  now?: () => number;
}

/** The run's access token: one refresh at a time, shared by all requests. */
export class Session {
  private auth: StoredAuthorization | undefined;
  private refreshing: Promise<string> | undefined;
  /** A refresh failed this run while the access token still works: do not retry it on every request. */
  private gaveUp = false;
  private readonly now: () => number;

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? (() => Math.floor(Date.now() / 1000));
  }

  async authorization(): Promise<StoredAuthorization> {
    if (!this.auth) {
      // NOTE: a group without its own authorization uses the shared "default" one (connect without --group).
      const auth = (await this.options.store.read(ADAPTER, this.options.group)) ?? (this.options.group !== "default" ? await this.options.store.read(ADAPTER, "default") : undefined);
      if (!auth) throw notConnectedError(this.options.group);
      this.auth = auth;
    }
    return this.auth;
  }

  /** A token to send now: refreshed first when it is close to expiry or the last run died mid-refresh. */
  async accessToken(): Promise<string> {
    const auth = await this.authorization();
    if (this.refreshing) return this.refreshing;
    const fresh = usableAccessToken(auth, this.now(), REFRESH_MARGIN_S);
    if (fresh && (!auth.pendingRefresh || this.gaveUp)) return fresh;
    return this.refresh(auth.tokens.accessToken);
  }

  /** The marketplace said `used` expired (105002): refresh once (callers racing on one token share it). */
  async expired(used: string): Promise<string> {
    const auth = await this.authorization();
    if (auth.tokens.accessToken !== used) return auth.tokens.accessToken;
    return this.refresh(used, true);
  }

  private refresh(used: string, isKnownExpired = false): Promise<string> {
    if (this.refreshing) return this.refreshing;
    const run = async (): Promise<string> => {
      const auth = await this.authorization();
      if (auth.tokens.accessToken !== used) return auth.tokens.accessToken;
      const fetchFn = this.options.fetch ?? fetch;
      try {
        this.auth = await refreshDurably(this.options.store, auth, async (refreshToken) => {
          const env = await tokenCall(this.options.authUrl, "api/v2/token/refresh", { app_key: this.options.app.appKey, app_secret: this.options.app.appSecret, refresh_token: refreshToken, grant_type: "refresh_token" }, fetchFn);
          if (env.code !== 0 && isAuthorizationLost(env.code, env.message)) throw reconnectError(this.options.group, `${env.code}`);
          return toPair(env);
        });
        this.options.log.info({ group: this.options.group }, "tiktok-shop: access token refreshed");
        return this.auth.tokens.accessToken;
      } catch (error) {
        // The stored pair is untouched (pending marker set): still usable while it has not expired.
        const still = isKnownExpired ? undefined : usableAccessToken(auth, this.now());
        if (still) {
          this.options.log.warn({ group: this.options.group }, "tiktok-shop: token refresh failed; using the current access token until it expires");
          this.auth = auth;
          this.gaveUp = true;
          return still;
        }
        throw error;
      }
    };
    this.refreshing = run().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }
}
