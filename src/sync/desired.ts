// Catalogue rows -> desired products: each row's category cell resolved to a marketplace id. Pure.
import type { Category } from "../adapters/types.js";
import { columnLetter } from "../catalog/source.js";
import type { CatalogProduct, CatalogResult } from "../catalog/types.js";
import { normalizeCategoryName, resolveCategory } from "../categories/resolve.js";
import type { Issue } from "../issues.js";
import type { DesiredProduct } from "../plan/types.js";

export interface ResolveDesiredInput {
  /** The catalogue file as the user named it (issues carry it). */
  file: string;
  products: readonly CatalogProduct[];
  /** The marketplace's categories, when the adapter can list them. */
  categories?: readonly Category[];
  /** For rows whose category cell is empty: --default-category, else the group's/config's. */
  defaultCategory?: string;
  /** The catalogue's column map (CatalogResult.columns): names the category column as written. */
  columns?: CatalogResult["columns"];
  /**
   * categories.json for this marketplace (normalized category name -> leaf id): a pinned choice
   * wins over resolving the name in the tree (trees differ per marketplace).
   */
  mapped?: ReadonlyMap<string, string>;
}

export interface ResolveDesiredResult {
  products: DesiredProduct[];
  /** CATEGORY_MISSING / CATEGORY_NOT_FOUND / CATEGORY_AMBIGUOUS, located at the row's category cell. */
  issues: Issue[];
  /** SKUs of rows that could not be resolved (to be refused or skipped like other invalid rows). */
  invalidSkus: string[];
}

const CATEGORY_COLUMN = "category";

export function resolveDesired(input: ResolveDesiredInput): ResolveDesiredResult {
  const products: DesiredProduct[] = [];
  const issues: Issue[] = [];
  const invalidSkus: string[] = [];
  const cache = new Map<string, Issue | string>();
  const categoryColumn = input.columns?.category;

  for (const product of input.products) {
    const cell = product.category.trim() || (input.defaultCategory ?? "").trim();
    const where = {
      file: input.file,
      line: product.line,
      column: categoryColumn?.header ?? CATEGORY_COLUMN,
      ...(product.sheet !== undefined ? { sheet: product.sheet } : {}),
      ...(product.sheet !== undefined && categoryColumn ? { cell: `${columnLetter(categoryColumn.index)}${product.line}` } : {}),
    };
    if (cell === "") {
      issues.push({ code: "CATEGORY_MISSING", severity: "error", ...where, args: { sku: product.sku } });
      invalidSkus.push(product.sku);
      continue;
    }
    let resolved = cache.get(cell);
    if (resolved === undefined) {
      // A pinned id is still checked against the tree when there is one (a leaf that was removed).
      resolved = resolveCell(input.mapped?.get(normalizeCategoryName(cell)) ?? cell, input.categories);
      cache.set(cell, resolved);
    }
    if (typeof resolved === "string") products.push({ ...product, categoryId: resolved });
    else {
      issues.push({ ...resolved, ...where, value: cell, args: { ...resolved.args, sku: product.sku } });
      invalidSkus.push(product.sku);
    }
  }
  return { products, issues, invalidSkus };
}

/** The category id, or an issue without location (the caller adds the row's). */
function resolveCell(cell: string, categories: readonly Category[] | undefined): string | Issue {
  if (!categories) {
    // NOTE: without a category tree only an id can be used; names need `desbumi categories`.
    if (/^\d+$/.test(cell)) return cell;
    return { code: "CATEGORY_NOT_FOUND", severity: "error", file: "", args: { candidates: "" } };
  }
  const result = resolveCategory(cell, categories);
  if (result.ok) return result.id;
  const candidates = result.candidates.map((c) => `${c.path.join(" > ")} (${c.id})`).join("; ");
  return { code: result.code, severity: "error", file: "", args: { candidates } };
}
