// TikTok Shop request signing (shared/reference/tiktok-shop-api.md §2; doc page
// partner.tiktokshop.com/docv2/page/sign-your-api-request):
// sorted query (minus sign, access_token) as key+value -> path in front -> raw body appended unless
// multipart -> app_secret + s + app_secret -> lowercase hex HMAC-SHA256 keyed with app_secret.
import { hmacSha256Hex } from "../shared/sign.js";

export interface SignInput {
  path: string;
  /** Query parameters as sent (decoded values). Empty values are dropped from URL and signature (NET SDK rule). */
  query: Record<string, string>;
  /** The exact body bytes sent; ignored for multipart. */
  body?: string;
  contentType?: string;
}

export function signatureBase(input: SignInput): string {
  const keys = Object.keys(input.query)
    .filter((k) => k !== "sign" && k !== "access_token" && input.query[k] !== "")
    .sort();
  let base = input.path;
  for (const k of keys) base += k + input.query[k];
  const mediaType = (input.contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "multipart/form-data" && input.body) base += input.body;
  return base;
}

export function signRequest(appSecret: string, input: SignInput): string {
  return hmacSha256Hex(appSecret, appSecret + signatureBase(input) + appSecret);
}
