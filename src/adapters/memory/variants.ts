// The memory shop's variants: a listing's SKUs changed by a plan's VariantChange rows, all or
// nothing, under the marketplace's variant rules (so refusals are real, as on TikTok Shop/Shopee).
import { skuKey } from "../../catalog/sku.js";
import type { ChangeError, ListingVariant, VariantChange } from "../../plan/types.js";
import type { MarketplaceRules } from "../../rules.js";

export type VariantsResult = { ok: true; variants: ListingVariant[] } | { ok: false; error: ChangeError };

const refuse = (code: string, message: string): { ok: false; error: ChangeError } => ({ ok: false, error: { code, message, retryable: false } });

/** The variants after the changes; a change naming a variant the listing does not have refuses them all. */
export function applyVariantChanges(current: readonly ListingVariant[], changes: readonly VariantChange[], nextId: () => string): VariantsResult {
  const variants = current.map((v) => ({ ...v, options: { ...v.options }, ...(v.images ? { images: [...v.images] } : {}) }));
  for (const change of changes) {
    if (change.kind === "add") {
      const v = change.variant;
      if (variants.some((x) => skuKey(x.sku) === skuKey(v.sku))) return refuse("SKU_TAKEN", `SKU [${v.sku}] is already a variant of this listing`);
      variants.push({ id: nextId(), sku: v.sku, options: { ...v.options }, price: v.price, stock: v.stock, images: [...v.images], status: v.status });
      continue;
    }
    const index = variants.findIndex((x) => x.id === change.variantId);
    if (index < 0) return refuse("VARIANT_NOT_FOUND", `No variant with id [${change.variantId}] on this listing`);
    if (change.kind === "remove") {
      variants.splice(index, 1);
      continue;
    }
    const target = variants[index]!;
    for (const f of change.fields) {
      if (f.field === "price" || f.field === "stock") target[f.field] = Number(f.to);
      else if (f.field === "status") target.status = f.to === "inactive" ? "inactive" : "active";
      else if (f.field === "images") target.images = Array.isArray(f.to) ? f.to.map(String) : [];
      else if (f.field === "options") target.options = { ...(f.to as Record<string, string>) };
    }
  }
  return { ok: true, variants };
}

/** What the marketplace refuses about a listing's variants, like its API would (first problem only). */
export function checkVariants(variants: readonly ListingVariant[], r: MarketplaceRules): ChangeError | undefined {
  const err = (code: string, message: string): ChangeError => ({ code, message, retryable: false });
  const maxVariants = r.maxVariants ?? 0;
  const maxTypes = r.maxOptionTypes ?? 0;
  if (maxVariants <= 0 || maxTypes <= 0) return err("VARIANTS_NOT_SUPPORTED", "This shop takes no variants");
  if (variants.length > maxVariants) return err("INVALID_VALUE", `At most ${maxVariants} variants per product`);
  const names = Object.keys(variants[0]?.options ?? {}).sort().join("\u0000");
  const combos = new Set<string>();
  const skus = new Set<string>();
  for (const v of variants) {
    const own = Object.keys(v.options);
    if (own.length > maxTypes) return err("INVALID_VALUE", `At most ${maxTypes} option types per product`);
    if ([...own].sort().join("\u0000") !== names) return err("INVALID_VALUE", `Variant [${v.sku}] does not have the same option types as the others`);
    const combo = own.sort().map((k) => `${k}=${v.options[k]?.toLowerCase()}`).join("\u0000");
    if (combos.has(combo)) return err("INVALID_VALUE", `Two variants have the same options (${combo.replaceAll("\u0000", ", ")})`);
    combos.add(combo);
    if (skus.has(skuKey(v.sku))) return err("SKU_TAKEN", `SKU [${v.sku}] is used by two variants`);
    skus.add(skuKey(v.sku));
    if (!Number.isInteger(v.price) || v.price < r.priceMin || v.price > r.priceMax) return err("INVALID_VALUE", `Variant [${v.sku}] price must be between ${r.priceMin} and ${r.priceMax}`);
    if (!Number.isInteger(v.stock) || v.stock < r.stockMin || v.stock > r.stockMax) return err("INVALID_VALUE", `Variant [${v.sku}] stock must be between ${r.stockMin} and ${r.stockMax}`);
    if (v.sku.length > r.skuMaxLength) return err("INVALID_VALUE", `Variant [${v.sku}] SKU is longer than ${r.skuMaxLength}`);
  }
  return undefined;
}

/**
 * The listing-level price and stock a marketplace shows for a product with variants: the lowest
 * price ("from Rp ...") and the total stock. A variant with stock 0 cannot be bought.
 */
export function summarizeVariants(variants: readonly ListingVariant[]): { price: number; stock: number } {
  if (variants.length === 0) return { price: 0, stock: 0 };
  return { price: Math.min(...variants.map((v) => v.price)), stock: variants.reduce((n, v) => n + v.stock, 0) };
}
