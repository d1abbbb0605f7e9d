// One group of variant rows -> one product with variants, or the located reasons it cannot be
// one: product-level cells that contradict the first row, missing, empty or duplicate options,
// and more option types or variants than the marketplace takes. Pure apart from the sink.
import type { IssueCode } from "../issues.js";
import type { MarketplaceRules } from "../rules.js";
import type { HeaderMap } from "./columns.js";
import { imageRefProblem } from "./images.js";
import type { IssueArgs } from "./issue.js";
import type { CellColumn, IssueSink } from "./issue-sink.js";
import type { ReadRow } from "./row-step.js";
import { headerKey } from "./header-aliases.js";
import { isBlankCell } from "./cell.js";
import { columnLetter, type RawRow } from "./source.js";
import type { CatalogProduct, Product, Variant } from "./types.js";
import { hasOptionValues, type VariantCells } from "./variant-cells.js";
import { checkLimits, checkOptions, optionNames, optionValue, type Fail } from "./variant-options.js";

/** Fields of the product as a whole: from the first row; a later row may repeat them, not change them. */
export const PRODUCT_LEVEL_FIELDS = ["name", "description", "category", "condition", "min_order", "etalase", "images"] as const satisfies readonly (keyof Product)[];
type ProductLevelField = (typeof PRODUCT_LEVEL_FIELDS)[number];

export interface GroupRow {
  row: ReadRow;
  cells: VariantCells;
  given: ProductLevelField[];
  /** The row fills in its status cell (else a variant takes its product's, from the first row). */
  statusGiven: boolean;
  /** A parent row that is no variant itself (WooCommerce `variable`): the product's own fields. */
  isParent?: true;
  /** The parent row's cells, to report what it lacks when no variant row joins it. */
  raw?: RawRow;
  /** A row that only adds photos to its product (Shopify `Handle` + `Image Src`): the tokens. */
  photoRow?: string[];
}

export interface BuildOptions {
  rules: MarketplaceRules;
  sink: IssueSink;
  sheet: string | undefined;
}

export interface Built {
  product?: CatalogProduct;
  /** Every SKU of the group (parent and variants): not to be touched by sync when the group is invalid. */
  skus: string[];
}

export function buildVariantProduct(group: readonly GroupRow[], header: HeaderMap, { rules, sink, sheet }: BuildOptions): Built {
  // NOTE: a parent row (WooCommerce `variable`) leads wherever it is in the file; photo-only rows
  // (Shopify) add photos; every other row is a variant.
  const parentRow = group.find((r) => r.isParent);
  const photoRows = group.filter((r) => r.photoRow !== undefined);
  const rows = group.filter((r) => !r.isParent && r.photoRow === undefined);
  const lead = parentRow ?? rows[0] ?? group[0]!;
  const skus = [...new Set([lead.cells.parent, ...group.map((r) => r.row.sku ?? "")].filter((s) => s !== ""))];
  let ok = [lead, ...rows].every((r) => !r.row.hasError && r.row.product !== undefined) && header.missing.length === 0;
  const fail = (code: IssueCode, line: number, column: CellColumn | undefined, value?: string, args?: IssueArgs): void => {
    ok = false;
    sink.push(code, line, column, value, args);
  };
  // One row without options and its photo rows (Shopify's single-variant product) is a single-SKU product.
  if (rows.length === 1 && !parentRow && !hasOptionValues(lead.cells)) {
    const own = lead.row.product;
    if (!ok || !own) return { skus };
    const product: CatalogProduct = { ...own, images: productImages(own, [lead], photoRows, header, rules, fail), line: lead.row.line };
    if (sheet !== undefined) product.sheet = sheet;
    return ok ? { product, skus } : { skus };
  }
  if (rows.length === 0) {
    // A parent row with its own price and stock and no variant row is a single-SKU product.
    if (!noVariantRows(lead, photoRows, header, fail) && ok && lead.row.product) {
      const product: CatalogProduct = { ...lead.row.product, images: productImages(lead.row.product, [lead], photoRows, header, rules, fail), line: lead.row.line };
      if (sheet !== undefined) product.sheet = sheet;
      return ok ? { product, skus } : { skus };
    }
    return { skus };
  }

  const ordered = parentRow ? [parentRow, ...rows] : rows;
  checkProductFields(ordered, header, fail);
  const parent = parentRow?.row.sku ?? checkParent(rows, header, fail);
  const names = optionNames(rows);
  checkOptions(rows, names, fail);
  checkLimits(rows, names, rules, fail);
  const base = lead.row.product;
  if (!ok || !base) return { skus };

  const variants: Variant[] = rows.map(({ row, cells, statusGiven }) => {
    const p = row.product!;
    const options: Record<string, string> = {};
    for (const name of names) options[name] = optionValue(cells, name, names, rows)!;
    const variant: Variant = {
      sku: p.sku,
      options,
      price: p.price,
      stock: p.stock,
      weight: p.weight > 0 ? p.weight : base.weight,
      images: cells.photo.length > 0 ? cells.photo.slice(0, 1) : ownPhoto(row, base, header),
      status: statusGiven || row === lead.row ? p.status : base.status,
      line: row.line,
    };
    const overrides = variantOverrides(p);
    if (overrides) variant.overrides = overrides;
    if (sheet !== undefined) {
      variant.sheet = sheet;
      const skuColumn = header.byField.sku;
      if (skuColumn) variant.cell = `${columnLetter(skuColumn.index)}${row.line}`;
    }
    return variant;
  });
  for (const { row, cells } of rows) {
    if (cells.photo.length > 1) fail("TOO_MANY_IMAGES", row.line, header.variants.photo, cells.photo.join(" "), { count: cells.photo.length, max: 1 });
    // Like product photos: a link, a path or a bare file name (src/photos checks local files).
    for (const token of cells.photo) {
      const problem = imageRefProblem(token);
      if (problem) fail(problem, row.line, header.variants.photo, token);
    }
  }
  const images = productImages(base, ordered, photoRows, header, rules, fail);
  if (!ok) return { skus };
  const product: CatalogProduct = {
    ...base,
    images,
    sku: parent !== "" ? parent : variants[0]!.sku,
    price: variants[0]!.price,
    stock: variants.reduce((sum, v) => sum + v.stock, 0),
    status: variants.some((v) => v.status === "active") ? "active" : "inactive",
    variants,
    line: lead.row.line,
  };
  if (sheet !== undefined) product.sheet = sheet;
  return { product, skus };
}

/** A variant row's own per-marketplace price and stock; the title stays the product's (first row). */
function variantOverrides(p: Product): Variant["overrides"] | undefined {
  const out: NonNullable<Variant["overrides"]> = {};
  for (const [key, o] of Object.entries(p.overrides ?? {})) {
    if (o.price !== undefined || o.stock !== undefined) out[key] = { ...(o.price !== undefined ? { price: o.price } : {}), ...(o.stock !== undefined ? { stock: o.stock } : {}) };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}


/**
 * Shopify's product CSV puts one product photo per row (`Image Src`, in `Image Position` order):
 * a later row's photo is the product's next photo, never a contradiction of the first row's.
 */
const isPhotoPerRow = (header: HeaderMap): boolean => header.images.length === 1 && headerKey(header.images[0]!.header) === "imagesrc";

/** The product's photos: the lead row's, then those photo-per-row layouts and photo-only rows add. */
function productImages(base: Product, rows: readonly GroupRow[], photoRows: readonly GroupRow[], header: HeaderMap, rules: MarketplaceRules, fail: Fail): string[] {
  const images = [...base.images];
  const add = (token: string, line: number): void => {
    const problem = imageRefProblem(token);
    if (problem) fail(problem, line, header.images[0], token);
    else if (!images.includes(token)) images.push(token);
  };
  if (isPhotoPerRow(header)) for (const { row } of rows.slice(1)) for (const token of row.product?.images ?? []) add(token, row.line);
  for (const { row, photoRow } of photoRows) for (const token of photoRow ?? []) add(token, row.line);
  const lead = rows[0]!.row.line;
  if (images.length > rules.imagesMax) fail("TOO_MANY_IMAGES", lead, header.images[0], undefined, { count: images.length, max: rules.imagesMax });
  return images;
}

/** A group without variant rows: what it lacks to be a product, said at its cells; whether anything was. */
function noVariantRows(lead: GroupRow, photoRows: readonly GroupRow[], header: HeaderMap, fail: Fail): boolean {
  let reported = false;
  if (lead.raw) {
    // A parent row no variant row joined: it lacks the price and stock a product needs.
    for (const field of ["price", "stock"] as const) {
      const spec = header.byField[field];
      if (spec && isBlankCell(lead.raw.cells[spec.index] ?? null)) {
        fail("REQUIRED_VALUE_MISSING", lead.row.line, spec, undefined, { field });
        reported = true;
      }
    }
    return reported;
  }
  // Photo rows whose product has no row of its own (a Shopify `Handle` with photos only).
  for (const { row } of photoRows) fail("REQUIRED_VALUE_MISSING", row.line, header.byField.sku, undefined, { field: "sku" });
  return true;
}

const sameValue = (a: unknown, b: unknown): boolean => (Array.isArray(a) && Array.isArray(b) ? a.join("\n") === b.join("\n") : a === b);
const shown = (v: unknown): string => (Array.isArray(v) ? v.join(" ") : String(v));

/**
 * A later row's own photo, when the sheet has no variant photo column: people put the flavour's or
 * colour's picture in the row's photo cell (`Foto` of the "Pedas" row). One photo there, other than
 * the product's, is that variant's photo; several are still a conflict with the first row.
 */
function ownPhoto(row: ReadRow, base: Product, header: HeaderMap): string[] {
  const p = row.product;
  if (header.variants.photo || isPhotoPerRow(header) || !p || p === base || p.images.length !== 1 || sameValue(base.images, p.images)) return [];
  return p.images.slice();
}

/** A later row's product-level cell that says something else than the first row's: located at that cell. */
function checkProductFields(rows: readonly GroupRow[], header: HeaderMap, fail: Fail): void {
  const base = rows[0]!.row.product;
  if (!base) return;
  for (const { row, given } of rows.slice(1)) {
    const p = row.product;
    if (!p) continue;
    for (const field of given) {
      if (field === "images" && (isPhotoPerRow(header) || ownPhoto(row, base, header).length > 0)) continue;
      if (field === "name" && isVariantName(base.name, p.name)) continue;
      const a = field === "name" ? base.name.toLowerCase() : base[field];
      const b = field === "name" ? p.name.toLowerCase() : p[field];
      if (sameValue(a, b)) continue;
      const column = field === "images" ? header.images[0] : header.byField[field];
      fail("VARIANT_FIELD_CONFLICT", row.line, column, shown(p[field]), { field, first: rows[0]!.row.line, expected: shown(base[field]).slice(0, 80) });
    }
  }
}

/**
 * A variant row's own name that is the product's name followed by its options (WooCommerce writes
 * `Kemeja Batik - Biru, M` on each variation row): the same product, not a contradiction.
 */
const isVariantName = (product: string, variant: string): boolean => variant.toLowerCase().startsWith(`${product.toLowerCase()} - `);

/** The product's code: the parent cell of its rows, which must agree where given. */
function checkParent(rows: readonly GroupRow[], header: HeaderMap, fail: Fail): string {
  let parent = "";
  let parentLine = 0;
  for (const { row, cells } of rows) {
    if (cells.parent === "") continue;
    if (parent === "") {
      parent = cells.parent;
      parentLine = row.line;
    } else if (cells.parent !== parent) {
      fail("VARIANT_FIELD_CONFLICT", row.line, header.variants.parent, cells.parent, { field: "parent", first: parentLine, expected: parent });
    }
  }
  return parent;
}
