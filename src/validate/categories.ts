// Issue 12.4: validate checks category cells against the target's tree when it is known offline
// (practice shop built in, a connected shop's cache), with the same resolution and issues as sync.
import type { Category } from "../adapters/types.js";
import type { CatalogProduct, CatalogResult, Product } from "../catalog/types.js";
import { sortIssues } from "../report/counts.js";
import { resolveDesired } from "../sync/desired.js";

/** What the category check needs from a product at `line` (keeps memory flat on big files). */
export function slimProduct(p: Product, line: number, sheet: string | undefined): CatalogProduct {
  const slim: CatalogProduct = {
    sku: p.sku,
    name: "",
    description: "",
    price: 0,
    stock: 0,
    weight: 0,
    category: p.category,
    condition: p.condition,
    status: p.status,
    min_order: 1,
    etalase: "",
    images: [],
    line,
  };
  if (sheet !== undefined) slim.sheet = sheet;
  return slim;
}

export function withCategoryIssues(
  result: CatalogResult,
  products: readonly CatalogProduct[],
  categories: readonly Category[],
  defaultCategory: string | undefined,
): CatalogResult {
  const desired = resolveDesired({
    file: result.file,
    products,
    categories,
    ...(result.columns ? { columns: result.columns } : {}),
    ...(defaultCategory !== undefined ? { defaultCategory } : {}),
  });
  // NOTE: an empty cell is not checked offline: sync may fill it (--default-category) and says so.
  desired.issues = desired.issues.filter((i) => i.code !== "CATEGORY_MISSING");
  desired.invalidSkus = desired.invalidSkus.filter((sku) => desired.issues.some((i) => i.args?.sku === sku));
  if (desired.issues.length === 0) return result;
  const bad = new Set(desired.invalidSkus);
  return {
    ...result,
    valid: false,
    issues: sortIssues([...result.issues, ...desired.issues]),
    products: result.products.filter((p) => !bad.has(p.sku)),
    invalidSkus: [...result.invalidSkus, ...desired.invalidSkus],
  };
}
