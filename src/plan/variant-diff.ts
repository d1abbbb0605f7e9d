// Variants of one product vs the SKUs of its listing, matched by SKU ignoring case. Pure.
import { skuKey } from "../catalog/sku.js";
import { sameVariantPhotos, shownListingImages } from "../photos/identity.js";
import type { DesiredVariant, ListingVariant, VariantChange, VariantFieldChange } from "./types.js";

/**
 * Adds (catalogue variants the listing lacks), updates (field by field) and removals (listing SKUs
 * the catalogue no longer has), sorted by SKU key so row order never matters.
 * NOTE: like diffFields, a field is compared only when the marketplace reports it, so a reader
 * that cannot tell (TikTok Shop's search gives no option names; Tokopedia gives no per-variant photo)
 * never causes an endless update:
 * - options: only when the listing's variant has any;
 * - images: only when the listing's variant says what it has (`images` present).
 * Stock is always compared, 0 included: a variant with stock 0 must end unsellable.
 */
export function diffVariants(variants: readonly DesiredVariant[], live: readonly ListingVariant[]): VariantChange[] {
  const byKey = new Map<string, ListingVariant>();
  for (const v of live) if (!byKey.has(skuKey(v.sku))) byKey.set(skuKey(v.sku), v);
  const wanted = new Set<string>();
  const out: { key: string; change: VariantChange }[] = [];
  for (const variant of variants) {
    const key = skuKey(variant.sku);
    wanted.add(key);
    const current = byKey.get(key);
    if (!current) {
      out.push({ key, change: { kind: "add", sku: variant.sku, variant } });
      continue;
    }
    const fields = diffVariantFields(variant, current);
    if (fields.length > 0) out.push({ key, change: { kind: "update", sku: variant.sku, variantId: current.id, fields } });
  }
  for (const v of live) {
    const key = skuKey(v.sku);
    // NOTE: a listing SKU without a seller SKU cannot be matched to a row, so it is never removed.
    if (key === "" || wanted.has(key) || byKey.get(key) !== v) continue;
    out.push({ key, change: { kind: "remove", sku: v.sku, variantId: v.id } });
  }
  const rank = { remove: 0, update: 1, add: 2 } as const;
  out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : rank[a.change.kind] - rank[b.change.kind]));
  return out.map((o) => o.change);
}

/** Field-by-field differences of one matched variant, old (listing) -> new (row), in VARIANT_FIELDS order. */
export function diffVariantFields(variant: DesiredVariant, current: ListingVariant): VariantFieldChange[] {
  const out: VariantFieldChange[] = [];
  if (Object.keys(current.options).length > 0 && !sameOptions(current.options, variant.options)) {
    out.push({ field: "options", from: current.options, to: variant.options });
  }
  if (current.price !== variant.price) out.push({ field: "price", from: current.price, to: variant.price });
  if (current.stock !== variant.stock) out.push({ field: "stock", from: current.stock, to: variant.stock });
  // NOTE: by content where the shop's photo cache knows it (src/photos/identity.ts): a renamed
  // file is the same photo, an edited one is a change, shown by the catalogue's file name.
  if (current.images !== undefined && !sameVariantPhotos(variant, { images: current.images, ...(current.photoHashes ? { photoHashes: current.photoHashes } : {}) })) {
    out.push({ field: "images", from: shownListingImages({ images: current.images, ...(current.photoHashes ? { photoHashes: current.photoHashes } : {}) }, variant), to: variant.images });
  }
  const status = current.status ?? "active";
  if (status !== variant.status) out.push({ field: "status", from: status, to: variant.status });
  return out;
}

/** Same names with the same values; the order of the names does not matter. */
function sameOptions(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
}

/** "Ukuran=M, Warna=Merah", for plan lines and messages. */
export const formatOptions = (options: Readonly<Record<string, string>>): string =>
  Object.entries(options)
    .map(([name, value]) => `${name}=${value}`)
    .join(", ");
