// Signing helpers shared by marketplace adapters (TikTok Shop and Shopee both sign with
// HMAC-SHA256 over a marketplace-specific base string; the base strings live in each adapter).
import { createHmac, timingSafeEqual } from "node:crypto";

/** Lowercase hex HMAC-SHA256 of `message` under `key`. */
export function hmacSha256Hex(key: string | Uint8Array, message: string | Uint8Array): string {
  return createHmac("sha256", key).update(message).digest("hex");
}

/** Constant-time comparison of two hex signatures (for webhook checks). */
export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Unix seconds, the timestamp both APIs sign. */
export const unixSeconds = (nowMs: number = Date.now()): number => Math.floor(nowMs / 1000);
