// Rupiah amounts as people write them -> whole rupiah. Pure; never throws.
import { collapseSpaces, readIdNumber, wholeOrNull } from "./number.js";

export type PriceUnit = "rupiah" | "ribu";

export type ParseResult =
  | { ok: true; value: number }
  | { ok: false; code: "INVALID_PRICE" | "AMBIGUOUS_NUMBER"; args?: Record<string, string | number> };

const MULTIPLIERS: Record<string, number> = {
  rb: 1_000,
  rbu: 1_000,
  ribu: 1_000,
  k: 1_000,
  jt: 1_000_000,
  juta: 1_000_000,
};

const PRICE_SHAPE = /^([\d.,]+)\s*(rb|rbu|ribu|k|jt|juta)?\.?$/;
const CURRENCY_PREFIX = /^(?:rp\.?|idr)\s*/;
const DASH_SUFFIX = /\s*(?:,-+|\.-+|-+)$/;
const RUPIAH_SUFFIX = /\s*rupiah$/;
const NONZERO_DIGIT = /[1-9]/;
/**
 * `150000.00`: zero cents after a dot, as shop exports write every price (Shopify `Variant Price`).
 * NOTE: only after four or more plain digits; `150.00` could be a mistyped `150.000` and stays ambiguous.
 */
const EXPORT_ZERO_CENTS = /^(\d{4,})\.00$/;

/**
 * `25000`, `25.000`, `Rp 25.000`, `Rp25.000,-`, `Rp. 25.000,00`, `IDR 25.000`, `25rb`,
 * `25 ribu`, `1,5 jt`, `1 juta`. See number.ts for the separator rule. Decimals:
 * - with a multiplier (`1,5 jt`) decimals are fine as long as the result is whole rupiah;
 * - `,00` is fine; `25.000,50` (clearly formatted money with cents) is INVALID_PRICE;
 * - `12,5` without grouping is AMBIGUOUS_NUMBER: sellers write it for Rp 12.500 ("12,5 ribu").
 * A bare number in a `harga (ribu)` column is in thousands.
 */
export function parsePrice(input: string | number, unit: PriceUnit = "rupiah"): ParseResult {
  const headerMultiplier = unit === "ribu" ? 1_000 : 1;
  if (typeof input === "number") {
    if (!Number.isFinite(input) || input < 0) return { ok: false, code: "INVALID_PRICE", args: { reason: "number" } };
    const whole = wholeOrNull(input * headerMultiplier);
    return whole === null ? { ok: false, code: "INVALID_PRICE", args: { reason: "fraction" } } : { ok: true, value: whole };
  }
  let s = collapseSpaces(input).toLowerCase();
  // NOTE: the cheap checks first: an unanchored-start pattern is tried at every position.
  if (s.startsWith("rp") || s.startsWith("idr")) s = s.replace(CURRENCY_PREFIX, "");
  if (s.endsWith("-")) s = s.replace(DASH_SUFFIX, "");
  if (s.endsWith("rupiah")) s = s.replace(RUPIAH_SUFFIX, "");
  if (s.endsWith(".00")) s = s.replace(EXPORT_ZERO_CENTS, "$1");
  const shape = PRICE_SHAPE.exec(s);
  if (!shape) return { ok: false, code: "INVALID_PRICE", args: { reason: "format" } };
  const n = readIdNumber(shape[1]!, { dotGroupsAreThousands: true });
  if (n.kind === "ambiguous") return { ok: false, code: "AMBIGUOUS_NUMBER" };
  if (n.kind === "invalid") return { ok: false, code: "INVALID_PRICE", args: { reason: "format" } };
  const suffix = shape[2];
  const multiplier = suffix ? MULTIPLIERS[suffix]! : headerMultiplier;
  const hasFraction = n.fraction !== "" && NONZERO_DIGIT.test(n.fraction);
  if (hasFraction && multiplier === 1) {
    return n.grouped
      ? { ok: false, code: "INVALID_PRICE", args: { reason: "fraction" } }
      : { ok: false, code: "AMBIGUOUS_NUMBER" };
  }
  const whole = wholeOrNull(n.value * multiplier);
  if (whole === null) return { ok: false, code: "INVALID_PRICE", args: { reason: "fraction" } };
  return { ok: true, value: whole };
}

/** `25000` -> `Rp 25.000` (Indonesian grouping). parsePrice(formatRupiah(n)) === n. */
export function formatRupiah(value: number): string {
  const n = Math.round(value);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${n < 0 ? "-" : ""}Rp ${digits}`;
}
