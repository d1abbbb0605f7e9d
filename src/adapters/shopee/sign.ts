// Signing (reference A1): HMAC-SHA256 with the partner key over partner_id + path + timestamp,
// plus access_token + shop_id for Shop APIs; lower-case hex; the common parameters in the query.
import { hmacSha256Hex } from "../shared/sign.js";

export interface Partner {
  partnerId: number;
  partnerKey: string;
}

export const publicBase = (partnerId: number, path: string, timestamp: number): string => `${partnerId}${path}${timestamp}`;
export const shopBase = (partnerId: number, path: string, timestamp: number, accessToken: string, shopId: number): string =>
  `${partnerId}${path}${timestamp}${accessToken}${shopId}`;

/** Query of a Public API call (auth_partner, token get/refresh). */
export function publicQuery(partner: Partner, path: string, timestamp: number): URLSearchParams {
  const sign = hmacSha256Hex(partner.partnerKey, publicBase(partner.partnerId, path, timestamp));
  return new URLSearchParams({ partner_id: String(partner.partnerId), timestamp: String(timestamp), sign });
}

/** Query of a Shop API call; business parameters of a GET are appended by the caller. */
export function shopQuery(partner: Partner, path: string, timestamp: number, accessToken: string, shopId: number): URLSearchParams {
  const sign = hmacSha256Hex(partner.partnerKey, shopBase(partner.partnerId, path, timestamp, accessToken, shopId));
  return new URLSearchParams({
    partner_id: String(partner.partnerId),
    timestamp: String(timestamp),
    access_token: accessToken,
    shop_id: String(shopId),
    sign,
  });
}

/** The signed consent link (valid 5 minutes: the timestamp ages out). */
export function authorizationLink(baseUrl: string, partner: Partner, redirect: string, timestamp: number): string {
  const path = "/api/v2/shop/auth_partner";
  const query = publicQuery(partner, path, timestamp);
  query.set("redirect", redirect);
  return `${baseUrl.replace(/\/+$/, "")}${path}?${query}`;
}
