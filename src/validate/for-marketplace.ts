// `validate` against one marketplace (issue 14): each product as that marketplace would get it (its
// own title and price columns, `Nama Produk (TikTok Shop)`, `Harga (Shopee)`, else the config's
// pricing rule: markup, rounding), checked the way sync checks it (src/sync/for-target.ts), plus the
// shortest title the marketplace takes. Never shortened or padded: an error with a suggested fix.
import { MARKETPLACE_NAMES } from "../catalog/marketplace-names.js";
import { columnLetter } from "../catalog/source.js";
import type { CatalogProduct, CatalogResult, Product } from "../catalog/types.js";
import type { PricingRule } from "../config/types.js";
import type { Issue } from "../issues.js";
import type { MarketplaceRules } from "../rules.js";
import { sortIssues } from "../report/counts.js";
import { productsForTarget } from "../sync/for-target.js";

export interface MarketplaceCheck {
  /** The adapter name, and rules.family when it differs: the keys of its columns and pricing rule. */
  keys: string[];
  pricing?: Readonly<Record<string, PricingRule>>;
  rules: MarketplaceRules;
}

export const marketplaceCheckFor = (adapter: string, rules: MarketplaceRules, pricing: Record<string, PricingRule> | undefined): MarketplaceCheck => ({
  keys: [adapter, ...(rules.family && rules.family !== adapter ? [rules.family] : [])],
  ...(pricing ? { pricing } : {}),
  rules,
});

/** Whether a product needs checking at all: cheap, so a plain catalogue costs nothing per row. */
export const needsMarketplaceCheck = (product: Product, check: MarketplaceCheck): boolean =>
  check.rules.nameMinLength !== undefined || check.keys.some((k) => check.pricing?.[k] !== undefined || product.overrides?.[k] !== undefined || product.variants?.some((v) => v.overrides?.[k] !== undefined));

/**
 * Adds the issues of the products kept while reading (those with any: memory stays flat) to the
 * result, now that its columns are known; such products are invalid like any other with an error.
 */
export function withMarketplaceIssues(result: CatalogResult, kept: readonly { product: Product; line: number; sheet: string | undefined }[], check: MarketplaceCheck): CatalogResult {
  if (kept.length === 0) return result;
  const overrides = result.extraColumns?.overrides;
  const issues = kept.flatMap((k) => marketplaceIssues(k.product, k.line, k.sheet, result.file, check, result.columns, overrides));
  const bad = new Set(kept.map((k) => k.product.sku));
  return { ...result, valid: false, issues: sortIssues([...result.issues, ...issues]), products: result.products.filter((p) => !bad.has(p.sku)), invalidSkus: [...result.invalidSkus, ...bad] };
}

/** The issues of one product as `check`'s marketplace would get it, located at the row. */
export function marketplaceIssues(product: Product, line: number, sheet: string | undefined, file: string, check: MarketplaceCheck, columns: CatalogResult["columns"], overrideColumns: NonNullable<CatalogResult["extraColumns"]>["overrides"] | undefined): Issue[] {
  const located: CatalogProduct = { ...product, line, ...(sheet !== undefined ? { sheet } : {}) };
  const result = productsForTarget({ file, products: [located], keys: check.keys, rules: check.rules, ...(check.pricing ? { pricing: check.pricing } : {}), ...(columns ? { columns } : {}), ...(overrideColumns ? { overrideColumns } : {}) });
  const issues = [...result.issues];
  // The catalogue's own title (no column for this marketplace): too short for it (TikTok Shop ID: 25).
  const min = check.rules.nameMinLength;
  const own = check.keys.some((k) => product.overrides?.[k]?.name !== undefined);
  const length = [...product.name].length;
  if (!own && min !== undefined && length < min && length > 0) {
    const column = columns?.name;
    issues.push({
      code: "NAME_TOO_SHORT",
      severity: "error",
      file,
      line,
      ...(column ? { column: column.header } : {}),
      ...(sheet !== undefined ? { sheet } : {}),
      ...(sheet !== undefined && column ? { cell: `${columnLetter(column.index)}${line}` } : {}),
      value: product.name,
      args: { length, min, target: MARKETPLACE_NAMES[check.keys[0] ?? ""]?.[0] ?? check.keys[0] ?? "", marketplace: check.keys[0] ?? "" },
    });
  }
  return issues;
}
