// Issues predicted against the live shop at plan time, located at the row's cell like the
// reader's own (issue 12.6: unknown etalase; 12.12: names taken by other listings). Pure.
import { columnLetter } from "../catalog/source.js";
import type { CatalogResult, ProductField } from "../catalog/types.js";
import type { Issue } from "../issues.js";
import type { DesiredProduct } from "../plan/types.js";
import type { VariantMismatch } from "../plan/diff.js";
import type { EtalaseSubstitution } from "./etalase.js";

export interface Where {
  file: string;
  columns?: CatalogResult["columns"];
}

/** file, line, column (as written) and, for a sheet, the cell of `field` on the product's row. */
export function locate(where: Where, product: DesiredProduct, field: ProductField): Pick<Issue, "file" | "line" | "column" | "sheet" | "cell"> {
  const column = where.columns?.[field];
  return {
    file: where.file,
    line: product.line,
    column: column?.header ?? field,
    ...(product.sheet !== undefined ? { sheet: product.sheet } : {}),
    ...(product.sheet !== undefined && column ? { cell: `${columnLetter(column.index)}${product.line}` } : {}),
  };
}

export function unknownEtalaseIssues(
  substituted: EtalaseSubstitution,
  opts: Where & { known: readonly string[]; practice: boolean; group?: string },
): Issue[] {
  const unknown = new Map(substituted.unknown.flatMap(({ name, skus }) => skus.map((sku) => [sku, name] as const)));
  const known = opts.known.map((n) => `"${n}"`).join(", ");
  return substituted.products.flatMap((p): Issue[] => {
    const name = unknown.get(p.sku);
    if (name === undefined) return [];
    return [
      {
        code: "ETALASE_NOT_FOUND",
        // NOTE: the practice shop creates the etalase (as the facilitator would in Seller Center)
        // so practice runs go on; the warning says a real shop refuses the row until it exists.
        severity: opts.practice ? "warning" : "error",
        ...locate(opts, p, "etalase"),
        value: name,
        args: { sku: p.sku, ...(known ? { known } : {}), ...(opts.practice ? { practice: "yes" } : {}), ...(opts.group ? { group: opts.group } : {}) },
      },
    ];
  });
}

/**
 * A row and its listing that disagree on having variants (diffCatalog's variantMismatches):
 * LISTING_HAS_VARIANTS (error, the listing is left alone) or LISTING_WITHOUT_VARIANTS (warning,
 * the plan adds the row's variants to the listing). Located at the row's SKU cell.
 */
export function variantMismatchIssues(mismatches: readonly VariantMismatch[], where: Where): Issue[] {
  return mismatches.map((m) => ({
    code: m.kind === "listing-has-variants" ? "LISTING_HAS_VARIANTS" : "LISTING_WITHOUT_VARIANTS",
    severity: m.kind === "listing-has-variants" ? "error" : "warning",
    ...locate(where, m.product, "sku"),
    value: m.sku,
    args: { listing: m.listingId, count: m.count },
  }));
}
