// Field values as a facilitator reads them: `Rp 25.000`, `250 g`, `1,5 kg`, quoted and shortened text.
import { formatRupiah } from "../catalog/money.js";
import { formatGrams } from "../catalog/weight.js";
import type { Lang } from "../i18n.js";
import type { ListingField } from "./types.js";

const TEXT_PREVIEW_CHARS = 40;

/** Indonesian digit grouping with dots: 1234567 -> "1.234.567". */
export function groupThousands(n: number): string {
  const sign = n < 0 ? "-" : "";
  return sign + String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

export function formatFieldValue(field: ListingField, value: unknown, lang: Lang): string {
  if (typeof value === "number") {
    if (field === "price") return formatRupiah(value);
    if (field === "weight") return formatGrams(value);
    return groupThousands(value);
  }
  if (Array.isArray(value)) return formatImages(value.map(String), lang);
  const s = String(value ?? "");
  if (s === "") return lang === "id" ? "(kosong)" : "(empty)";
  if (field === "condition") return s === "NEW" ? (lang === "id" ? "baru" : "new") : lang === "id" ? "bekas" : "used";
  return JSON.stringify(shorten(s));
}

function formatImages(urls: string[], lang: Lang): string {
  if (urls.length === 0) return lang === "id" ? "(tanpa foto)" : "(no images)";
  return `[${urls.map((u) => shorten(u.slice(u.lastIndexOf("/") + 1) || u)).join(", ")}]`;
}

function shorten(s: string): string {
  const flat = s.replace(/\s+/g, " ");
  return flat.length > TEXT_PREVIEW_CHARS ? `${flat.slice(0, TEXT_PREVIEW_CHARS - 1)}…` : flat;
}
