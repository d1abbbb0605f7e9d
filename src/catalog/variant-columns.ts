// Variant columns of a header row (catalogue v2, issue 14): the group and parent codes, option
// columns and a per-variant photo column. Spellings are those of the mass-upload templates people
// fill in (NOTE, sources via the search tool: Shopee's mass upload groups rows by "Kode Integrasi
// Variasi"/"Variation Integration No." with product fields on the group's first row and a
// "Parent SKU"/"SKU Induk" column (help.trustana.com "Channel Export: Shopee", which follows Shopee's
// Education Hub; Shopee's Indonesian guide "Panduan Fitur Mass Upload" on fdokumen.com); option
// name/value pairs as "Nama Variasi 1" + "Varian untuk Variasi 1" (Shopee ID) and "Option1 Name" +
// "Option1 Value" (Shopify product CSV), "Attribute 1 name" + "Attribute 1 value(s)" (WooCommerce
// product CSV); everything else is what village sheets write: one column per option, headed by its name).
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
}

const GROUP = new Set(["kode integrasi variasi", "variation integration no", "variation integration number", "no integrasi variasi", "handle"].map(headerKey));
const PARENT = new Set(["kode induk", "sku induk", "parent sku", "kode produk induk", "kode sku induk", "parent code", "parent", "induk"].map(headerKey));
const PHOTO = new Set(
  ["foto variasi", "foto varian", "foto produk per varian", "foto per varian", "foto per variasi", "gambar variasi", "gambar varian", "gambar per variasi", "image per variation", "variant image", "variation image", "foto sku"].map(headerKey),
);
/** A column headed with an option's own name. */
const NAMED_OPTION = new Set(
  ["ukuran", "warna", "rasa", "isi", "size", "color", "colour", "flavour", "flavor", "motif", "varian", "variasi", "pilihan", "model", "tipe", "kemasan", "volume", "ukuran kemasan", "isi bersih", "aroma", "corak"].map(headerKey),
);
const NUMBERED_OPTION = /^(variasi|pilihan|varian|variant|variation|option|opsi)(\d)$/;
const PAIR_NAME = [/^(?:namavariasi|namavarian|variationname|tipevariasi|jenisvariasi|propertyname)(\d)$/, /^option(\d)name$/, /^attribute(\d)name$/];
const PAIR_VALUE = [/^(?:varianuntukvariasi|pilihanuntukvariasi|opsiuntukvariasi|optionforvariation|nilaivariasi|propertyvalue)(\d)$/, /^option(\d)value$/, /^attribute(\d)values?$/];

export type VariantHeader =
  | { kind: "group" | "parent" | "photo" }
  | { kind: "named"; name: string }
  | { kind: "pair-name" | "pair-value"; n: number };

/** What a header that is not a v1 field means for variants, if anything. */
export function lookupVariantHeader(header: string): VariantHeader | undefined {
  const key = headerKey(header);
  if (key === "") return undefined;
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

export const emptyVariantColumns = (): VariantColumns => ({ options: [] });

/** Adds a header `lookupVariantHeader` recognised; when its role is taken already (a duplicate column), the column that has it. */
export function addVariantColumn(columns: VariantColumns, found: VariantHeader, column: VariantColumn): VariantColumn | undefined {
  switch (found.kind) {
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

export const hasVariantColumns = (c: VariantColumns): boolean => c.group !== undefined || c.parent !== undefined || c.options.length > 0;
