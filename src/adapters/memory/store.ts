// The memory adapter's state: listings in a Map, enforcing the marketplace rules so that failed
// outcomes are real (duplicate names, prices out of range), not faked.
import type { ChangeError, DesiredProduct, FieldChange, Listing, ListingVariant, VariantChange } from "../../plan/types.js";
import type { MarketplaceRules } from "../../rules.js";
import { skuKey } from "../../catalog/sku.js";
import { applyVariantChanges, checkVariants, summarizeVariants } from "./variants.js";

export type StoreResult = { ok: true; listing: Listing } | { ok: false; error: ChangeError };

const fail = (code: string, message: string): StoreResult => ({
  ok: false,
  error: { code, message, retryable: false },
});

export class ListingStore {
  private readonly listings = new Map<string, Listing>();
  private nextId: number;

  constructor(
    private readonly rules: MarketplaceRules,
    private readonly leafIds: ReadonlySet<string>,
    firstId = 1000,
  ) {
    this.nextId = firstId;
  }

  all(): Listing[] {
    return [...this.listings.values()].map(copyListing);
  }

  get(id: string): Listing | undefined {
    return this.listings.get(id);
  }

  clear(): void {
    this.listings.clear();
  }

  /** Put a listing in as is (tests seed the shop this way); a missing id gets the next one. */
  seed(listing: Omit<Listing, "id"> & { id?: string }): Listing {
    const id = listing.id ?? String(this.nextId++);
    const stored = copyListing({ ...listing, id });
    if (stored.variants?.length === 0) delete stored.variants;
    stored.variants?.forEach((v, i) => {
      if (v.id === "") v.id = `${id}-${i + 1}`;
    });
    if (stored.variants) Object.assign(stored, summarizeVariants(stored.variants));
    this.listings.set(id, stored);
    const numeric = Number(id);
    if (Number.isInteger(numeric) && numeric >= this.nextId) this.nextId = numeric + 1;
    return stored;
  }

  create(product: DesiredProduct): StoreResult {
    const candidate: Listing = {
      id: "",
      sku: product.sku,
      name: product.name,
      description: product.description,
      price: product.price,
      stock: product.stock,
      weight: product.weight,
      categoryId: product.categoryId,
      condition: product.condition,
      status: product.status,
      min_order: product.min_order,
      etalase: product.etalase,
      images: [...product.images],
    };
    const variants = product.variants ?? [];
    if (variants.length > 0) {
      candidate.variants = variants.map((v): ListingVariant => ({ id: "", sku: v.sku, options: { ...v.options }, price: v.price, stock: v.stock, images: [...v.images], status: v.status }));
      Object.assign(candidate, summarizeVariants(candidate.variants));
    }
    const problem = this.check(candidate);
    if (problem) return problem;
    for (const sku of [product.sku, ...variants.map((v) => v.sku)]) {
      if (this.findBySku(sku)) return fail("SKU_TAKEN", `SKU [${sku}] is already used in this shop`);
    }
    candidate.id = String(this.nextId++);
    candidate.variants?.forEach((v) => {
      v.id = String(this.nextId++);
    });
    this.listings.set(candidate.id, candidate);
    return { ok: true, listing: candidate };
  }

  /** All-or-nothing: the listing changes only if every field is acceptable. */
  update(id: string, fields: readonly FieldChange[], status?: Listing["status"], variants: readonly VariantChange[] = []): StoreResult {
    const current = this.listings.get(id);
    if (!current) return fail("LISTING_NOT_FOUND", `No listing with id [${id}] in this shop`);
    const next: Listing = copyListing(current);
    for (const change of fields) applyField(next, change);
    if (status) next.status = status;
    if (variants.length > 0) {
      const taken = variants.flatMap((v) => (v.kind === "add" ? [v.sku] : [])).find((sku) => this.findBySku(sku, id));
      if (taken !== undefined) return fail("SKU_TAKEN", `SKU [${taken}] is already used in this shop`);
      const applied = applyVariantChanges(next.variants ?? [], variants, () => String(this.nextId++));
      if (!applied.ok) return { ok: false, error: applied.error };
      if (applied.variants.length > 0) {
        next.variants = applied.variants;
        Object.assign(next, summarizeVariants(applied.variants));
      } else delete next.variants;
    }
    const problem = this.check(next);
    if (problem) return problem;
    this.listings.set(id, next);
    return { ok: true, listing: next };
  }

  /** The listing with this SKU, on itself or one of its variants (ignoring case, as marketplaces do); `except` = a listing id not to count. */
  findBySku(sku: string, except?: string): Listing | undefined {
    const key = skuKey(sku);
    for (const listing of this.listings.values()) {
      if (listing.id === except) continue;
      if (skuKey(listing.sku) === key || listing.variants?.some((v) => skuKey(v.sku) === key)) return listing;
    }
    return undefined;
  }

  private check(l: Listing): StoreResult | undefined {
    const r = this.rules;
    if (l.name.trim() === "") return fail("INVALID_VALUE", "Field [name] should not be empty");
    if (l.name.length > r.nameMaxLength) return fail("INVALID_VALUE", `Field [name] is longer than ${r.nameMaxLength}`);
    if (l.description.length > r.descriptionMaxLength) {
      return fail("INVALID_VALUE", `Field [description] is longer than ${r.descriptionMaxLength}`);
    }
    if (!Number.isInteger(l.price) || l.price < r.priceMin || l.price > r.priceMax) {
      return fail("INVALID_VALUE", `Field [price] must be between ${r.priceMin} and ${r.priceMax}`);
    }
    if (!Number.isInteger(l.stock) || l.stock < r.stockMin || l.stock > r.stockMax) {
      return fail("INVALID_VALUE", `Field [stock] must be between ${r.stockMin} and ${r.stockMax}`);
    }
    if (l.min_order < r.minOrderMin || l.min_order > r.minOrderMax) {
      return fail("INVALID_VALUE", `Field [min_order] must be between ${r.minOrderMin} and ${r.minOrderMax}`);
    }
    if (l.weight < r.weightMinGrams || l.weight > r.weightMaxGrams) {
      return fail("INVALID_VALUE", `Field [weight] must be between ${r.weightMinGrams} and ${r.weightMaxGrams} grams`);
    }
    if (l.images.length > r.imagesMax) return fail("INVALID_VALUE", `At most ${r.imagesMax} pictures`);
    if (l.sku.length > r.skuMaxLength) return fail("INVALID_VALUE", `Field [sku] is longer than ${r.skuMaxLength}`);
    if (l.variants) {
      const problem = checkVariants(l.variants, r);
      if (problem) return { ok: false, error: problem };
    }
    if (!this.leafIds.has(l.categoryId)) {
      return fail("CATEGORY_NOT_FOUND", `Category [${l.categoryId}] is not a leaf category of this marketplace`);
    }
    if (r.uniqueNames) {
      const lower = l.name.toLowerCase();
      for (const other of this.listings.values()) {
        if (other.id !== l.id && other.name.toLowerCase() === lower) {
          return fail("NAME_TAKEN", `Value [${l.name}] of field [name] is already used, please use different value`);
        }
      }
    }
    return undefined;
  }
}

function applyField(listing: Listing, change: FieldChange): void {
  const to = change.to;
  switch (change.field) {
    case "name":
    case "description":
    case "etalase":
      listing[change.field] = String(to ?? "");
      return;
    case "price":
    case "stock":
    case "weight":
    case "min_order":
      listing[change.field] = Number(to);
      return;
    case "category":
      listing.categoryId = String(to ?? "");
      return;
    case "condition":
      listing.condition = to === "USED" ? "USED" : "NEW";
      return;
    case "images":
      listing.images = Array.isArray(to) ? to.map(String) : [];
      return;
  }
}

function copyListing(l: Listing): Listing {
  const out: Listing = { ...l, images: [...l.images] };
  if (l.variants) out.variants = l.variants.map((v) => ({ ...v, options: { ...v.options }, ...(v.images ? { images: [...v.images] } : {}) }));
  return out;
}
