// SKU checks. A SKU is an identifier: kept exactly as written (never through Number()).
import type { RawCell } from "./source.js";
import { unguard } from "./text.js";

export type SkuResult =
  | { ok: true; value: string }
  | { ok: false; code: "REQUIRED_VALUE_MISSING" }
  | { ok: false; code: "INVALID_SKU"; value: string; args: Record<string, string | number> };

const SKU_CHARS = /^[A-Za-z0-9._-]+$/;

/**
 * Spreadsheet numbers become their integer text (`1001`, not `1001.0`); only outer spaces go, and
 * the `'` that `desbumi normalize` puts before a SKU like `-ABC` (formula guard).
 */
export function skuText(cell: RawCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return unguard(String(cell).trim());
}

/**
 * The identity of a SKU as marketplaces compare them: without outer spaces, ignoring case
 * (issue 13.12). Every place that matches SKUs (duplicates, plan diff, adoption) uses this.
 */
export function skuKey(sku: string): string {
  return sku.trim().toUpperCase();
}

export function parseSku(cell: RawCell, maxLength: number): SkuResult {
  const value = skuText(cell);
  if (value === "") return { ok: false, code: "REQUIRED_VALUE_MISSING" };
  // Code points never outnumber UTF-16 units, so only a long SKU needs counting.
  const length = value.length <= maxLength ? value.length : [...value].length;
  if (length > maxLength) return { ok: false, code: "INVALID_SKU", value, args: { reason: "length", length, max: maxLength } };
  if (!SKU_CHARS.test(value)) return { ok: false, code: "INVALID_SKU", value, args: { reason: "chars" } };
  return { ok: true, value };
}
