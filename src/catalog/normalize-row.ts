// One data row -> a normalized Product, or the reasons it cannot be one. Pure.
import type { IssueCode } from "../issues.js";
import type { MarketplaceRules } from "../rules.js";
import type { RawCell } from "./source.js";
import type { Product } from "./types.js";
import type { ColumnSpec, HeaderMap } from "./columns.js";
import type { IssueArgs } from "./issue.js";
import { cellText, isBlankCell } from "./cell.js";
import { parseCondition, parseStatus } from "./enums.js";
import { formulaStart } from "./formula.js";
import { imageRefProblem, splitImageCell } from "./images.js";
import { parsePrice, type PriceUnit } from "./money.js";
import { parseSku, skuText } from "./sku.js";
import { parseCount } from "./stock.js";
import { cleanLine, cleanMultiline, countChars, hasHtml, scriptMarker, unguard } from "./text.js";
import { parseWeight, type WeightUnit } from "./weight.js";
import { looksLikeDate, shownDate } from "./date-like.js";
import { readExtraCells } from "./extra-cells.js";
import { hasExtraColumns } from "./extra-columns.js";
import { severityOf } from "./issue.js";
import { isExampleRow } from "./example-row.js";
import { fitTitle } from "./title-fit.js";
import { MARKETPLACE_NAMES } from "./marketplace-names.js";

/** Where a finding goes; the pipeline adds file, line, sheet and cell. */
export type ReportCell = (code: IssueCode, column: ColumnSpec | undefined, value?: string, args?: IssueArgs) => void;

export interface NormalizedRow {
  /** Present when the row had no errors of its own. */
  product?: Product;
  /** The SKU cell text when readable, valid or not (for invalidSkus and duplicate checks). */
  sku?: string;
  /** The cleaned name, when present (for the duplicate-name rule). */
  name?: string;
}

const CATEGORY_CODE = /^\d+$/;

export interface NormalizeRowOptions {
  /**
   * A variant row after its product's first row (issue 14): product-level cells (name,
   * description, photos) and the weight may be left empty there; they come from the first row.
   */
  continuation?: boolean;
  /**
   * A parent row that is not itself a variant (WooCommerce's `variable` row): price and stock are
   * its variation rows', so they may be empty here.
   */
  parentRow?: boolean;
}

export function normalizeRow(cells: readonly RawCell[], header: HeaderMap, rules: MarketplaceRules, report: ReportCell, opts: NormalizeRowOptions = {}): NormalizedRow {
  const continuation = opts.continuation === true;
  const parentRow = opts.parentRow === true;
  let hasError = false;
  const fail: ReportCell = (code, column, value, args) => {
    if (code !== "HTML_IN_DESCRIPTION") hasError = true;
    report(code, column, value, args);
  };
  const col = header.byField;
  const cellOf = (spec: ColumnSpec | undefined): RawCell => (spec === undefined ? null : (cells[spec.index] ?? null));
  /** A required cell that is empty: one REQUIRED_VALUE_MISSING (a missing column was reported once). */
  const present = (spec: ColumnSpec | undefined, inheritable = false, fromVariants = false): spec is ColumnSpec => {
    if (spec === undefined) return false;
    if (!isBlankCell(cellOf(spec))) return true;
    if ((inheritable && continuation) || (fromVariants && parentRow)) return false;
    fail("REQUIRED_VALUE_MISSING", spec, undefined, { field: spec.field });
    return false;
  };
  const raw = (spec: ColumnSpec): string => cellText(cellOf(spec));
  /** Cleaned text a spreadsheet would run (`=HYPERLINK(...)`): an error, located at the cell. */
  const checkFormula = (spec: ColumnSpec, text: string): void => {
    const start = formulaStart(text);
    if (start !== undefined) fail("FORMULA_IN_CELL", spec, raw(spec), { field: spec.field, start });
  };
  /** A script tag, javascript: link or event handler: an error (plain HTML is only a warning). */
  const checkScript = (spec: ColumnSpec, text: string): void => {
    const found = scriptMarker(text);
    if (found !== undefined) fail("SCRIPT_IN_TEXT", spec, raw(spec), { field: spec.field, found });
  };

  let sku = "";
  const skuCell = skuText(cellOf(col.sku));
  if (present(col.sku)) {
    const r = parseSku(cellOf(col.sku), rules.skuMaxLength);
    if (r.ok) sku = r.value;
    else if (r.code === "INVALID_SKU") fail(r.code, col.sku, r.value, r.args);
  }

  let name = "";
  if (present(col.name, true)) {
    name = cleanLine(raw(col.name));
    const length = countChars(name);
    if (name === "") fail("REQUIRED_VALUE_MISSING", col.name, raw(col.name), { field: "name" });
    // NOTE: a row that gives this marketplace its own title (`Nama Produk (Tokopedia)`) is held to that one instead.
    else if (length > rules.nameMaxLength && !hasOwnTitle(cells, header, rules)) fail("NAME_TOO_LONG", col.name, raw(col.name), { length, max: rules.nameMaxLength, ...suggested(name, rules) });
    checkFormula(col.name, name);
    checkScript(col.name, name);
  }

  let description = "";
  if (col.description) {
    description = cleanMultiline(raw(col.description));
    const length = countChars(description);
    if (length > rules.descriptionMaxLength) {
      fail("DESCRIPTION_TOO_LONG", col.description, raw(col.description), { length, max: rules.descriptionMaxLength });
    }
    // Issue 12.15: a script is SCRIPT_IN_TEXT only, never also "HTML (such as <b>)".
    if (scriptMarker(description) === undefined && hasHtml(description)) report("HTML_IN_DESCRIPTION", col.description, raw(col.description));
    checkFormula(col.description, description);
    checkScript(col.description, description);
    if (rules.descriptionRequired && description === "" && !continuation) fail("REQUIRED_VALUE_MISSING", col.description, raw(col.description) || undefined, { field: "description" });
  }

  let price = 0;
  if (present(col.price, false, true)) {
    const cell = cellOf(col.price);
    const r = typeof cell === "number" || typeof cell === "string" ? parsePrice(cell, col.price.unit as PriceUnit | undefined) : null;
    if (r === null) fail("INVALID_PRICE", col.price, raw(col.price), { reason: "format" });
    else if (!r.ok) fail(r.code, col.price, raw(col.price), { field: "price", ...r.args });
    else if (r.value < rules.priceMin || r.value > rules.priceMax) {
      fail("PRICE_OUT_OF_RANGE", col.price, raw(col.price), { min: rules.priceMin, max: rules.priceMax, price: r.value });
    } else price = r.value;
  }

  let stock = 0;
  if (present(col.stock, false, true)) {
    const cell = cellOf(col.stock);
    const r = typeof cell === "number" || typeof cell === "string" ? parseCount(cell) : { ok: false as const, ambiguous: false };
    if (!r.ok) fail(r.ambiguous ? "AMBIGUOUS_NUMBER" : "INVALID_STOCK", col.stock, raw(col.stock), { field: "stock" });
    else if (r.value < rules.stockMin || r.value > rules.stockMax) {
      fail("STOCK_OUT_OF_RANGE", col.stock, raw(col.stock), { min: rules.stockMin, max: rules.stockMax });
    } else stock = r.value;
  }

  let weight = 0;
  if (present(col.weight, true)) {
    const cell = cellOf(col.weight);
    // Issue 12.15: Excel turns `1-5` or `1/5` typed in a weight cell into a date.
    const date = cell instanceof Date ? shownDate(cell) : typeof cell === "string" && looksLikeDate(cell) ? cell.trim() : undefined;
    const r = date !== undefined ? null : typeof cell === "number" || typeof cell === "string" ? parseWeight(cell, col.weight.unit as WeightUnit | undefined) : null;
    if (date !== undefined) fail("WEIGHT_IS_DATE", col.weight, raw(col.weight), { date });
    else if (r === null) fail("INVALID_WEIGHT", col.weight, raw(col.weight), { reason: "format" });
    else if (!r.ok) fail(r.code, col.weight, raw(col.weight), { field: "weight", ...r.args });
    else if (r.value < rules.weightMinGrams || r.value > rules.weightMaxGrams) {
      fail("WEIGHT_OUT_OF_RANGE", col.weight, raw(col.weight), { min: rules.weightMinGrams, max: rules.weightMaxGrams, grams: r.value });
    } else weight = r.value;
  }

  const category = col.category ? cleanLine(raw(col.category)) : "";
  if (col.category) {
    checkFormula(col.category, category);
    // A file export cannot look a name up: only a numeric code works there (see MarketplaceRules).
    if (rules.categoryCodesOnly && category !== "" && !CATEGORY_CODE.test(category) && formulaStart(category) === undefined) {
      fail("CATEGORY_NOT_FOUND", col.category, raw(col.category), { need: "code" });
    }
  }
  const etalase = col.etalase ? cleanLine(raw(col.etalase)) : "";
  if (col.etalase) checkFormula(col.etalase, etalase);

  const condition = col.condition ? parseCondition(raw(col.condition)) : "NEW";
  if (condition === undefined) fail("INVALID_CONDITION", col.condition, raw(col.condition!));

  const statusCell = cellOf(col.status);
  const status = col.status ? parseStatus(statusCell instanceof Date || statusCell === null ? raw(col.status) : statusCell) : "active";
  if (status === undefined) fail("INVALID_STATUS", col.status, raw(col.status!));

  let minOrder = 1;
  if (col.min_order && !isBlankCell(cellOf(col.min_order))) {
    const cell = cellOf(col.min_order);
    const r = typeof cell === "number" || typeof cell === "string" ? parseCount(cell) : { ok: false as const, ambiguous: false };
    if (!r.ok) fail(r.ambiguous ? "AMBIGUOUS_NUMBER" : "INVALID_MIN_ORDER", col.min_order, raw(col.min_order), { field: "min_order" });
    else if (r.value < rules.minOrderMin || r.value > rules.minOrderMax) {
      fail("INVALID_MIN_ORDER", col.min_order, raw(col.min_order), { min: rules.minOrderMin, max: rules.minOrderMax });
    } else minOrder = r.value;
  }

  const images = readImages(cells, header.images, continuation ? { ...rules, imagesMin: 0 } : rules, fail);

  // Catalogue v2 extras (brand, attributes, certificates, per-marketplace columns): absent columns cost nothing.
  const extras = hasExtraColumns(header.extras)
    ? readExtraCells(cells, header.extras, { category, continuation, example: isExampleRow({ sku, images }), ...(col.category ? { categoryColumn: col.category } : {}) }, (code, column, value, args) =>
        severityOf(code) === "error" ? fail(code, column as ColumnSpec | undefined, value, args) : report(code, column as ColumnSpec | undefined, value, args),
      )
    : undefined;

  const out: NormalizedRow = {};
  if (skuCell !== "") out.sku = skuCell;
  if (name !== "") out.name = name;
  if (!hasError && condition !== undefined && status !== undefined) {
    out.product = { sku, name, description, price, stock, weight, category, condition, status, min_order: minOrder, etalase, images };
    if (extras) Object.assign(out.product, extras);
  }
  return out;
}

/** The row fills in a title column for the marketplace the rules are for. */
const hasOwnTitle = (cells: readonly RawCell[], header: HeaderMap, rules: MarketplaceRules): boolean =>
  rules.family !== undefined && header.extras.overrides.some((o) => o.field === "name" && o.key === rules.family && !isBlankCell(cells[o.index] ?? null));

/** The fix NAME_TOO_LONG offers: the title cut at a word within the limit, and this marketplace's own title column. */
const suggested = (title: string, rules: MarketplaceRules): { suggestion?: string; ownColumn?: string } => {
  const fit = fitTitle(title, rules.nameMaxLength);
  const own = rules.family === undefined ? undefined : `Nama Produk (${MARKETPLACE_NAMES[rules.family]?.[0] ?? rules.family})`;
  return { ...(fit === undefined ? {} : { suggestion: fit }), ...(own === undefined ? {} : { ownColumn: own }) };
};

function readImages(cells: readonly RawCell[], columns: ColumnSpec[], rules: MarketplaceRules, fail: ReportCell): string[] {
  if (columns.length === 0) return [];
  const images: string[] = [];
  let tokens = 0;
  for (const spec of columns) {
    for (const token of splitImageCell(unguard(cellText(cells[spec.index] ?? null).trimStart()))) {
      tokens++;
      const problem = imageRefProblem(token);
      if (problem === undefined) images.push(token);
      else fail(problem, spec, token);
    }
  }
  if (tokens === 0 && rules.imagesMin > 0) fail("NO_IMAGES", columns[0], undefined, { min: rules.imagesMin });
  if (images.length > rules.imagesMax) fail("TOO_MANY_IMAGES", columns[0], undefined, { count: images.length, max: rules.imagesMax });
  return images;
}
