// Header names people use for each canonical field, Indonesian and English, including the
// Tokopedia bulk-upload template (`Nama Produk*`, `Harga (Rp)*`, `Berat* (Gram)` ...).
// Matching is on a key: lower case, accents and everything but letters and digits removed,
// so `Harga (Rp)*`, `harga rp` and `HARGA_RP` are the same header.
import type { ProductField } from "./types.js";
import type { PriceUnit } from "./money.js";
import type { WeightUnit } from "./weight.js";

export type Field = ProductField;

export interface HeaderAlias {
  field: Field;
  /** Unit a bare number in this column is in. */
  unit?: WeightUnit | PriceUnit;
}

/** Written the way a user would type them; the first of each field is the suggestion shown. */
const ALIASES: Record<Field, readonly string[]> = {
  sku: ["sku", "kode produk", "kode", "kode barang", "sku name", "sku produk", "kode sku", "product code", "item code", "product sku",
    // issue 14: per-variant SKU columns of marketplace and shop exports (Shopee "Kode Variasi", Shopify "Variant SKU")
    "kode variasi", "sku variasi", "sku varian", "variant sku", "seller sku",
    // TikTok Shop's Indonesian batch template ("SKU Penjual")
    "sku penjual"],
  name: ["nama produk", "name", "nama", "nama barang", "product name", "judul produk", "judul", "title"],
  description: ["deskripsi", "description", "deskripsi produk", "keterangan", "product description", "desc", "uraian", "body (html)"],
  price: ["harga", "price", "harga (rp)", "harga rupiah", "harga jual", "harga satuan", "harga idr", "price (rp)", "price idr", "product price", "variant price", "regular price",
    // TikTok Shop batch template: "Retail Price (Local Currency)" / "Harga Ritel (Mata Uang Lokal)"
    "retail price", "harga ritel"],
  stock: ["stok", "stock", "jumlah stok", "stok produk", "qty", "quantity", "jumlah", "variant inventory qty", "kuantitas"],
  weight: ["berat", "weight", "berat (gram)", "berat (gr)", "berat (g)", "berat produk", "weight (g)", "weight (gram)", "weight (grams)", "variant grams",
    // TikTok Shop batch template: "Package Weight(g)" / "Berat Paket(g)"
    "package weight", "berat paket"],
  category: ["kategori", "category", "kode kategori", "kategori produk", "category id", "id kategori", "categories"],
  condition: ["kondisi", "condition", "kondisi produk"],
  status: ["status", "status produk", "product status"],
  min_order: ["minimum pemesanan", "min order", "minimum order", "min pemesanan", "min pesan", "minimal pembelian", "min beli", "minimum beli", "minimum purchase quantity"],
  etalase: ["etalase", "nomor etalase", "nama etalase", "showcase", "etalase id"],
  images: ["foto", "gambar", "foto produk", "gambar produk", "image", "images", "image url", "image urls", "photo", "photos", "picture", "url foto", "url gambar", "link foto", "link gambar", "foto url", "image src", "foto sampul", "foto produk utama", "main product image",
    // Shopee's English mass upload ("Cover image", "Item Image 1".."8"), TikTok Shop's batch
    // template ("Main Product Image", "Product Image 2".."9"; Indonesian "Gambar Produk Utama")
    "cover image", "item image", "product image", "gambar produk utama", "gambar utama", "main image"],
};

/** The header a rename suggestion names (as the template writes it, without its unit). */
export const CANONICAL_HEADER: Record<Field, string> = {
  sku: "Kode Produk",
  name: "Nama Produk",
  description: "Deskripsi",
  price: "Harga",
  stock: "Stok",
  weight: "Berat",
  category: "Kategori",
  condition: "Kondisi",
  status: "Status",
  min_order: "Minimum Pemesanan",
  etalase: "Etalase",
  images: "Foto",
};

/** Headers whose unit differs from the field's default (grams, rupiah). */
const UNIT_ALIASES: Record<string, HeaderAlias> = {
  "berat (kg)": { field: "weight", unit: "kg" },
  "berat kg": { field: "weight", unit: "kg" },
  "weight (kg)": { field: "weight", unit: "kg" },
  "berat (ons)": { field: "weight", unit: "ons" },
  "harga (ribu)": { field: "price", unit: "ribu" },
  "harga (rb)": { field: "price", unit: "ribu" },
  "harga (ribu rupiah)": { field: "price", unit: "ribu" },
};

export const headerKey = (header: string): string =>
  header.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]/g, "");

const BY_KEY = new Map<string, HeaderAlias>();
for (const [field, names] of Object.entries(ALIASES) as [Field, readonly string[]][]) {
  for (const name of names) BY_KEY.set(headerKey(name), { field });
}
for (const [name, alias] of Object.entries(UNIT_ALIASES)) BY_KEY.set(headerKey(name), alias);

const IMAGE_KEYS = new Set(ALIASES.images.map(headerKey));

/** The words of a header, normalized as `headerKey` normalizes the whole: `Sisa Stok*` -> [sisa, stok]. */
export const headerWords = (header: string): string[] =>
  header.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

/**
 * The field one of whose aliases appears in `header` as whole words (`Sisa Stok` has `stok`),
 * among `fields`; the longest alias wins so `Berat Produk Kotor` is weight, not something shorter.
 */
export function fieldByWords(header: string, fields: readonly Field[]): Field | undefined {
  const words = headerWords(header);
  let best: { field: Field; length: number } | undefined;
  for (const field of fields) {
    for (const alias of ALIASES[field]) {
      const aliasWords = headerWords(alias);
      if (aliasWords.length === 0 || aliasWords.length > words.length) continue;
      const found = words.some((_, start) => aliasWords.every((w, i) => words[start + i] === w));
      if (found && (best === undefined || aliasWords.length > best.length)) best = { field, length: aliasWords.length };
    }
  }
  return best?.field;
}

/** All alias spellings, for "did you mean" suggestions. */
export const ALIAS_NAMES: readonly string[] = [...Object.values(ALIASES).flat(), ...Object.keys(UNIT_ALIASES)];

export function lookupHeader(header: string): HeaderAlias | undefined {
  const key = headerKey(header);
  if (key === "") return undefined;
  const direct = BY_KEY.get(key);
  if (direct) return direct;
  // `Foto Produk 1*` .. `5`, `gambar 3`, `image_url_2`: numbered image columns.
  const numbered = /^(.*?)(\d{1,2})$/.exec(key);
  if (numbered && IMAGE_KEYS.has(numbered[1]!)) return { field: "images" };
  // `Kode Produk (SKU)`, `Berat [kg]`, `Harga (ribu rupiah)`: the words outside brackets name
  // the field, the bracketed words may give its unit.
  const bracketed = /[([{]([^)\]}]*)[)\]}]/g;
  const base = header.replace(bracketed, " ");
  if (base !== header) {
    const alias = lookupHeader(base);
    if (!alias) return undefined;
    for (const match of header.matchAll(bracketed)) {
      const unit = BRACKET_UNITS[headerKey(match[1]!)];
      if (unit && unit.field === alias.field) return unit;
    }
    return alias;
  }
  return undefined;
}

const BRACKET_UNITS: Record<string, HeaderAlias> = {
  kg: { field: "weight", unit: "kg" },
  kilogram: { field: "weight", unit: "kg" },
  ons: { field: "weight", unit: "ons" },
  g: { field: "weight", unit: "g" },
  gr: { field: "weight", unit: "g" },
  gram: { field: "weight", unit: "g" },
  ribu: { field: "price", unit: "ribu" },
  rb: { field: "price", unit: "ribu" },
  riburupiah: { field: "price", unit: "ribu" },
};
