// Public (partner-signed) endpoints: the consent redirect and the two token calls (reference A1,
// mock items 2-3). The token answers are flat: no `response` wrapper.
import { isJsonObject, parseJson } from "../http/index.js";
import type { TokenAuthority } from "./tokens.js";
import { authFail, fail, okFlat, type ShopeeReply } from "./wire.js";

const AUTH_PATHS = new Set(["/api/v2/shop/auth_partner", "/api/v2/shop/cancel_auth_partner", "/api/v2/auth/token/get", "/api/v2/auth/access_token/get"]);
export const isAuthPath = (path: string): boolean => AUTH_PATHS.has(path);

export interface AuthContext {
  method: string;
  query: URLSearchParams;
  raw: Buffer;
  tokens: TokenAuthority;
  shopId: number;
  partnerId: number;
  /** The seller authorizes as this main account (reference A1): the landing carries main_account_id. */
  mainAccountId?: number;
}

const withQuery = (redirect: string, params: Record<string, string>): string => {
  const url = new URL(redirect);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
};

function jsonBody(raw: Buffer): Record<string, unknown> | undefined {
  const parsed = parseJson(raw.toString("utf8"));
  return parsed.ok && isJsonObject(parsed.value) ? parsed.value : undefined;
}

export function handleAuthRoute(path: string, ctx: AuthContext): ShopeeReply {
  if (path.startsWith("/api/v2/shop/")) {
    if (ctx.method !== "GET") return fail("error_param", "Use GET.", 405);
    const redirect = ctx.query.get("redirect") ?? "";
    if (!/^https?:\/\//.test(redirect)) return fail("error_param", "There is no redirect in query.");
    // The seller's login, OTP and consent are simulated: the mock's one shop always agrees.
    if (path.endsWith("/cancel_auth_partner")) {
      ctx.tokens.revoke(ctx.shopId);
      return { ...okFlat({}), location: withQuery(redirect, { cancel: "1", shop_id: String(ctx.shopId) }) };
    }
    const code = ctx.tokens.issueCode(ctx.shopId);
    const owner: Record<string, string> = ctx.mainAccountId !== undefined ? { main_account_id: String(ctx.mainAccountId) } : { shop_id: String(ctx.shopId) };
    return { ...okFlat({}), location: withQuery(redirect, { code, ...owner }) };
  }
  if (ctx.method !== "POST") return fail("error_param", "Use POST.", 405);
  const body = jsonBody(ctx.raw);
  if (!body) return fail("error_param", "Request body is not a JSON object.");
  if (body.partner_id !== ctx.partnerId) return authFail("invalid_partner_id", "Invalid partner_id.");
  const shopId = typeof body.shop_id === "number" ? body.shop_id : Number.NaN;
  if (path === "/api/v2/auth/token/get") {
    if (typeof body.code !== "string" || body.code === "") return fail("error_param", "There is no code in body.");
    // Either shop_id or main_account_id (reference A1); a main account's code covers its shop.
    const isMain = body.main_account_id !== undefined && body.shop_id === undefined;
    if (isMain && (ctx.mainAccountId === undefined || body.main_account_id !== ctx.mainAccountId)) return authFail("invalid_main_acount_id", "Invalid main_account_id.");
    const got = ctx.tokens.exchange(body.code, isMain ? ctx.shopId : shopId);
    if (!got.ok) return authFail(got.error, got.message);
    return okFlat({
      access_token: got.pair.accessToken,
      refresh_token: got.pair.refreshToken,
      expire_in: got.pair.expireIn,
      ...(isMain ? { shop_id_list: [ctx.shopId], merchant_id_list: [] } : {}),
    });
  }
  if (typeof body.refresh_token !== "string" || body.refresh_token === "") return fail("error_param", "There is no refresh_token in body.");
  const got = ctx.tokens.refreshPair(body.refresh_token, shopId);
  if (!got.ok) return authFail(got.error, got.message);
  return okFlat({
    partner_id: ctx.partnerId,
    shop_id: shopId,
    access_token: got.pair.accessToken,
    refresh_token: got.pair.refreshToken,
    expire_in: got.pair.expireIn,
  });
}
