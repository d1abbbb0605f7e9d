// The plan's core: desired products vs live listings, keyed by SKU. Pure and deterministic.
import type {
  Change,
  DesiredProduct,
  DuplicateListings,
  FieldChange,
  LeftAlone,
  Listing,
  ListingField,
  VariantChange,
} from "./types.js";
import { samePhotos, shownListingImages } from "../photos/identity.js";
import { skuKey } from "../catalog/sku.js";
import { diffVariants } from "./variant-diff.js";
import { diffAttributes } from "./attribute-diff.js";

export interface DiffInput {
  /** Valid catalogue rows with resolved category ids. */
  products: readonly DesiredProduct[];
  listings: readonly Listing[];
  /** SKUs of rows with errors: their listings are never touched. */
  invalidSkus?: readonly string[];
  /** Deactivate active listings whose SKU is not in the catalogue. */
  prune?: boolean;
}

export interface DiffResult {
  /** Sorted by SKU, then listing id. */
  changes: Change[];
  /** Listings that already match their row. */
  unchanged: number;
  leftAlone: LeftAlone[];
  duplicates: DuplicateListings[];
  /** Rows and listings that disagree on having variants; sync turns them into located issues. */
  variantMismatches: VariantMismatch[];
}

/**
 * A catalogue product and its listing disagree on having variants.
 * - `listing-has-variants`: a single-SKU row, a listing with variants. Left alone (error): making
 *   it single would delete the listing's SKUs, with their sales and reviews.
 * - `listing-single`: a row with variants, a single-SKU listing (made before the row had
 *   variants, or a create whose variants never got through). Planned: every variant is added
 *   (warning, so it is never silent).
 */
export interface VariantMismatch {
  kind: "listing-has-variants" | "listing-single";
  sku: string;
  listingId: string;
  /** SKUs on the listing (listing-has-variants) or variants in the row (listing-single). */
  count: number;
  product: DesiredProduct;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const bySku = (a: { sku: string }, b: { sku: string }): number => compareText(a.sku, b.sku);

export function diffCatalog(input: DiffInput): DiffResult {
  // NOTE (issue 13.12): SKUs are matched as the marketplaces compare them, ignoring case and outer
  // spaces (skuKey): a row `mw-lps-002` is the listing `MW-LPS-002`, not a second product. Maps are
  // keyed by skuKey; changes keep the SKU as the catalogue (or, without a row, the listing) writes it.
  const invalid = new Set((input.invalidSkus ?? []).map(skuKey));
  const desired = new Map<string, DesiredProduct>();
  for (const product of input.products) if (!desired.has(skuKey(product.sku))) desired.set(skuKey(product.sku), product);
  const live = groupListings(input.listings);
  claimByVariantSku(desired, live);

  const changes: Change[] = [];
  const leftAlone: LeftAlone[] = [];
  const duplicates: DuplicateListings[] = [];
  const variantMismatches: VariantMismatch[] = [];
  let unchanged = 0;

  const keys = [...new Set([...desired.keys(), ...live.keys()])].sort();
  for (const key of keys) {
    const listings = live.get(key) ?? [];
    const product = desired.get(key);
    const sku = product?.sku ?? listings[0]?.sku ?? key;
    if (listings.length > 1) duplicates.push({ sku, listingIds: listings.map((l) => l.id) });

    if (key === "") {
      for (const l of listings) leftAlone.push({ sku, listingId: l.id, reason: "no-sku" });
      continue;
    }
    if (invalid.has(key)) {
      for (const l of listings) leftAlone.push({ sku, listingId: l.id, reason: "invalid-row" });
      continue;
    }
    if (!product) {
      for (const l of listings) {
        // NOTE: an inactive listing outside the catalogue is already what --prune would make it.
        if (l.status !== "active") continue;
        if (input.prune) changes.push({ kind: "deactivate", sku: l.sku, listingId: l.id, reason: "pruned", fields: [] });
        else leftAlone.push({ sku: l.sku, listingId: l.id, reason: "not-in-catalog" });
      }
      continue;
    }
    const [listing, ...others] = listings;
    for (const l of others) leftAlone.push({ sku, listingId: l.id, reason: "duplicate-sku" });
    if (!listing) {
      // NOTE: a row marked inactive is created too, as an inactive listing: the catalogue says the
      // product exists but is not for sale now. Skipping it would drop the row from every output,
      // and the next sync compares it like any other (inactive listing + inactive row = unchanged).
      changes.push({ kind: "create", sku, product });
      continue;
    }
    const hasVariants = (product.variants?.length ?? 0) > 0;
    const liveVariants = listing.variants?.length ?? 0;
    if (!hasVariants && liveVariants > 0) {
      variantMismatches.push({ kind: "listing-has-variants", sku, listingId: listing.id, count: liveVariants, product });
      leftAlone.push({ sku, listingId: listing.id, reason: "has-variants" });
      continue;
    }
    if (hasVariants && liveVariants === 0) {
      variantMismatches.push({ kind: "listing-single", sku, listingId: listing.id, count: product.variants?.length ?? 0, product });
    }
    const change = compareListing(product, listing);
    if (change) changes.push(change);
    else unchanged += 1;
  }
  changes.sort((a, b) => bySku(a, b) || compareText(listingIdOf(a), listingIdOf(b)));
  return { changes, unchanged, leftAlone, duplicates, variantMismatches };
}

function compareListing(product: DesiredProduct, listing: Listing): Change | undefined {
  const hasVariants = (product.variants?.length ?? 0) > 0;
  // NOTE: with variants, price and stock live on the variants (the product's are the first price
  // and the sum of stocks, and marketplaces report their own summary): compared per variant only.
  const fields = hasVariants ? diffFields(product, listing).filter((f) => f.field !== "price" && f.field !== "stock") : diffFields(product, listing);
  const variants: VariantChange[] = hasVariants ? diffVariants(product.variants ?? [], listing.variants ?? []) : [];
  const base = { sku: product.sku, listingId: listing.id, fields, product };
  const withVariants = variants.length > 0 ? { ...base, variants } : base;
  if (product.status === "active" && listing.status !== "active") return { kind: "reactivate", ...withVariants };
  if (product.status !== "active" && listing.status === "active") {
    return { kind: "deactivate", reason: "catalog-inactive", ...base };
  }
  // A change of variant prices or stocks only is an update with fields [] (cheap writes where the
  // marketplace has them: capabilities.cheapFields).
  return fields.length > 0 || variants.length > 0 ? { kind: "update", ...withVariants } : undefined;
}

/**
 * A product with variants whose parent code no listing has is matched to the listing holding one
 * of its variant SKUs (ignoring case): TikTok Shop has no product-level SKU, so its listings are
 * known by their first SKU. The listing is moved under the product's code, so it is compared with
 * the row instead of being seen as "not in the catalogue".
 * NOTE: a single-SKU listing whose SKU is one of the variants' (sold alone before the catalogue
 * grouped it) is claimed too, after listings with variants: the plan adds the variants to it
 * (LISTING_WITHOUT_VARIANTS says so) instead of creating a second listing of the same product.
 */
function claimByVariantSku(desired: ReadonlyMap<string, DesiredProduct>, live: Map<string, Listing[]>): void {
  let index: { withVariants: Map<string, Listing>; single: Map<string, Listing> } | undefined;
  for (const product of desired.values()) {
    if (!product.variants || product.variants.length === 0 || live.has(skuKey(product.sku))) continue;
    if (!index) {
      index = { withVariants: new Map(), single: new Map() };
      for (const list of live.values()) {
        for (const l of list) {
          const variants = l.variants ?? [];
          for (const v of variants) if (v.sku !== "" && !index.withVariants.has(skuKey(v.sku))) index.withVariants.set(skuKey(v.sku), l);
          if (variants.length === 0 && l.sku !== "" && !index.single.has(skuKey(l.sku))) index.single.set(skuKey(l.sku), l);
        }
      }
    }
    const find = (map: Map<string, Listing>): Listing | undefined => product.variants!.map((v) => map.get(skuKey(v.sku))).find((l) => l !== undefined);
    const listing = find(index.withVariants) ?? find(index.single);
    if (!listing || desired.has(skuKey(listing.sku))) continue;
    const rest = (live.get(skuKey(listing.sku)) ?? []).filter((l) => l !== listing);
    if (rest.length > 0) live.set(skuKey(listing.sku), rest);
    else live.delete(skuKey(listing.sku));
    live.set(skuKey(product.sku), [listing]);
    for (const v of listing.variants ?? []) index.withVariants.delete(skuKey(v.sku));
    index.single.delete(skuKey(listing.sku));
  }
}

/**
 * Field-by-field differences, old (listing) -> new (row), in a fixed field order.
 * NOTE: two fields are compared only when comparable, so a marketplace that does not report them
 * never gets an endless "update" every run:
 * - category: only when the row resolved to an id (an empty id means "no opinion").
 * - etalase: only when the row holds an etalase id (digits). A name, or an empty cell, cannot be
 *   compared with the listing's etalase id, so it is left as it is on the marketplace.
 */
export function diffFields(product: DesiredProduct, listing: Listing): FieldChange[] {
  const out: FieldChange[] = [];
  const add = (field: ListingField, from: unknown, to: unknown): void => {
    out.push({ field, from, to });
  };
  if (listing.name !== product.name) add("name", listing.name, product.name);
  if (listing.description !== product.description) add("description", listing.description, product.description);
  if (listing.price !== product.price) add("price", listing.price, product.price);
  // Issue 12.7: stock that is not tracked is "always available", never what a row asks for.
  if (listing.stock !== product.stock || listing.stockUnlimited === true) add("stock", listing.stockUnlimited === true ? "unlimited" : listing.stock, product.stock);
  if (listing.weight !== product.weight) add("weight", listing.weight, product.weight);
  if (product.categoryId !== "" && listing.categoryId !== product.categoryId) {
    add("category", listing.categoryId, product.categoryId);
  }
  if (listing.condition !== product.condition) add("condition", listing.condition, product.condition);
  if (listing.min_order !== product.min_order) add("min_order", listing.min_order, product.min_order);
  if (isEtalaseId(product.etalase) && listing.etalase !== product.etalase) {
    add("etalase", listing.etalase, product.etalase);
  }
  // NOTE: photos compare by content where known (src/photos/identity.ts): a renamed file is the
  // same photo, an edited one is a change; links compare as text.
  if (!samePhotos(product, listing)) add("images", shownListingImages(listing, product), product.images);
  // Attributes only where the target says what it would send (it reads them back too).
  const attributes = product.sentAttributes !== undefined ? diffAttributes(product.sentAttributes, listing.attributes) : undefined;
  if (attributes) add("attributes", attributes.from, attributes.to);
  return out;
}

const isEtalaseId = (value: string): boolean => /^\d+$/.test(value);

const listingIdOf = (change: Change): string => (change.kind === "create" ? "" : change.listingId);

/** Listings by skuKey (case-insensitive SKU); within a SKU active first, then by id, so the kept one is stable. */
function groupListings(listings: readonly Listing[]): Map<string, Listing[]> {
  const map = new Map<string, Listing[]>();
  for (const listing of listings) {
    const key = skuKey(listing.sku);
    const list = map.get(key);
    if (list) list.push(listing);
    else map.set(key, [listing]);
  }
  for (const list of map.values()) list.sort(compareForKeeping);
  return map;
}

function compareForKeeping(a: Listing, b: Listing): number {
  if (a.status !== b.status) return a.status === "active" ? -1 : 1;
  const byLength = a.id.length - b.id.length; // numeric ids: shorter is smaller
  if (byLength !== 0) return byLength;
  return compareText(a.id, b.id);
}
