// The gateway checks every Open API request passes before its handler (§10.3 order):
// app_key -> signature present/valid -> timestamp window -> access token -> shop cipher rules.
import { checkAccessToken } from "./auth.js";
import { expectedSign } from "./sign.js";
import type { MockGrant, MockShop, MockState } from "./state.js";

export interface GatewayReject {
  status: number;
  code: number;
  message: string;
}

export type CipherRule = "required" | "refused";

export interface GatewayPass {
  grant: MockGrant;
  shop?: MockShop;
}

export function passGateway(
  input: { state: MockState; appKey: string; appSecret: string; path: string; query: URLSearchParams; body: Buffer; contentType?: string; token?: string; cipher: CipherRule; nowMs: number },
): GatewayPass | GatewayReject {
  const { query } = input;
  if (query.get("app_key") !== input.appKey) return { status: 400, code: 36009004, message: "Invalid app_key." };
  const sign = query.get("sign");
  if (!sign) return { status: 401, code: 36009004, message: "Invalid credentials. The sign parameter is missing." };
  if (sign !== expectedSign(input.appSecret, input.path, query, input.body, input.contentType)) {
    return { status: 401, code: 106001, message: "Invalid credentials. The sign is invalid." };
  }
  const ts = Number(query.get("timestamp"));
  const now = Math.floor(input.nowMs / 1000);
  if (!/^\d{10}$/.test(query.get("timestamp") ?? "")) return { status: 400, code: 36009004, message: "Invalid timestamp. The timestamp is negative or malformed." };
  if (ts < now - 300) return { status: 400, code: 36009004, message: "Invalid timestamp. The timestamp is older than 5 minutes." };
  if (ts > now + 30) return { status: 400, code: 36009004, message: "Invalid timestamp. The timestamp is more than 30 seconds ahead." };
  const token = checkAccessToken(input.state, input.token, input.nowMs);
  if (!token.ok) return { status: 401, code: token.code, message: token.message };
  const cipher = query.get("shop_cipher");
  if (input.cipher === "refused") {
    if (cipher !== null) return { status: 400, code: 36009004, message: "Unexpected identifier: shop_cipher is not accepted by this API." };
    return { grant: token.grant };
  }
  if (!cipher) return { status: 400, code: 106013, message: "shop_cipher is required." };
  const shop = input.state.shops.find((s) => s.cipher === cipher);
  if (!shop || !token.grant.shopIds.includes(shop.id)) {
    return { status: 401, code: 101000, message: "The access token is not authorized for the shop of this shop_cipher." };
  }
  return { grant: token.grant, shop };
}

export const isReject = (r: GatewayPass | GatewayReject): r is GatewayReject => "code" in r;
