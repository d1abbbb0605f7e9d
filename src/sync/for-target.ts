// One catalogue, several marketplaces (issue 17): the products as one marketplace gets them: its
// own title/price/stock columns (`Nama Produk (Shopee)`, `Harga (Shopee)`, `Stok (Shopee)`) win;
// else the config's pricing rule for it (markup percent, rounding, stock percent). The changed
// values are checked against that marketplace's rules, located at the row. Pure.
import { MARKETPLACE_NAMES } from "../catalog/marketplace-names.js";
import { columnLetter } from "../catalog/source.js";
import { fitTitle } from "../catalog/title-fit.js";
import type { CatalogProduct, CatalogResult } from "../catalog/types.js";
import type { PricingRule } from "../config/types.js";
import type { Issue } from "../issues.js";
import type { MarketplaceRules } from "../rules.js";

export interface ForTargetInput {
  file: string;
  products: readonly CatalogProduct[];
  /** Keys that name this marketplace in per-marketplace columns and pricing rules (adapter name, rules.family). */
  keys: readonly string[];
  pricing?: Readonly<Record<string, PricingRule>>;
  rules: MarketplaceRules;
  columns?: CatalogResult["columns"];
  /** Where the per-marketplace columns are (CatalogResult.extraColumns.overrides): their issues are located there. */
  overrideColumns?: NonNullable<CatalogResult["extraColumns"]>["overrides"];
}

export interface ForTargetResult {
  products: CatalogProduct[];
  issues: Issue[];
  invalidSkus: string[];
}

/**
 * Rounds the marked-up price UP to the multiple: a markup is there to cover fees, so it never ends
 * below what was asked. NOTE: a choice (the issue only says "rounding to Rp 500/1.000"); change here.
 */
export function markUp(price: number, rule: PricingRule | undefined): number {
  if (!rule || (rule.markupPercent === undefined && rule.roundTo === undefined)) return price;
  const raw = price * (1 + (rule.markupPercent ?? 0) / 100);
  const step = rule.roundTo ?? 1;
  // NOTE: the epsilon keeps 25000 * 1.1 = 27500.000000000004 from rounding up to the next step.
  return Math.ceil(raw / step - 1e-9) * step;
}

export const shareOf = (stock: number, rule: PricingRule | undefined): number =>
  rule?.stockPercent === undefined ? stock : Math.floor((stock * rule.stockPercent) / 100);

export function productsForTarget(input: ForTargetInput): ForTargetResult {
  const rule = input.keys.map((k) => input.pricing?.[k]).find((r) => r !== undefined);
  const products: CatalogProduct[] = [];
  const issues: Issue[] = [];
  const invalidSkus: string[] = [];
  for (const product of input.products) {
    const override = input.keys.map((k) => product.overrides?.[k]).find((o) => o !== undefined);
    const variantOverride = (v: NonNullable<CatalogProduct["variants"]>[number]) => input.keys.map((k) => v.overrides?.[k]).find((o) => o !== undefined);
    if (!override && !rule && !product.variants?.some((v) => variantOverride(v) !== undefined)) {
      products.push(product);
      continue;
    }
    const name = override?.name ?? product.name;
    const price = override?.price ?? markUp(product.price, rule);
    const stock = override?.stock ?? shareOf(product.stock, rule);
    const variants = product.variants?.map((v) => {
      const own = variantOverride(v);
      return { ...v, price: own?.price ?? markUp(v.price, rule), stock: own?.stock ?? shareOf(v.stock, rule) };
    });
    const found: Issue[] = [];
    const at = (field: "name" | "price", value: string, code: Issue["code"], args: Record<string, string | number>, line = product.line, ownValue?: boolean): void => {
      // The marketplace's own column when the value came from there, else the catalogue's.
      const own = ownValue ?? (field === "name" ? override?.name !== undefined : override?.price !== undefined);
      const column = (own ? input.keys.map((k) => input.overrideColumns?.[k]?.[field]).find((c) => c !== undefined) : undefined) ?? input.columns?.[field];
      found.push({
        code,
        severity: "error",
        file: input.file,
        line,
        ...(column ? { column: column.header } : {}),
        ...(product.sheet !== undefined ? { sheet: product.sheet } : {}),
        ...(product.sheet !== undefined && column ? { cell: `${columnLetter(column.index)}${line}` } : {}),
        value,
        args: { ...args, marketplace: input.keys[0] ?? "" },
      });
    };
    // Never shortened or padded: a title outside this marketplace's lengths is an error saying so.
    if (override?.name !== undefined && [...name].length > input.rules.nameMaxLength) {
      const suggestion = fitTitle(name, input.rules.nameMaxLength);
      at("name", name, "NAME_TOO_LONG", { length: [...name].length, max: input.rules.nameMaxLength, ...(suggestion ? { suggestion } : {}) });
    }
    const min = input.rules.nameMinLength;
    if (override?.name !== undefined && min !== undefined && [...name].length < min) {
      at("name", name, "NAME_TOO_SHORT", { length: [...name].length, min, target: MARKETPLACE_NAMES[input.keys[0] ?? ""]?.[0] ?? input.keys[0] ?? "" });
    }
    // A variant's price is located at its own row (and its own column when it came from there).
    const prices = variants?.length ? variants.map((v, i) => ({ p: v.price, line: v.line, own: variantOverride(product.variants![i]!)?.price !== undefined })) : [{ p: price, line: product.line, own: override?.price !== undefined }];
    for (const { p, line, own } of prices) {
      if (p < input.rules.priceMin || p > input.rules.priceMax) at("price", String(p), "PRICE_OUT_OF_RANGE", { min: input.rules.priceMin, max: input.rules.priceMax, price: p }, line, own);
    }
    if (found.length > 0) {
      issues.push(...found);
      invalidSkus.push(product.sku);
      continue;
    }
    products.push({ ...product, name, price, stock, ...(variants ? { variants } : {}) });
  }
  return { products, issues, invalidSkus };
}
