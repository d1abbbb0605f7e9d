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
};

const keyOf = (s: string): string => s.normalize("NFKC").toLowerCase().replace(/[^a-z0-9]/g, "");

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
