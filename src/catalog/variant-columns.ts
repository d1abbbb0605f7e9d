// Variant columns of a header row (catalogue v2, issue 14): the group and parent codes, option
// columns and a per-variant photo column. Spellings are those of the mass-upload templates people
// fill in (NOTE, sources via the search tool: Shopee's mass upload groups rows by "Kode Integrasi
// Variasi"/"Variation Integration No." with product fields on the group's first row and a
// "Parent SKU"/"SKU Induk" column (help.trustana.com "Channel Export: Shopee", which follows Shopee's
// Education Hub; Shopee's Indonesian guide "Panduan Fitur Mass Upload" on fdokumen.com); option
// name/value pairs as "Nama Variasi 1" + "Varian untuk Variasi 1" (Shopee ID) and "Option1 Name" +
// "Option1 Value" (Shopify product CSV), "Attribute 1 name" + "Attribute 1 value(s)" (WooCommerce
// product CSV); everything else is what village sheets write: one column per option, headed by its name).
// More template headers (issue 14 audit): Shopee's English mass upload ("Parent SKU", "Variation
// Integration No.", "Variation Name1", "Option for Variation 1", "Image per Variation"), TikTok Shop's
// batch template (no group column: rows of one product repeat its "Product Name"; values in
// "Variation"/"Variation 1"/"Variation 2", photo in "Variant Image"), Tokopedia's variant template
// (one value column per variant type: "Warna (1) - Value", "Ukuran Kemasan (54) - Value", beside a
// "Warna (1) - Family" column; photo in "Gambar (Warna)"; shared/reference/tokopedia-seller-api.md 8).
import { headerKey } from "./header-aliases.js";

export interface VariantColumn {
  index: number;
  header: string;
}

/** An option column: `named` holds values of the option its header names; a `pair` is a name column + a value column. */
export type OptionColumn =
  | { kind: "named"; name: string; value: VariantColumn }
  | { kind: "pair"; n: number; name?: VariantColumn; value?: VariantColumn };

export interface VariantColumns {
  /** Rows with the same value are one product (Shopee "Kode Integrasi Variasi", Shopify "Handle"). */
  group?: VariantColumn;
  /** The product's own code (`Kode Induk`, `SKU Induk`, `Parent SKU`); groups rows when there is no group column. */
  parent?: VariantColumn;
  options: OptionColumn[];
  /** One photo for the variant (`Foto Variasi`, Shopee "Foto Produk per Varian"). */
  photo?: VariantColumn;
  /** Columns a template puts beside an option that carry nothing to sync (Tokopedia's `Warna (1) - Family`). */
  ignored: VariantColumn[];
  /**
   * WooCommerce's product CSV: `Type` says what a row is (`variable` = a parent row that is no
   * variant itself, `variation` = one of its variants, `simple` = a single-SKU product), `Parent`
   * names a variation's parent by `id:<ID>` or by its SKU, `ID` is the row's own id.
   */
  rowType?: VariantColumn;
  id?: VariantColumn;
}

const GROUP = new Set(["kode integrasi variasi", "variation integration no", "variation integration number", "no integrasi variasi", "handle"].map(headerKey));
const PARENT = new Set(["kode induk", "kode induk sku", "sku induk", "parent sku", "kode produk induk", "kode sku induk", "parent code", "parent", "induk"].map(headerKey));
const PHOTO = new Set(
  ["foto variasi", "foto varian", "foto produk per varian", "foto per varian", "foto per variasi", "gambar variasi", "gambar varian", "gambar per variasi", "image per variation", "variant image", "variation image", "foto sku", "gambar varian", "gambar variasi produk"].map(headerKey),
);
/** A column headed with an option's own name. */
const NAMED_OPTION = new Set(
  ["ukuran", "warna", "rasa", "isi", "size", "color", "colour", "flavour", "flavor", "motif", "varian", "variasi", "pilihan", "model", "tipe", "kemasan", "volume", "ukuran kemasan", "isi bersih", "aroma", "corak", "variation"].map(headerKey),
);
const NUMBERED_OPTION = /^(variasi|pilihan|varian|variant|variation|option|opsi)(\d)$/;
const PAIR_NAME = [/^(?:namavariasi|namavarian|variationname|tipevariasi|tipevarian|jenisvariasi|jenisvarian|propertyname)(\d)$/, /^option(\d)name$/, /^attribute(\d)name$/];
const PAIR_VALUE = [/^(?:varianuntukvariasi|pilihanuntukvariasi|opsiuntukvariasi|optionforvariation|nilaivariasi|nilaivarian|pilihanvarian|propertyvalue)(\d)$/, /^option(\d)value$/, /^attribute(\d)values?$/];
/** A single, unnumbered pair (`Tipe Varian` + `Pilihan Varian`): pair 1. */
const PAIR_NAME_ONE = new Set(["tipe varian", "jenis varian", "tipe variasi", "jenis variasi"].map(headerKey));
const PAIR_VALUE_ONE = new Set(["pilihan varian", "nilai varian", "nilai variasi", "nama varian", "pilihan variasi"].map(headerKey));
/** Tokopedia's variant template: `<type> (<variant id>) - Value` holds the values of that type; `- Family` is ignored. */
const TOKOPEDIA_OPTION = /^(.*\S)\s*\(\s*\d+\s*\)\s*-\s*(value|family)$/i;
/** `Gambar (Warna)`: the photo of the option the brackets name. */
const OPTION_PHOTO = /^(?:gambar|foto|image|photo)\s*\(([^)]+)\)$/i;

export type VariantHeader =
  | { kind: "group" | "parent" | "photo" | "ignored" }
  | { kind: "named"; name: string }
  | { kind: "pair-name" | "pair-value"; n: number };

/**
 * Template headers that would otherwise read as a v1 field (`Gambar (Warna)` is not a second photo
 * column of the product): looked up before the field aliases.
 */
export function lookupTemplateVariantHeader(header: string): VariantHeader | undefined {
  const tokopedia = TOKOPEDIA_OPTION.exec(header.trim());
  if (tokopedia) return tokopedia[2]!.toLowerCase() === "value" ? { kind: "named", name: tokopedia[1]! } : { kind: "ignored" };
  const photo = OPTION_PHOTO.exec(header.trim());
  if (photo && NAMED_OPTION.has(headerKey(photo[1]!))) return { kind: "photo" };
  return undefined;
}

/** What a header that is not a v1 field means for variants, if anything. */
export function lookupVariantHeader(header: string): VariantHeader | undefined {
  const key = headerKey(header);
  if (key === "") return undefined;
  const template = lookupTemplateVariantHeader(header);
  if (template) return template;
  if (PAIR_NAME_ONE.has(key)) return { kind: "pair-name", n: 1 };
  if (PAIR_VALUE_ONE.has(key)) return { kind: "pair-value", n: 1 };
  if (GROUP.has(key)) return { kind: "group" };
  if (PARENT.has(key)) return { kind: "parent" };
  if (PHOTO.has(key)) return { kind: "photo" };
  if (NAMED_OPTION.has(key) || NUMBERED_OPTION.test(key)) return { kind: "named", name: header.trim() };
  for (const re of PAIR_NAME) {
    const m = re.exec(key);
    if (m) return { kind: "pair-name", n: Number(m[1]) };
  }
  for (const re of PAIR_VALUE) {
    const m = re.exec(key);
    if (m) return { kind: "pair-value", n: Number(m[1]) };
  }
  return undefined;
}

export const emptyVariantColumns = (): VariantColumns => ({ options: [], ignored: [] });

/** Shopee's English mass-upload grouping column; that template's bare `Weight` is in kg. */
export const isShopeeEnglishGroup = (column: VariantColumn | undefined): boolean => column !== undefined && headerKey(column.header).startsWith("variationintegration");

/** Adds a header `lookupVariantHeader` recognised; when its role is taken already (a duplicate column), the column that has it. */
export function addVariantColumn(columns: VariantColumns, found: VariantHeader, column: VariantColumn): VariantColumn | undefined {
  switch (found.kind) {
    case "ignored":
      columns.ignored.push(column);
      return undefined;
    case "group":
    case "parent":
    case "photo":
      if (columns[found.kind]) return columns[found.kind];
      columns[found.kind] = column;
      return undefined;
    case "named": {
      const same = columns.options.find((o) => o.kind === "named" && headerKey(o.name) === headerKey(found.name));
      if (same) return same.value;
      columns.options.push({ kind: "named", name: found.name, value: column });
      return undefined;
    }
    case "pair-name":
    case "pair-value": {
      const side = found.kind === "pair-name" ? "name" : "value";
      let pair = columns.options.find((o): o is Extract<OptionColumn, { kind: "pair" }> => o.kind === "pair" && o.n === found.n);
      if (!pair) {
        pair = { kind: "pair", n: found.n };
        columns.options.push(pair);
      }
      if (pair[side]) return pair[side];
      pair[side] = column;
      return undefined;
    }
  }
}

/**
 * WooCommerce's `ID` and `Type` columns mean something only beside its `Parent` column: then they
 * are taken from the unknown headers (a bare `Type` elsewhere, like Shopify's product type, stays unknown).
 */
export function adoptRowTypeColumns(columns: VariantColumns, unknown: { index: number; header: string }[]): void {
  if (!columns.parent || headerKey(columns.parent.header) !== "parent") return;
  const type = unknown.find((u) => headerKey(u.header) === "type");
  if (!type) return;
  const id = unknown.find((u) => headerKey(u.header) === "id");
  columns.rowType = { index: type.index, header: type.header };
  if (id) columns.id = { index: id.index, header: id.header };
  for (const taken of [type, id]) if (taken) unknown.splice(unknown.indexOf(taken), 1);
}

export const hasVariantColumns = (c: VariantColumns): boolean => c.group !== undefined || c.parent !== undefined || c.options.length > 0;
