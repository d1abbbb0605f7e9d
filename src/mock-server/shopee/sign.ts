// Signature checks (reference A1, mock items 4-5). The mock's own copy of the algorithm: it imports
// nothing from the adapter, so each side checks the other.
import { createHmac, timingSafeEqual } from "node:crypto";
import { authFail, fail, type ShopeeReply } from "./wire.js";

/** ±300 s around the server clock (the future side is our choice: the docs only state 5 minutes). */
export const TIMESTAMP_WINDOW_SECONDS = 300;

export const hmacHex = (key: string, base: string): string => createHmac("sha256", Buffer.from(key, "utf8")).update(base, "utf8").digest("hex");

export interface SignParts {
  partnerId: number;
  path: string;
  timestamp: number;
  accessToken?: string;
  shopId?: number;
}

export const baseString = (p: SignParts): string =>
  `${p.partnerId}${p.path}${p.timestamp}${p.accessToken ?? ""}${p.shopId ?? ""}`;

/** Checks partner_id, timestamp and sign; returns the reply to refuse with, or undefined. */
export function checkCommon(
  query: URLSearchParams,
  opts: { partnerId: number; partnerKey: string; nowUnix: number },
): { refused: ShopeeReply } | { partnerId: number; timestamp: number; sign: string } {
  const partnerRaw = query.get("partner_id");
  const tsRaw = query.get("timestamp");
  const sign = query.get("sign");
  if (!partnerRaw || !/^\d+$/.test(partnerRaw)) return { refused: fail("error_param", "There is no partner_id in query.", 403) };
  if (!tsRaw || !/^\d+$/.test(tsRaw)) return { refused: fail("error_param", "There is no timestamp in query.", 403) };
  if (!sign) return { refused: fail("error_param", "There is no sign in query.", 403) };
  const partnerId = Number(partnerRaw);
  if (partnerId !== opts.partnerId) return { refused: authFail("invalid_partner_id", "Invalid partner_id.") };
  const timestamp = Number(tsRaw);
  if (Math.abs(opts.nowUnix - timestamp) > TIMESTAMP_WINDOW_SECONDS) return { refused: fail("error_param", "Timestamp is expired.", 403) };
  return { partnerId, timestamp, sign };
}

export function signMatches(key: string, parts: SignParts, sign: string): boolean {
  const want = Buffer.from(hmacHex(key, baseString(parts)), "utf8");
  const got = Buffer.from(sign.toLowerCase() === sign ? sign : "", "utf8");
  return want.length === got.length && timingSafeEqual(want, got);
}

export const wrongSign = (): ShopeeReply => authFail("error_sign", "Wrong sign.");
