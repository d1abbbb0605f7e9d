// The shop's tokens: read from the shared token store, refreshed before they expire with the
// durable order of shared/token-store.ts (pending marker -> refresh -> new pair saved -> used).
// Shopee refresh tokens are single-use: two refreshes of one pair must never race, and a pair
// refreshed but not saved is the one thing that would make the seller authorize again.
import type { Logger } from "pino";
import { refreshDurably, usableAccessToken, type StoredAuthorization, type TokenPair, type TokenStore } from "../shared/token-store.js";
import { unixSeconds } from "../shared/sign.js";
import { errorName, LAPSED_ERRORS, notConnectedError, partnerRefusedError, reconnectError, ShopeeApiError, ADAPTER } from "./errors.js";
import { publicQuery, type Partner } from "./sign.js";

/** Refresh when the access token has less than this left (Shopee gives 4 h). */
const REFRESH_MARGIN_SECONDS = 10 * 60;
export const REFRESH_TOKEN_DAYS = 30;

interface TokenAnswer {
  error?: string;
  message?: string;
  access_token?: string;
  refresh_token?: string;
  expire_in?: number | string;
  /** Main-account grants (reference A1): the shops the code authorized. */
  shop_id_list?: (number | string)[] | null;
}

/** POST a Public API token call: the tokens (throws ShopeeApiError on `error`), and the answer's shop_id_list (a main-account code exchange). */
export async function postTokenCall(
  baseUrl: string,
  partner: Partner,
  path: "/api/v2/auth/token/get" | "/api/v2/auth/access_token/get",
  body: Record<string, unknown>,
  fetchFn: typeof fetch,
  nowSeconds: number,
): Promise<{ tokens: TokenPair; shopIds: number[] }> {
  const url = `${baseUrl.replace(/\/+$/, "")}${path}?${publicQuery(partner, path, nowSeconds)}`;
  const res = await fetchFn(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  let parsed: (TokenAnswer & { response?: TokenAnswer | null }) | null;
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new ShopeeApiError("error_protocol", `HTTP ${res.status}: not JSON`, res.status);
  }
  const error = errorName(parsed?.error);
  if (error) throw new ShopeeApiError(error, parsed?.message ?? "", res.status);
  // The token answers are flat (reference A1); a `response` wrapper like every other call's is read too.
  const answer: TokenAnswer = parsed?.access_token ? parsed : (parsed?.response ?? {});
  if (!answer.access_token || !answer.refresh_token) throw new ShopeeApiError("error_protocol", "token answer without tokens", res.status);
  // NOTE (open question "expire_in"): read as seconds left when it is small, as an epoch when it
  // is a Unix time (one documented sample); 4 h when absent.
  const expireIn = Number(answer.expire_in);
  const raw = Number.isFinite(expireIn) && expireIn > 0 ? expireIn : 14_400;
  const accessExpiresAt = raw > 1_000_000_000 ? raw : nowSeconds + raw;
  const shopIds = (answer.shop_id_list ?? []).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  return { tokens: { accessToken: answer.access_token, accessExpiresAt, refreshToken: answer.refresh_token, refreshExpiresAt: nowSeconds + REFRESH_TOKEN_DAYS * 86_400 }, shopIds };
}

export interface SessionOptions {
  store: TokenStore;
  group: string;
  baseUrl: string;
  partner: Partner;
  log: Logger;
  fetch: typeof fetch;
  now?: () => number;
}

export class ShopeeSession {
  private auth: StoredAuthorization | undefined;
  private refreshing: Promise<StoredAuthorization> | undefined;
  private readonly now: () => number;
  refreshes = 0;

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? (() => unixSeconds());
  }

  async load(): Promise<StoredAuthorization> {
    if (this.auth) return this.auth;
    const auth = await this.options.store.read(ADAPTER, this.options.group);
    if (!auth) throw notConnectedError(this.options.group);
    this.auth = auth;
    return auth;
  }

  async shopId(): Promise<number> {
    return Number((await this.load()).shop?.id ?? 0);
  }

  /** A valid access token, refreshing first when it is about to expire or a refresh was left in doubt. */
  async accessToken(): Promise<string> {
    const auth = await this.load();
    const usable = usableAccessToken(auth, this.now(), REFRESH_MARGIN_SECONDS);
    if (usable && !auth.pendingRefresh) return usable;
    return (await this.refresh(auth)).tokens.accessToken;
  }

  /** The marketplace refused `used` (expired or revoked early): refresh once, unless someone already did. */
  async tokenRefused(used: string): Promise<string> {
    const auth = await this.load();
    if (auth.tokens.accessToken !== used) return auth.tokens.accessToken;
    return (await this.refresh(auth, true)).tokens.accessToken;
  }

  private refresh(auth: StoredAuthorization, isRefused = false): Promise<StoredAuthorization> {
    this.refreshing ??= this.doRefresh(auth, isRefused).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async doRefresh(auth: StoredAuthorization, isRefused: boolean): Promise<StoredAuthorization> {
    const { store, baseUrl, partner, fetch: fetchFn, group, log } = this.options;
    const shopId = Number(auth.shop?.id ?? 0);
    try {
      const next = await refreshDurably(
        store,
        auth,
        async (refreshToken) => (await postTokenCall(baseUrl, partner, "/api/v2/auth/access_token/get", { refresh_token: refreshToken, partner_id: partner.partnerId, shop_id: shopId }, fetchFn, this.now())).tokens,
        this.now,
      );
      this.refreshes += 1;
      this.auth = next;
      log.info({ group }, "shopee: access token refreshed");
      return next;
    } catch (error) {
      if (error instanceof ShopeeApiError && (error.error === "invalid_partner_id" || error.error === "error_sign" || error.error === "error_partner_key_expired")) {
        throw partnerRefusedError(error.error);
      }
      if (error instanceof ShopeeApiError && LAPSED_ERRORS.has(error.error)) {
        // A refresh left in doubt by a crash may have used up the stored refresh token: the stored
        // access token still works until it expires, so this run goes on; the seller reconnects later.
        const stillUsable = !isRefused ? usableAccessToken(auth, this.now()) : undefined;
        if (stillUsable) {
          log.warn({ group, code: error.error }, "shopee: the refresh token was refused; using the current access token until it expires, then `desbumi connect shopee` is needed");
          return auth;
        }
        throw reconnectError(group, error.error);
      }
      throw error;
    }
  }
}
