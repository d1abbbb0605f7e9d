// Authorization codes and tokens (reference A1, mock items 2-3, 5): a single-use code (10 min), an
// access token of 4 h, a single-use refresh token of 30 days; the old access token survives 5 min
// after a refresh.
import { randomBytes } from "node:crypto";

export const CODE_TTL_SECONDS = 600;
export const ACCESS_TTL_SECONDS = 14_400;
export const REFRESH_TTL_SECONDS = 30 * 86_400;
export const OLD_ACCESS_GRACE_SECONDS = 300;

const hex = (bytes: number): string => randomBytes(bytes).toString("hex");

interface Grant {
  shopId: number;
  expiresAt: number;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expireIn: number;
}

export type RefreshResult = { ok: true; pair: TokenPair } | { ok: false; error: string; message: string };

export interface TokenSnapshot {
  /** Authorization codes (single-use, 10 minutes); absent in files written before they were kept. */
  codes?: [string, Grant & { used: boolean }][];
  access: [string, Grant][];
  refresh: [string, Grant & { used: boolean }][];
  revoked: number[];
}

export class TokenAuthority {
  private codes = new Map<string, Grant & { used: boolean }>();
  private access = new Map<string, Grant>();
  private refresh = new Map<string, Grant & { used: boolean }>();
  /** Shops whose seller cancelled the authorization. */
  private revoked = new Set<number>();
  /** Counters for tests (how often the single-use rule was hit). */
  readonly counts = { codes: 0, exchanges: 0, refreshes: 0, reusedRefresh: 0 };

  constructor(private readonly now: () => number) {}

  issueCode(shopId: number): string {
    const code = hex(16);
    this.codes.set(code, { shopId, expiresAt: this.now() + CODE_TTL_SECONDS, used: false });
    this.counts.codes += 1;
    return code;
  }

  exchange(code: string, shopId: number): RefreshResult {
    const grant = this.codes.get(code);
    if (!grant || grant.used || grant.expiresAt < this.now()) return { ok: false, error: "invalid_code", message: "Invalid code." };
    if (grant.shopId !== shopId) return { ok: false, error: "invalid_shop_id", message: "Invalid shop_id." };
    grant.used = true;
    this.revoked.delete(shopId);
    // Re-authorizing rotates both tokens: earlier pairs of this shop stop working.
    for (const map of [this.access, this.refresh] as Map<string, Grant>[]) for (const [t, g] of map) if (g.shopId === shopId) map.delete(t);
    this.counts.exchanges += 1;
    return { ok: true, pair: this.mint(shopId) };
  }

  refreshPair(refreshToken: string, shopId: number): RefreshResult {
    const grant = this.refresh.get(refreshToken);
    // NOTE (choice): a used or unknown refresh token is error_shop_refresh_token, an expired one
    // refresh_token_expired; the docs list both names without saying which case gets which.
    if (!grant || grant.shopId !== shopId) return { ok: false, error: "error_shop_refresh_token", message: "Invalid refresh_token." };
    if (grant.used) {
      this.counts.reusedRefresh += 1;
      return { ok: false, error: "error_shop_refresh_token", message: "Invalid refresh_token." };
    }
    if (grant.expiresAt < this.now()) return { ok: false, error: "refresh_token_expired", message: "Refresh token is expired." };
    if (this.revoked.has(shopId)) return { ok: false, error: "shop_access_expired", message: "The shop authorization is expired or cancelled." };
    grant.used = true;
    const graceEnd = this.now() + OLD_ACCESS_GRACE_SECONDS;
    for (const g of this.access.values()) if (g.shopId === shopId) g.expiresAt = Math.min(g.expiresAt, graceEnd);
    this.counts.refreshes += 1;
    return { ok: true, pair: this.mint(shopId) };
  }

  /** "valid", or why the token is refused. */
  checkAccess(token: string, shopId: number): "valid" | "unknown" | "expired" | "wrong-shop" | "revoked" {
    const grant = this.access.get(token);
    if (!grant) return "unknown";
    if (grant.shopId !== shopId) return "wrong-shop";
    if (this.revoked.has(shopId)) return "revoked";
    if (grant.expiresAt < this.now()) return "expired";
    return "valid";
  }

  /** Every access token of the shop stops working now (tests: a token refused before its time). */
  expireAccess(shopId: number): void {
    for (const g of this.access.values()) if (g.shopId === shopId) g.expiresAt = this.now() - 1;
  }

  revoke(shopId: number): void {
    this.revoked.add(shopId);
  }

  snapshot(): TokenSnapshot {
    // Copies: a snapshot must not change when a grant is used after it was taken.
    const copy = <G extends object>(map: Map<string, G>): [string, G][] => [...map].map(([t, g]) => [t, { ...g }]);
    return { codes: copy(this.codes), access: copy(this.access), refresh: copy(this.refresh), revoked: [...this.revoked] };
  }

  restore(s: TokenSnapshot): void {
    this.codes = new Map(s.codes ?? []);
    this.access = new Map(s.access);
    this.refresh = new Map(s.refresh);
    this.revoked = new Set(s.revoked);
  }

  private mint(shopId: number): TokenPair {
    const accessToken = hex(16);
    const refreshToken = hex(16);
    this.access.set(accessToken, { shopId, expiresAt: this.now() + ACCESS_TTL_SECONDS });
    this.refresh.set(refreshToken, { shopId, expiresAt: this.now() + REFRESH_TTL_SECONDS, used: false });
    return { accessToken, refreshToken, expireIn: ACCESS_TTL_SECONDS };
  }
}
