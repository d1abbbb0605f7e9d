// The adapter's plan-time checks (MarketplaceAdapter.checkProducts) as located catalogue issues:
// each problem at its row, in the column of its field (or named after the attribute it needs).
import type { MarketplaceAdapter, ProductProblem } from "../adapters/types.js";
import { columnLetter } from "../catalog/source.js";
import type { CatalogResult } from "../catalog/types.js";
import type { Issue } from "../issues.js";
import type { DesiredProduct } from "../plan/types.js";

export function locateProblems(file: string, problems: readonly ProductProblem[], products: readonly DesiredProduct[], columns: CatalogResult["columns"]): { issues: Issue[]; invalidSkus: string[] } {
  const bySku = new Map(products.map((p) => [p.sku, p]));
  const issues: Issue[] = [];
  const invalid = new Set<string>();
  for (const problem of problems) {
    const product = bySku.get(problem.sku);
    if (!product) continue;
    const mapped = problem.field ? columns?.[problem.field] : undefined;
    const column = problem.attribute ?? mapped?.header ?? problem.field ?? "";
    issues.push({
      code: problem.code,
      severity: "error",
      file,
      line: product.line,
      column,
      ...(product.sheet !== undefined ? { sheet: product.sheet } : {}),
      ...(product.sheet !== undefined && mapped ? { cell: `${columnLetter(mapped.index)}${product.line}` } : {}),
      ...(problem.value !== undefined ? { value: problem.value } : {}),
      args: { ...problem.args, sku: problem.sku, ...(problem.field ? { field: problem.field } : {}) },
    });
    invalid.add(problem.sku);
  }
  return { issues, invalidSkus: [...invalid] };
}

/** Runs the adapter's checks on the resolved products; rows with problems leave `products`. */
export async function withAdapterChecks<T extends { products: DesiredProduct[]; issues: Issue[]; invalidSkus: string[] }>(
  adapter: MarketplaceAdapter,
  file: string,
  resolved: T,
  columns: CatalogResult["columns"],
): Promise<T> {
  if (!adapter.checkProducts || resolved.products.length === 0) return resolved;
  const located = locateProblems(file, await adapter.checkProducts(resolved.products), resolved.products, columns);
  if (located.issues.length === 0) return resolved;
  const bad = new Set(located.invalidSkus);
  return { ...resolved, products: resolved.products.filter((p) => !bad.has(p.sku)), issues: [...resolved.issues, ...located.issues], invalidSkus: [...resolved.invalidSkus, ...located.invalidSkus] };
}
