// Live listings -> catalogue rows in desbumi's own columns (the headers `desbumi template` writes),
// so `sync` of the written file changes nothing. Pure.
// NOTE: a listing with variants becomes one row per variant under a `Kode Induk` (parent) column;
// product-level cells go on the group's first row only (later rows may not contradict it), and
// option names and values are written as `Nama Variasi N` / `Varian untuk Variasi N` pairs, which
// the reader takes whatever the option is called.
import type { Listing, ListingVariant } from "../plan/types.js";
import { TEMPLATE_COLUMNS } from "../template/columns.js";

export type PullCell = string | number;

export interface PulledCatalog {
  headers: string[];
  rows: PullCell[][];
  /** Photos per row, parallel to rows' photo cells (URLs as the shop gave them), for --photos. */
  photoCells: { row: number; column: number; url: string; name: string }[];
  /** Listings without a SKU (made by hand): written with an empty SKU cell. */
  withoutSku: number;
  /** Listings the marketplace does not track stock for (written with the stock it reports). */
  stockUnlimited: number;
  listings: number;
  variants: number;
}

const MAX_PHOTOS = 5;
const [SKU, NAME, DESCRIPTION, PRICE, STOCK, WEIGHT, CATEGORY, CONDITION, STATUS, MIN_ORDER, ETALASE] = TEMPLATE_COLUMNS.map((c) => c.header) as [
  string, string, string, string, string, string, string, string, string, string, string,
];
// NOTE: by name: the template has more columns after its photos since issue 14 (variants, certificates).
const PHOTO_HEADERS = TEMPLATE_COLUMNS.filter((c) => /^Foto Produk \d$/.test(c.header)).slice(0, MAX_PHOTOS).map((c) => c.header);
export const PARENT_HEADER = "Kode Induk";
export const VARIANT_PHOTO_HEADER = "Foto Variasi";
const attributeHeader = (name: string): string => `Atribut: ${name}`;
const optionNameHeader = (n: number): string => `Nama Variasi ${n}`;
const optionValueHeader = (n: number): string => `Varian untuk Variasi ${n}`;

const CONDITION_WORD = { NEW: "Baru", USED: "Bekas" } as const;
const STATUS_WORD = { active: "Aktif", inactive: "Nonaktif" } as const;

/** Order: by SKU, listings without SKU last (by name), so two pulls of one shop give the same file. */
const byShownOrder = (a: Listing, b: Listing): number => {
  if ((a.sku === "") !== (b.sku === "")) return a.sku === "" ? 1 : -1;
  const key = (l: Listing): string => (l.sku === "" ? l.name : l.sku);
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id.localeCompare(b.id);
};

/** A file name for the n-th photo of a row: the SKU (or listing id) made safe for any disk. */
export const photoName = (owner: string, n: number, url: string): string => {
  const ext = /\.(jpe?g|png|webp)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase().replace("jpeg", "jpg") ?? "jpg";
  const safe = owner.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "") || "foto";
  return `${safe}-${n}.${ext}`;
};

export function pulledCatalog(listings: readonly Listing[]): PulledCatalog {
  const sorted = [...listings].sort(byShownOrder);
  const hasVariants = sorted.some((l) => (l.variants?.length ?? 0) > 0);
  const optionCount = Math.max(0, ...sorted.flatMap((l) => (l.variants ?? []).map((v) => Object.keys(v.options).length)));
  const headers = [SKU, NAME, DESCRIPTION, PRICE, STOCK, WEIGHT, CATEGORY, CONDITION, STATUS, MIN_ORDER, ETALASE, ...PHOTO_HEADERS];
  // The marketplace attributes the listings carry (Tokopedia & Shop: Bahan ...), one `Atribut: <name>`
  // column each, so a category that requires one syncs back unchanged.
  const attributeNames = [...new Set(sorted.flatMap((l) => Object.keys(l.attributes ?? {})))].sort();
  headers.push(...attributeNames.map(attributeHeader));
  if (hasVariants) {
    headers.splice(0, 0, PARENT_HEADER);
    for (let n = 1; n <= optionCount; n += 1) headers.push(optionNameHeader(n), optionValueHeader(n));
    headers.push(VARIANT_PHOTO_HEADER);
  }
  const col = (header: string): number => headers.indexOf(header);
  const rows: PullCell[][] = [];
  const photoCells: PulledCatalog["photoCells"] = [];
  let variants = 0;

  const productCells = (row: PullCell[], listing: Listing): void => {
    row[col(NAME)] = listing.name;
    row[col(DESCRIPTION)] = listing.description;
    row[col(WEIGHT)] = listing.weight;
    row[col(CATEGORY)] = listing.categoryId;
    row[col(CONDITION)] = CONDITION_WORD[listing.condition];
    row[col(MIN_ORDER)] = listing.min_order;
    row[col(ETALASE)] = listing.etalase;
    for (const [name, value] of Object.entries(listing.attributes ?? {})) row[col(attributeHeader(name))] = value;
    const owner = listing.sku || listing.id;
    listing.images.slice(0, MAX_PHOTOS).forEach((url, i) => {
      row[col(PHOTO_HEADERS[i]!)] = url;
      photoCells.push({ row: rows.length, column: col(PHOTO_HEADERS[i]!), url, name: photoName(owner, i + 1, url) });
    });
  };

  for (const listing of sorted) {
    const listingVariants: readonly ListingVariant[] = listing.variants ?? [];
    if (listingVariants.length === 0) {
      const row: PullCell[] = headers.map(() => "");
      row[col(SKU)] = listing.sku;
      row[col(PRICE)] = listing.price;
      row[col(STOCK)] = listing.stock;
      row[col(STATUS)] = STATUS_WORD[listing.status];
      productCells(row, listing);
      rows.push(row);
      continue;
    }
    listingVariants.forEach((variant, i) => {
      const row: PullCell[] = headers.map(() => "");
      row[col(PARENT_HEADER)] = listing.sku;
      row[col(SKU)] = variant.sku;
      row[col(PRICE)] = variant.price;
      row[col(STOCK)] = variant.stock;
      row[col(STATUS)] = STATUS_WORD[variant.status ?? listing.status];
      if (i === 0) productCells(row, listing);
      Object.entries(variant.options).forEach(([name, value], n) => {
        row[col(optionNameHeader(n + 1))] = name;
        row[col(optionValueHeader(n + 1))] = value;
      });
      const photo = variant.images?.[0];
      if (photo !== undefined) {
        row[col(VARIANT_PHOTO_HEADER)] = photo;
        photoCells.push({ row: rows.length, column: col(VARIANT_PHOTO_HEADER), url: photo, name: photoName(variant.sku || `${listing.sku || listing.id}-v${i + 1}`, 1, photo) });
      }
      rows.push(row);
      variants += 1;
    });
  }
  return {
    headers,
    rows,
    photoCells,
    withoutSku: sorted.filter((l) => l.sku === "").length,
    stockUnlimited: sorted.filter((l) => l.stockUnlimited === true).length,
    listings: sorted.length,
    variants,
  };
}
