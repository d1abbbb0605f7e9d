// Who may reach a route: method, Bearer token, fs_id format and binding, shop_id presence/format/
// binding (reference §2, §3). Returns the refusal, or undefined to let the request through.
import type { TokenAuthority } from "./auth.js";
import { fail, malformed, MSG_FORBIDDEN, MSG_METHOD, type Reply } from "./envelope.js";
import type { Route } from "./routes/index.js";

export interface AccessRequest {
  route: Route;
  fsRaw: string;
  method: string;
  authorization: string | undefined;
  shopRaw: string | null;
}

export interface Refusal {
  reply: Reply;
  headers: Record<string, string>;
}

const notBound = (fsRaw: string, shopRaw: string | null): Refusal => ({
  reply: fail(403, "RBAC_MDLW_001", `FS ID [${fsRaw}] is not associated with Shop ID [${shopRaw ?? ""}]`, MSG_FORBIDDEN),
  headers: {},
});

export function checkAccess(req: AccessRequest, binding: { auth: TokenAuthority; fsId: number; shopId: number }): Refusal | undefined {
  const { route, fsRaw, shopRaw } = req;
  if (!route.methods.includes(req.method)) {
    return { reply: fail(405, "", `use ${route.methods.join(" or ")}`, MSG_METHOD), headers: { Allow: route.methods.join(", ") } };
  }
  if (!binding.auth.checkBearer(req.authorization)) {
    return { reply: fail(401, "", "missing, unknown or expired access token"), headers: { "WWW-Authenticate": "Bearer" } };
  }
  if (!/^\d+$/.test(fsRaw)) {
    return { reply: malformed("PRD_DLV_002", `Invalid field [fs_id] format, value [${fsRaw}] should be int`), headers: {} };
  }
  if (Number(fsRaw) !== binding.fsId) return notBound(fsRaw, shopRaw);
  const shop = shopRaw?.trim() ?? "";
  if (shop === "") {
    return route.needsShopId ? { reply: malformed("PRD_DLV_016", "shop_id cannot be empty"), headers: {} } : undefined;
  }
  if (!/^\d+$/.test(shop)) {
    return { reply: malformed("PRD_DLV_003", `Invalid field [shop_id] format, value [${shopRaw}] should be int`), headers: {} };
  }
  return Number(shop) === binding.shopId ? undefined : notBound(fsRaw, shopRaw);
}
