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
import { columnLetter } from "./source.js";
import type { CatalogProduct, Product, Variant } from "./types.js";
import type { VariantCells } from "./variant-cells.js";

/** Fields of the product as a whole: from the first row; a later row may repeat them, not change them. */
export const PRODUCT_LEVEL_FIELDS = ["name", "description", "category", "condition", "min_order", "etalase", "images"] as const satisfies readonly (keyof Product)[];
type ProductLevelField = (typeof PRODUCT_LEVEL_FIELDS)[number];

export interface GroupRow {
  row: ReadRow;
  cells: VariantCells;
  given: ProductLevelField[];
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

export function buildVariantProduct(rows: readonly GroupRow[], header: HeaderMap, { rules, sink, sheet }: BuildOptions): Built {
  const first = rows[0]!;
  const skus = [...new Set([first.cells.parent, ...rows.map((r) => r.row.sku ?? "")].filter((s) => s !== ""))];
  let ok = rows.every((r) => !r.row.hasError && r.row.product !== undefined) && header.missing.length === 0;
  const fail = (code: IssueCode, line: number, column: CellColumn | undefined, value?: string, args?: IssueArgs): void => {
    ok = false;
    sink.push(code, line, column, value, args);
  };

  checkProductFields(rows, header, fail);
  const parent = checkParent(rows, header, fail);
  const names = optionNames(rows);
  checkOptions(rows, names, fail);
  checkLimits(rows, names, rules, fail);
  const base = first.row.product;
  if (!ok || !base) return { skus };

  const variants: Variant[] = rows.map(({ row, cells }) => {
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
      status: p.status,
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
  if (!ok) return { skus };
  const product: CatalogProduct = {
    ...base,
    sku: parent !== "" ? parent : variants[0]!.sku,
    price: variants[0]!.price,
    stock: variants.reduce((sum, v) => sum + v.stock, 0),
    status: variants.some((v) => v.status === "active") ? "active" : "inactive",
    variants,
    line: first.row.line,
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

type Fail = (code: IssueCode, line: number, column: CellColumn | undefined, value?: string, args?: IssueArgs) => void;

const sameValue = (a: unknown, b: unknown): boolean => (Array.isArray(a) && Array.isArray(b) ? a.join("\n") === b.join("\n") : a === b);
const shown = (v: unknown): string => (Array.isArray(v) ? v.join(" ") : String(v));

/**
 * A later row's own photo, when the sheet has no variant photo column: people put the flavour's or
 * colour's picture in the row's photo cell (`Foto` of the "Pedas" row). One photo there, other than
 * the product's, is that variant's photo; several are still a conflict with the first row.
 */
function ownPhoto(row: ReadRow, base: Product, header: HeaderMap): string[] {
  const p = row.product;
  if (header.variants.photo || !p || p === base || p.images.length !== 1 || sameValue(base.images, p.images)) return [];
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
      if (field === "images" && ownPhoto(row, base, header).length > 0) continue;
      const a = field === "name" ? base.name.toLowerCase() : base[field];
      const b = field === "name" ? p.name.toLowerCase() : p[field];
      if (sameValue(a, b)) continue;
      const column = field === "images" ? header.images[0] : header.byField[field];
      fail("VARIANT_FIELD_CONFLICT", row.line, column, shown(p[field]), { field, first: rows[0]!.row.line, expected: shown(base[field]).slice(0, 80) });
    }
  }
}

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

/** Option names of the group in order of first appearance; a pair's name is written once (first row) or on every row. */
function optionNames(rows: readonly GroupRow[]): string[] {
  const names: string[] = [];
  for (const { cells } of rows) {
    for (const o of cells.options) {
      const name = o.pair !== undefined && o.name === "" ? pairName(rows, o.pair) : o.name;
      if (name !== "" && (o.value !== "" || o.pair !== undefined) && !names.includes(name)) {
        if (o.pair === undefined && !rows.some((r) => r.cells.options.some((x) => x.name === name && x.value !== ""))) continue;
        names.push(name);
      }
    }
  }
  return names;
}

/** The name written for option pair `n` in the group (its first non-empty name cell). */
const pairName = (rows: readonly GroupRow[], n: number): string => {
  for (const { cells } of rows) for (const o of cells.options) if (o.pair === n && o.name !== "") return o.name;
  return "";
};

function optionValue(cells: VariantCells, name: string, _names: readonly string[], rows: readonly GroupRow[]): string | undefined {
  for (const o of cells.options) {
    const oName = o.pair !== undefined && o.name === "" ? pairName(rows, o.pair) : o.name;
    if (oName === name) return o.value;
  }
  return undefined;
}

function checkOptions(rows: readonly GroupRow[], names: readonly string[], fail: Fail): void {
  const combos = new Map<string, number[]>();
  for (const { row, cells } of rows) {
    for (const o of cells.options) {
      // A value without any name for its pair: the option cannot be named.
      if (o.pair !== undefined && o.value !== "" && pairName(rows, o.pair) === "") {
        fail("VARIANT_OPTION_NAME_MISSING", row.line, o.nameColumn ?? o.column, o.value, { pair: o.pair });
      }
    }
    for (const name of names) {
      const option = cells.options.find((o) => (o.pair !== undefined && o.name === "" ? pairName(rows, o.pair) : o.name) === name);
      const value = option?.value ?? "";
      if (value !== "") continue;
      const column = option?.column;
      // A pair whose name is given on this row but not its value: an empty value; otherwise the row lacks an option the others have.
      if (option && option.pair !== undefined && option.name !== "") fail("VARIANT_OPTION_EMPTY", row.line, column, undefined, { option: name });
      else fail("VARIANT_OPTION_MISSING", row.line, column, undefined, { option: name, others: names.join(", ") });
    }
    const key = names.map((n) => (optionValue(cells, n, names, rows) ?? "").toLowerCase()).join("\u0000");
    const lines = combos.get(key);
    if (lines) lines.push(row.line);
    else combos.set(key, [row.line]);
  }
  for (const [key, lines] of combos) {
    if (lines.length < 2) continue;
    const values = key.split("\u0000");
    const combination = names.map((n, i) => `${n}=${values[i]}`).join(", ");
    const row = rows.find((r) => r.row.line === lines[0])!;
    const column = row.cells.options.find((o) => o.value !== "")?.column;
    for (const line of lines) fail("VARIANT_DUPLICATE_OPTIONS", line, column, combination, { lines: lines.join(", "), count: lines.length });
  }
}

function checkLimits(rows: readonly GroupRow[], names: readonly string[], rules: MarketplaceRules, fail: Fail): void {
  const first = rows[0]!;
  const maxTypes = rules.maxOptionTypes ?? 0;
  const maxVariants = rules.maxVariants ?? 0;
  if (maxTypes <= 0 || maxVariants <= 0) {
    fail("VARIANTS_NOT_SUPPORTED", first.row.line, undefined, undefined, { count: rows.length, ...(rules.family ? { marketplace: rules.family } : {}) });
    return;
  }
  if (names.length > maxTypes) {
    const extra = first.cells.options.find((o) => o.name === names[maxTypes])?.column;
    fail("TOO_MANY_OPTION_TYPES", first.row.line, extra, names.join(", "), { count: names.length, max: maxTypes });
  }
  if (rows.length > maxVariants) fail("TOO_MANY_VARIANTS", first.row.line, undefined, undefined, { count: rows.length, max: maxVariants });
  checkOptionLengths(rows, rules, fail);
}

/** Option names and values longer than the marketplace takes: each reported once, at its first cell. */
function checkOptionLengths(rows: readonly GroupRow[], rules: MarketplaceRules, fail: Fail): void {
  const seen = new Set<string>();
  const check = (part: "name" | "value", text: string, max: number | undefined, line: number, column: CellColumn | undefined): void => {
    if (max === undefined || text === "" || seen.has(`${part}\u0000${text}`)) return;
    const length = [...text].length;
    if (length <= max) return;
    seen.add(`${part}\u0000${text}`);
    fail("VARIANT_OPTION_TOO_LONG", line, column, text, { part, length, max });
  };
  for (const { row, cells } of rows) {
    for (const o of cells.options) {
      check("name", o.name, rules.optionNameMaxLength, row.line, o.pair !== undefined ? (o.nameColumn ?? o.column) : o.column);
      check("value", o.value, rules.optionValueMaxLength, row.line, o.column);
    }
  }
}
