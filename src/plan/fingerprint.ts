// Hashes that let `apply` refuse a stale plan: per listing, and over the catalogue file's bytes.
import { createHash } from "node:crypto";
import { skuKey } from "../catalog/sku.js";
import type { Listing } from "./types.js";

/**
 * sha256 of the listing's fields as canonical JSON (keys sorted), so field order never matters.
 * Its variants are in it (a price edited on one SKU in Seller Center makes a plan stale), sorted by
 * SKU, since marketplaces list SKUs in no promised order.
 */
export function fingerprintListing(listing: Listing): string {
  const variants = listing.variants && [...listing.variants].sort((a, b) => compareKey(skuKey(a.sku), skuKey(b.sku)) || compareKey(a.id, b.id));
  return sha256(canonicalJson(variants ? { ...listing, variants } : listing));
}

const compareKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
