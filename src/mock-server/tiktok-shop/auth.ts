// Token host of the mock (§1, §10.1-2): auth codes (30 min, single use), token get/refresh with
// rotation, revocation; and access-token checks for the gateway.
import { randomBytes } from "node:crypto";
import type { MockGrant, MockState } from "./state.js";

export const AUTH_CODE_TTL_MS = 30 * 60_000;
export const DEFAULT_ACCESS_TTL_S = 7 * 86_400;
export const DEFAULT_REFRESH_TTL_S = 365 * 86_400;

const token = (): string => `TTP_${randomBytes(18).toString("base64url")}`;

export interface TokenAnswer {
  code: number;
  message: string;
  data?: Record<string, unknown>;
}

export interface AuthConfig {
  appKey: string;
  appSecret: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  sellerName: string;
}

export function issueAuthCode(state: MockState, nowMs: number): string {
  const code = `ROW_${randomBytes(12).toString("hex")}`;
  state.authCodes.push({ code, expiresAtMs: nowMs + AUTH_CODE_TTL_MS, used: false });
  return code;
}

function answer(config: AuthConfig, grant: MockGrant): TokenAnswer {
  return {
    code: 0,
    message: "success",
    data: {
      access_token: grant.accessToken,
      access_token_expire_in: grant.accessExpiresAt,
      refresh_token: grant.refreshToken,
      refresh_token_expire_in: grant.refreshExpiresAt,
      open_id: "mock-open-id-0001",
      seller_name: config.sellerName,
      seller_base_region: "ID",
      user_type: 0,
      granted_scopes: ["seller.product.basic", "seller.product.write", "seller.authorization.info", "seller.logistics"],
    },
  };
}

function checkApp(config: AuthConfig, q: URLSearchParams): TokenAnswer | undefined {
  if (q.get("app_key") !== config.appKey) return { code: 36009004, message: "Invalid app_key." };
  if (q.get("app_secret") !== config.appSecret) return { code: 36004005, message: "app_secret is invalid." };
  return undefined;
}

export function tokenGet(state: MockState, config: AuthConfig, q: URLSearchParams, nowMs: number): TokenAnswer {
  const bad = checkApp(config, q);
  if (bad) return bad;
  if (q.get("grant_type") !== "authorized_code") return { code: 36004004, message: "Invalid grant_type, must be authorized_code." };
  const record = state.authCodes.find((c) => c.code === q.get("auth_code"));
  if (!record || record.used || record.expiresAtMs < nowMs) return { code: 36004004, message: "Invalid auth code." };
  record.used = true;
  const now = Math.floor(nowMs / 1000);
  const grant: MockGrant = {
    accessToken: token(),
    accessExpiresAt: now + config.accessTtlSeconds,
    refreshToken: token(),
    refreshExpiresAt: now + config.refreshTtlSeconds,
    shopIds: state.shops.map((s) => s.id),
    revoked: false,
  };
  state.grants.push(grant);
  forgetStale(state, nowMs);
  return answer(config, grant);
}

/**
 * Authorizations a shop keeps at most: the oldest beyond it stop working. Keeps a state file that
 * is authorized at every start (the practice shop) from growing without end.
 */
export const MAX_GRANTS = 50;

/** Drop used or expired auth codes, revoked or expired grants, and grants beyond MAX_GRANTS. */
function forgetStale(state: MockState, nowMs: number): void {
  const now = Math.floor(nowMs / 1000);
  state.authCodes = state.authCodes.filter((c) => !c.used && c.expiresAtMs >= nowMs);
  state.grants = state.grants.filter((g) => !g.revoked && g.refreshExpiresAt > now).slice(-MAX_GRANTS);
}

export function tokenRefresh(state: MockState, config: AuthConfig, q: URLSearchParams, nowMs: number): TokenAnswer {
  const bad = checkApp(config, q);
  if (bad) return bad;
  if (q.get("grant_type") !== "refresh_token") return { code: 36004004, message: "Invalid grant_type, must be refresh_token." };
  const rt = q.get("refresh_token") ?? "";
  const grant = state.grants.find((g) => !g.revoked && (g.refreshToken === rt || g.previousRefreshToken === rt));
  if (!grant) return { code: 36004005, message: "can not find related auth record" };
  const now = Math.floor(nowMs / 1000);
  if (grant.refreshExpiresAt <= now) return { code: 36004001, message: "rt has expired" };
  grant.previousRefreshToken = rt;
  grant.previousAccessToken = grant.accessToken;
  grant.accessToken = token();
  grant.accessExpiresAt = now + config.accessTtlSeconds;
  grant.refreshToken = token();
  return answer(config, grant);
}

export type TokenCheck = { ok: true; grant: MockGrant } | { ok: false; code: number; message: string };

/** Gateway token check (§10.3): unknown -> 36009004, expired -> 105002. First use of a new access token retires the previous pair. */
export function checkAccessToken(state: MockState, header: string | undefined, nowMs: number): TokenCheck {
  if (!header) return { ok: false, code: 36009004, message: "Invalid credentials. The x-tts-access-token header is missing." };
  const grant = state.grants.find((g) => !g.revoked && (g.accessToken === header || g.previousAccessToken === header));
  if (!grant) return { ok: false, code: 36009004, message: "Invalid credentials. The access token is invalid." };
  if (grant.accessToken === header) {
    if (grant.accessExpiresAt <= Math.floor(nowMs / 1000)) return { ok: false, code: 105002, message: "Access token is expired, please refresh it." };
    delete grant.previousAccessToken;
    delete grant.previousRefreshToken;
    return { ok: true, grant };
  }
  // NOTE: the previous access token stays valid until its own expiry was never promised; the mock
  // treats it as expired once replaced, so a client must use the refreshed one.
  return { ok: false, code: 105002, message: "Access token is expired, please refresh it." };
}
