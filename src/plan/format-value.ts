// Field values as a facilitator reads them: `Rp 25.000`, `250 g`, `1,5 kg`, `1.200`, categories
// and etalase by name with their id, photos as counts and file names, quoted and shortened text.
import { formatRupiah } from "../catalog/money.js";
import { formatGrams } from "../catalog/weight.js";
import { pick, type Lang, type Text } from "../i18n.js";
import type { ListingField, PlanNames } from "./types.js";
import { safeText } from "../report/terminal-safe.js";

const TEXT_PREVIEW_CHARS = 40;
const LISTED_PHOTOS_MAX = 2;

/** Indonesian digit grouping with dots: 1234567 -> "1.234.567". */
export function groupThousands(n: number): string {
  const sign = n < 0 ? "-" : "";
  return sign + String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** Grams the Indonesian way: `250 g`, `1,5 kg`, and `1.250 g` where kilograms would need two decimals. */
export function formatWeight(grams: number): string {
  const n = Math.round(grams);
  return n >= 1_000 && n % 100 === 0 ? formatGrams(n) : `${groupThousands(n)} g`;
}

export function formatFieldValue(field: ListingField, value: unknown, lang: Lang, names?: PlanNames): string {
  const t = (text: Text): string => pick(text, lang);
  if (typeof value === "number") {
    if (field === "price") return formatRupiah(value);
    if (field === "weight") return formatWeight(value);
    return groupThousands(value);
  }
  if (Array.isArray(value)) return photoCount(value.length, lang);
  if (field === "attributes") return formatAttributes(value, lang);
  const s = String(value ?? "");
  if (field === "category" || field === "etalase") {
    if (s === "") return field === "etalase" ? t({ id: "(tanpa etalase)", en: "(no etalase)" }) : t({ id: "(kosong)", en: "(none)" });
    if (!/^\d+$/.test(s)) return safeText(JSON.stringify(shorten(s)));
    const name = (field === "category" ? names?.categories : names?.etalase)?.[s];
    return name !== undefined ? `${safeText(name)} (${s})` : s;
  }
  if (s === "") return t({ id: "(kosong)", en: "(empty)" });
  if (field === "stock" && s === "unlimited") return t({ id: "selalu tersedia (stok tidak dihitung)", en: "always available (stock not counted)" });
  if (field === "condition") return s === "NEW" ? t({ id: "baru", en: "new" }) : t({ id: "bekas", en: "used" });
  return safeText(JSON.stringify(shorten(s)));
}

/** Attributes as `Bahan: Sutra; Merek: Batik Lasem` (`(none)` when there are none). */
function formatAttributes(value: unknown, lang: Lang): string {
  const entries = Object.entries(attributeRecord(value));
  if (entries.length === 0) return pick({ id: "(tidak ada)", en: "(none)" }, lang);
  return entries.map(([name, v]) => `${safeText(name)}: ${safeText(shorten(v))}`).join("; ");
}

const attributeRecord = (value: unknown): Record<string, string> =>
  value !== null && typeof value === "object" && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v ?? "")]))
    : {};

/** An attributes change, one entry per attribute the row sends: its name, the listing's value (`(none)` when it has none) and the new one. */
export function formatAttributesChange(from: unknown, to: unknown, lang: Lang): { name: string; from: string; to: string }[] {
  const before = attributeRecord(from);
  return Object.entries(attributeRecord(to)).map(([name, value]) => ({
    name: safeText(name),
    from: Object.hasOwn(before, name) ? safeText(shorten(before[name] ?? "")) : pick({ id: "(tidak ada)", en: "(none)" }, lang),
    to: safeText(shorten(value)),
  }));
}

/**
 * A change of photos in one short phrase: the counts, then which files came or went, e.g.
 * `1 photo -> 2 photos (added: kopi-2.jpg)`, `1 photo (changed: kopi-a.jpg -> kopi-b.jpg)` or
 * `1 photo (edited: kopi-1.jpg)` (same file name, new content).
 * `from` comes back apart so the renderer can dim it.
 */
export function formatImagesChange(from: unknown, to: unknown, lang: Lang): { from?: string; to: string } {
  const t = (text: Text): string => pick(text, lang);
  const before = Array.isArray(from) ? from.map(String) : [];
  const after = Array.isArray(to) ? to.map(String) : [];
  const added = after.filter((u) => !before.includes(u));
  const removed = before.filter((u) => !after.includes(u));
  let detail: string;
  const [gone] = removed;
  const [came] = added;
  if (added.length === 1 && removed.length === 1 && gone !== undefined && came !== undefined) {
    detail = `${t({ id: "diganti", en: "changed" })}: ${photoName(gone)} -> ${photoName(came)}`;
  } else if (added.length > 0 || removed.length > 0) {
    const parts: string[] = [];
    if (added.length > 0) parts.push(`${t({ id: "ditambah", en: "added" })}: ${listPhotos(added)}`);
    if (removed.length > 0) parts.push(`${t({ id: "dihapus", en: "removed" })}: ${listPhotos(removed)}`);
    detail = parts.join("; ");
  } else if (before.length === after.length && before.every((u, i) => u === after[i])) {
    // Same names in the same order: the content of a file changed (photos compare by content hash).
    detail = after.length === 1 ? `${t({ id: "isi foto diubah", en: "edited" })}: ${listPhotos(after)}` : t({ id: "isi foto diubah", en: "photo content edited" });
  } else {
    detail = t({ id: "urutan berubah", en: "order changed" });
  }
  const shown = `${photoCount(after.length, lang)} (${detail})`;
  return before.length === after.length ? { to: shown } : { from: photoCount(before.length, lang), to: shown };
}

function photoCount(n: number, lang: Lang): string {
  if (lang === "id") return n === 0 ? "tanpa foto" : `${n} foto`;
  return n === 0 ? "no photos" : `${n} photo${n === 1 ? "" : "s"}`;
}

const photoName = (url: string): string => safeText(shorten(url.slice(url.lastIndexOf("/") + 1) || url));

function listPhotos(urls: readonly string[]): string {
  const shown = urls.slice(0, LISTED_PHOTOS_MAX).map(photoName).join(", ");
  return urls.length > LISTED_PHOTOS_MAX ? `${shown}, … (${urls.length})` : shown;
}

function shorten(s: string): string {
  const flat = s.replace(/\s+/g, " ");
  return flat.length > TEXT_PREVIEW_CHARS ? `${flat.slice(0, TEXT_PREVIEW_CHARS - 1)}…` : flat;
}
