// Condition and status words (Indonesian and English) -> canonical values. Pure.
import type { Condition, ProductStatus } from "./types.js";

const CONDITIONS: Record<string, Condition> = {
  baru: "NEW", new: "NEW", brandnew: "NEW", barunew: "NEW",
  bekas: "USED", used: "USED", second: "USED", seken: "USED", preloved: "USED", bekasused: "USED",
};

const STATUSES: Record<string, ProductStatus> = {
  aktif: "active", active: "active", ya: "active", yes: "active", y: "active", "1": "active",
  true: "active", tampil: "active", dijual: "active",
  nonaktif: "inactive", inactive: "inactive", tidak: "inactive", tidakaktif: "inactive",
  no: "inactive", n: "inactive", "0": "inactive", false: "inactive", arsip: "inactive",
  disembunyikan: "inactive", tidakdijual: "inactive",
  // Shopify's product CSV `Status`: active, draft, archived
  draft: "inactive", archived: "inactive",
};

const NOT_KEY = /[^a-z0-9]/g;
// NOTE: a catalogue repeats a handful of words on every row; remembering their keys spares the
// Unicode normalization per row. Bounded, so a column of unique junk cannot grow it.
const KEY_CACHE = new Map<string, string>();
const KEY_CACHE_MAX = 256;

function keyOf(s: string): string {
  const known = KEY_CACHE.get(s);
  if (known !== undefined) return known;
  const key = s.normalize("NFKC").toLowerCase().replace(NOT_KEY, "");
  if (KEY_CACHE.size < KEY_CACHE_MAX) KEY_CACHE.set(s, key);
  return key;
}

/** Empty means the default (NEW). `undefined` means the word is not a condition. */
export function parseCondition(input: string): Condition | undefined {
  const key = keyOf(input);
  return key === "" ? "NEW" : CONDITIONS[key];
}

/** Empty means the default (active). Spreadsheet booleans and 1/0 are accepted. */
export function parseStatus(input: string | number | boolean): ProductStatus | undefined {
  if (typeof input === "boolean") return input ? "active" : "inactive";
  const key = keyOf(String(input));
  return key === "" ? "active" : STATUSES[key];
}
