// Weights as people write them -> whole grams. Pure; never throws.
import { collapseSpaces, readIdNumber, wholeOrNull } from "./number.js";

export type WeightUnit = "g" | "kg" | "ons";

export type WeightResult =
  | { ok: true; value: number }
  | { ok: false; code: "INVALID_WEIGHT" | "AMBIGUOUS_NUMBER"; args?: Record<string, string | number> };

const GRAMS_PER: Record<WeightUnit, number> = { g: 1, kg: 1_000, ons: 100 };

const UNIT_WORDS: Record<string, WeightUnit> = {
  g: "g", gr: "g", grm: "g", gram: "g", grams: "g", gramm: "g",
  kg: "kg", kgs: "kg", kilo: "kg", kilogram: "kg", kilograms: "kg",
  ons: "ons", on: "ons",
};

const VULGAR: Record<string, string> = { "½": "1/2", "¼": "1/4", "¾": "3/4" };
const VULGAR_GLYPHS = /[½¼¾]/g;
const INNER_SPACES = /\s+/g;
const DIGITS = /^\d+$/;
const WEIGHT_SHAPE = /^(?:±|\+-|\+\/-|kurang lebih|kira-kira)?\s*([\d.,]+(?:\s*\/\s*\d+)?)\s*([a-z]+)?\.?$/;

/**
 * `250`, `250 g`, `250gr`, `250 gram`, `0,5 kg`, `1/4 kg`, `1/2kg`, `2 ons` (1 ons = 100 g),
 * `1,5 kg`, `0.5 kg`, `1.25 kg`. A bare number takes the column's unit (`berat (kg)`), default grams.
 * NOTE: a `.` is a thousands separator only before exactly three digits (and never after a
 * leading 0), so `0.5 kg`, `1.5 kg`, `1.25 kg` are decimals; `1.500 kg` stays ambiguous (1,5 kg
 * or 1500 kg); in grams `1.500` is 1500. We never round: a result that is not whole grams
 * (`0,3333 kg`, `1/3 kg`, `0,5` or `1.5` in a gram column) is INVALID_WEIGHT with reason
 * "fraction", so a typo is not hidden.
 */
export function parseWeight(input: string | number, columnUnit: WeightUnit = "g"): WeightResult {
  if (typeof input === "number") {
    if (!Number.isFinite(input) || input < 0) return { ok: false, code: "INVALID_WEIGHT", args: { reason: "number" } };
    return toGrams(input, columnUnit);
  }
  let s = collapseSpaces(input).toLowerCase();
  if (s.includes("½") || s.includes("¼") || s.includes("¾")) s = s.replace(VULGAR_GLYPHS, (glyph) => VULGAR[glyph]!);
  const shape = WEIGHT_SHAPE.exec(s);
  if (!shape) return { ok: false, code: "INVALID_WEIGHT", args: { reason: "format" } };
  const word = shape[2];
  const unit = word === undefined ? columnUnit : UNIT_WORDS[word];
  if (unit === undefined) return { ok: false, code: "INVALID_WEIGHT", args: { reason: "unit" } };
  const numberText = shape[1]!.includes(" ") ? shape[1]!.replace(INNER_SPACES, "") : shape[1]!;
  const slash = numberText.indexOf("/");
  if (slash >= 0) {
    const top = Number(numberText.slice(0, slash));
    const bottom = Number(numberText.slice(slash + 1));
    if (!DIGITS.test(numberText.slice(0, slash)) || !(bottom > 0)) {
      return { ok: false, code: "INVALID_WEIGHT", args: { reason: "format" } };
    }
    return toGrams(top / bottom, unit);
  }
  const n = readIdNumber(numberText, { dotGroupsAreThousands: unit === "g", dotDecimals: true });
  if (n.kind === "ambiguous") return { ok: false, code: "AMBIGUOUS_NUMBER" };
  if (n.kind === "invalid") return { ok: false, code: "INVALID_WEIGHT", args: { reason: "format" } };
  return toGrams(n.value, unit);
}

function toGrams(value: number, unit: WeightUnit): WeightResult {
  const exact = value * GRAMS_PER[unit];
  const grams = wholeOrNull(exact);
  if (grams === null) {
    // Issue 12.15: say what it came to (`1/3` kg = 333,33 g) and the whole grams it is close to.
    const suggested = Math.round(exact);
    return { ok: false, code: "INVALID_WEIGHT", args: { reason: "fraction", grams: Math.round(exact * 100) / 100, ...(suggested >= 1 ? { suggested } : {}) } };
  }
  return { ok: true, value: grams };
}

/** 250 -> `250 g`, 1500 -> `1,5 kg`, 2000 -> `2 kg`. parseWeight(formatGrams(n)) === n. */
export function formatGrams(grams: number): string {
  const n = Math.round(grams);
  if (n >= 1_000 && n % 100 === 0) return `${String(n / 1_000).replace(".", ",")} kg`;
  return `${n} g`;
}
