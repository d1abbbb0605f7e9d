// The plan's core: desired products vs live listings, keyed by SKU. Pure and deterministic.
import type {
  Change,
  DesiredProduct,
  DuplicateListings,
  FieldChange,
  LeftAlone,
  Listing,
  ListingField,
} from "./types.js";
import { samePhotos, shownListingImages } from "../photos/identity.js";

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
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const bySku = (a: { sku: string }, b: { sku: string }): number => compareText(a.sku, b.sku);

export function diffCatalog(input: DiffInput): DiffResult {
  const invalid = new Set(input.invalidSkus ?? []);
  const desired = new Map<string, DesiredProduct>();
  for (const product of input.products) if (!desired.has(product.sku)) desired.set(product.sku, product);
  const live = groupListings(input.listings);

  const changes: Change[] = [];
  const leftAlone: LeftAlone[] = [];
  const duplicates: DuplicateListings[] = [];
  let unchanged = 0;

  const skus = [...new Set([...desired.keys(), ...live.keys()])].sort();
  for (const sku of skus) {
    const listings = live.get(sku) ?? [];
    const product = desired.get(sku);
    if (listings.length > 1) duplicates.push({ sku, listingIds: listings.map((l) => l.id) });

    if (sku === "") {
      for (const l of listings) leftAlone.push({ sku, listingId: l.id, reason: "no-sku" });
      continue;
    }
    if (invalid.has(sku)) {
      for (const l of listings) leftAlone.push({ sku, listingId: l.id, reason: "invalid-row" });
      continue;
    }
    if (!product) {
      for (const l of listings) {
        // NOTE: an inactive listing outside the catalogue is already what --prune would make it.
        if (l.status !== "active") continue;
        if (input.prune) changes.push({ kind: "deactivate", sku, listingId: l.id, reason: "pruned", fields: [] });
        else leftAlone.push({ sku, listingId: l.id, reason: "not-in-catalog" });
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
    const change = compareListing(product, listing);
    if (change) changes.push(change);
    else unchanged += 1;
  }
  changes.sort((a, b) => bySku(a, b) || compareText(listingIdOf(a), listingIdOf(b)));
  return { changes, unchanged, leftAlone, duplicates };
}

function compareListing(product: DesiredProduct, listing: Listing): Change | undefined {
  const fields = diffFields(product, listing);
  const base = { sku: product.sku, listingId: listing.id, fields, product };
  if (product.status === "active" && listing.status !== "active") return { kind: "reactivate", ...base };
  if (product.status !== "active" && listing.status === "active") {
    return { kind: "deactivate", reason: "catalog-inactive", ...base };
  }
  return fields.length > 0 ? { kind: "update", ...base } : undefined;
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
  if (listing.stock !== product.stock) add("stock", listing.stock, product.stock);
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
  return out;
}

const isEtalaseId = (value: string): boolean => /^\d+$/.test(value);

const listingIdOf = (change: Change): string => (change.kind === "create" ? "" : change.listingId);

/** Listings by exact SKU; within a SKU active first, then by id, so the kept one is stable. */
function groupListings(listings: readonly Listing[]): Map<string, Listing[]> {
  const map = new Map<string, Listing[]>();
  for (const listing of listings) {
    const list = map.get(listing.sku);
    if (list) list.push(listing);
    else map.set(listing.sku, [listing]);
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
