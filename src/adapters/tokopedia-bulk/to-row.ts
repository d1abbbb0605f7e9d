// One product -> one template row, in the template's forms: numbers without separators, Kode
// Kategori as a number, `Baru`/`Bekas`, `Aktif`/`Nonaktif`. Pure.
import type { Condition, ProductStatus } from "../../catalog/types.js";
import type { ChangeError } from "../../plan/types.js";
import { CONDITION_WORDS, STATUS_WORDS, type BulkField, type Insurance } from "./layout.js";

export type BulkCell = string | number | null;
export type BulkRow = Record<BulkField, BulkCell>;

/** What a row is made from: a catalogue product, or (for a pruned SKU) the previous export's row. */
export interface BulkSource {
  sku: string;
  name: string;
  description: string;
  price: number;
  stock: number;
  weight: number;
  /** The resolved marketplace category id, when the sync core resolved one ("" otherwise). */
  categoryId: string;
  /** The category cell as written (catalogue products only). */
  category?: string;
  condition: Condition;
  status: ProductStatus;
  min_order: number;
  etalase: string;
  images: string[];
}

export interface RowSettings {
  /** Catalogue category names (case-insensitive) -> category codes, from the adapter options. */
  categoryCodes: ReadonlyMap<string, string>;
  couriers: string;
  insurance: Insurance;
}

export type RowResult = { ok: true; row: BulkRow } | { ok: false; error: ChangeError };

const DIGITS = /^\d+$/;

/** A numeric category code for the row, or undefined: resolved id, then the cell, then the map. */
export function categoryCodeOf(source: BulkSource, codes: ReadonlyMap<string, string>): string | undefined {
  if (DIGITS.test(source.categoryId)) return source.categoryId;
  const cell = (source.category ?? "").trim();
  if (DIGITS.test(cell)) return cell;
  return codes.get(foldName(cell));
}

export const foldName = (name: string): string => name.trim().replace(/\s+/g, " ").toLowerCase();

export function toBulkRow(source: BulkSource, status: ProductStatus, settings: RowSettings): RowResult {
  const code = categoryCodeOf(source, settings.categoryCodes);
  if (code === undefined) {
    const cell = source.category || source.categoryId;
    return fail(
      "CATEGORY_CODE_REQUIRED",
      cell
        ? `Kode Kategori must be a Tokopedia category code (a number); "${cell}" is not. Put the code in the catalogue, or map the name in the marketplace block's "categories".`
        : "Kode Kategori is required: put a Tokopedia category code in the catalogue's category column.",
    );
  }
  // NOTE: Layout B marks the description required (`Deskripsi Produk*`); catalogue rules do not.
  if (source.description.trim() === "") {
    return fail("DESCRIPTION_REQUIRED", "Deskripsi Produk is required in the bulk-upload template: write a description.");
  }
  const images = source.images.slice(0, 5);
  const row: BulkRow = {
    error: null,
    name: source.name,
    description: source.description,
    categoryCode: Number(code),
    weight: Math.round(source.weight),
    minOrder: source.min_order,
    // Only an etalase code fits "Nomor Etalase"; a name is left out (the product then goes to the
    // default etalase, as the template documents) rather than making Seller Center reject the row.
    etalase: DIGITS.test(source.etalase) ? Number(source.etalase) : null,
    preorderDays: null,
    condition: CONDITION_WORDS[source.condition],
    image1: images[0] ?? null,
    image2: images[1] ?? null,
    image3: images[2] ?? null,
    image4: images[3] ?? null,
    image5: images[4] ?? null,
    sku: source.sku,
    status: STATUS_WORDS[status],
    stock: source.stock,
    price: source.price,
    couriers: settings.couriers === "" ? null : settings.couriers,
    insurance: settings.insurance,
  };
  return { ok: true, row };
}

const fail = (code: string, message: string): RowResult => ({ ok: false, error: { code, message, retryable: false } });
