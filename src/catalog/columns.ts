// Header row -> which column holds which canonical field.
import type { RawCell } from "./source.js";
import { cellText } from "./cell.js";
import { CANONICAL_HEADER, fieldByWords, headerKey, lookupHeader, type Field } from "./header-aliases.js";
import type { PriceUnit } from "./money.js";
import type { WeightUnit } from "./weight.js";
import { suggestHeader } from "./suggest.js";
import { addVariantColumn, adoptRowTypeColumns, emptyVariantColumns, isShopeeEnglishGroup, lookupTemplateVariantHeader, lookupVariantHeader, type VariantColumns } from "./variant-columns.js";
import { addExtraColumn, emptyExtraColumns, lookupExtraHeader, type ExtraColumns } from "./extra-columns.js";

/** Fields a marketplace listing cannot do without; a header row must map all of them. */
export const REQUIRED_FIELDS = ["sku", "name", "price", "stock", "weight", "images"] as const satisfies readonly Field[];

export interface ColumnSpec {
  index: number;
  /** The header text as written (issue `column`). */
  header: string;
  field: Field;
  unit?: WeightUnit | PriceUnit;
}

export interface HeaderMap {
  /** First column per field (image columns: see `images`). */
  byField: Partial<Record<Field, ColumnSpec>>;
  /** Every image column, in order (`foto 1` .. `foto 5`, or one `foto` column). */
  images: ColumnSpec[];
  unknown: { index: number; header: string; suggestion?: string }[];
  /** A second column for a field (or a v2 role: `field` is then the role, e.g. `parent`). */
  duplicates: { spec: { index: number; header: string; field: string }; first: { index: number; header: string } }[];
  /** Catalogue v2 variant columns (group/parent code, options, variant photo). */
  variants: VariantColumns;
  /** Catalogue v2 brand, certificate, attribute and per-marketplace columns (extra-columns.ts). */
  extras: ExtraColumns;
  missing: Field[];
  /** A missing field's likely column among the unknown ones (`Sisa Stok` for stock); see `findCandidates`. */
  candidates: Partial<Record<Field, { index: number; header: string; suggestion: string }>>;
  width: number;
}

export function mapHeader(cells: readonly RawCell[]): HeaderMap {
  const map: HeaderMap = { byField: {}, images: [], unknown: [], duplicates: [], missing: [], candidates: {}, width: cells.length, variants: emptyVariantColumns(), extras: emptyExtraColumns() };
  cells.forEach((cell, index) => {
    const header = cellText(cell).trim();
    if (header === "") return;
    // NOTE: before the v1 aliases, so `Harga (Shopee)` is Shopee's price, not a second price column.
    const extra = lookupExtraHeader(header);
    if (extra) {
      const first = addExtraColumn(map.extras, extra, { index, header });
      if (first) map.duplicates.push({ spec: { index, header, field: extra.kind === "certificate" ? extra.certificate : extra.kind }, first });
      return;
    }
    const alias = lookupTemplateVariantHeader(header) ? undefined : lookupHeader(header);
    if (!alias) {
      const variant = lookupVariantHeader(header);
      if (variant) {
        const first = addVariantColumn(map.variants, variant, { index, header });
        if (first) map.duplicates.push({ spec: { index, header, field: variant.kind }, first });
        return;
      }
      const suggestion = suggestHeader(header);
      map.unknown.push(suggestion === undefined ? { index, header } : { index, header, suggestion });
      return;
    }
    const spec: ColumnSpec = alias.unit === undefined ? { index, header, field: alias.field } : { index, header, field: alias.field, unit: alias.unit };
    if (alias.field === "images") map.images.push(spec);
    const first = map.byField[alias.field];
    if (first === undefined) map.byField[alias.field] = spec;
    else if (alias.field !== "images") map.duplicates.push({ spec, first });
  });
  map.missing = REQUIRED_FIELDS.filter((field) => map.byField[field] === undefined);
  adoptRowTypeColumns(map.variants, map.unknown);
  // NOTE: Shopee's English mass upload asks for `Weight` in kg ("0.00 to 1000000.00", as its API
  // takes kg); its `Variation Integration No.` column tells that template from a sheet whose bare
  // `Weight` is grams.
  const weight = map.byField.weight;
  if (weight && weight.unit === undefined && headerKey(weight.header) === "weight" && isShopeeEnglishGroup(map.variants.group)) weight.unit = "kg";
  return map;
}

/**
 * For each missing field, the first unknown header that is probably it: its "did you mean" already
 * names that field, or one of the field's aliases is a word of it (`Sisa Stok`, `Berat Satuan`).
 * That unknown header's suggestion becomes the field's canonical header. Call once `missing` is final.
 */
export function findCandidates(map: HeaderMap): void {
  const taken = new Set<number>();
  for (const field of map.missing) {
    const free = map.unknown.filter((u) => !taken.has(u.index));
    const typo = free.find((u) => u.suggestion !== undefined && lookupHeader(u.suggestion)?.field === field);
    // NOTE: a header holding words of two missing fields goes to the one it names best.
    const worded = free.find((u) => fieldByWords(u.header, [field]) === field && fieldByWords(u.header, map.missing) === field);
    const unknown = typo ?? worded;
    if (!unknown) continue;
    const suggestion = typo?.suggestion ?? CANONICAL_HEADER[field];
    unknown.suggestion = suggestion;
    taken.add(unknown.index);
    map.candidates[field] = { index: unknown.index, header: unknown.header, suggestion };
  }
}

/** How header-like a row is: mapped required fields first, then any mapped field. */
export const headerScore = (map: HeaderMap): number =>
  (REQUIRED_FIELDS.length - map.missing.length) * 100 + Object.keys(map.byField).length;
