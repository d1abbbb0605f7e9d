// Reads the facts an issue carries (value, column, args) into the small pieces message templates
// need, tolerating absent or oddly typed args: a missing fact drops a clause, never says "undefined".
import type { Issue } from "../issues.js";
import type { Lang } from "../i18n.js";
import type { ProductField } from "../catalog/types.js";

const MAX_VALUE_CHARS = 60;

export type FieldName = ProductField;

export interface Facts {
  issue: Issue;
  /** The raw value in double quotes, shortened, or "" when the issue has none. */
  quoted: string;
  /** The column as written in the file, or the field's plain name. */
  column: string;
  /** The canonical field the issue is about, when it can be told. */
  field: FieldName | undefined;
  text(name: string): string | undefined;
  num(name: string): number | undefined;
}

export function readFacts(issue: Issue): Facts {
  const args = issue.args ?? {};
  const field = fieldOf(issue);
  return {
    issue,
    quoted: issue.value === undefined ? "" : quote(issue.value),
    column: issue.column ?? field ?? "",
    field,
    text: (name) => {
      const v = args[name];
      return v === undefined || v === "" ? undefined : String(v);
    },
    num: (name) => {
      const v = args[name];
      const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
      return Number.isFinite(n) ? n : undefined;
    },
  };
}

export function quote(value: string): string {
  const flat = value.replace(/[\r\n\t]+/g, " ");
  const short = flat.length > MAX_VALUE_CHARS ? `${flat.slice(0, MAX_VALUE_CHARS - 1)}…` : flat;
  return `"${short}"`;
}

/** 1234567 -> "1.234.567" (id) or "1,234,567" (en). Whole numbers only; others print as given. */
export function groupDigits(n: number, lang: Lang): string {
  if (!Number.isInteger(n)) return String(n);
  const sep = lang === "id" ? "." : ",";
  const sign = n < 0 ? "-" : "";
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

export const rupiah = (n: number, lang: Lang): string => `Rp ${groupDigits(n, lang)}`;

const MAX_LIST_ITEMS = 8;

/** A list fact (`"4, 9"`, `"4|9"`) as "4, 9"; a long one is cut to its first items and "…". */
export function listOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(/\s*[,;|]\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) return undefined;
  return items.length > MAX_LIST_ITEMS ? `${items.slice(0, MAX_LIST_ITEMS).join(", ")}, … (${items.length})` : items.join(", ");
}

const FIELD_PATTERNS: readonly [FieldName, RegExp][] = [
  ["min_order", /min/i],
  ["price", /harga|price/i],
  ["weight", /berat|weight/i],
  ["stock", /stok|stock/i],
  ["sku", /sku|kode/i],
  ["description", /deskripsi|description/i],
  ["name", /nama|name/i],
  ["images", /foto|gambar|image|photo/i],
  ["category", /kategori|category/i],
  ["condition", /kondisi|condition/i],
  ["status", /status/i],
  ["etalase", /etalase|showcase/i],
];

function fieldOf(issue: Issue): FieldName | undefined {
  const named = issue.args?.field;
  if (typeof named === "string") {
    const hit = FIELD_PATTERNS.find(([field]) => field === named);
    if (hit) return hit[0];
  }
  const column = issue.column;
  if (!column) return undefined;
  return FIELD_PATTERNS.find(([, pattern]) => pattern.test(column))?.[0];
}
