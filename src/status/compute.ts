// Pure: the state of every catalogue product (and variant) on one marketplace, from the plan a
// dry run made (what would change), the live listings (review state, active or not) and the
// failures the last runs recorded. No IO.
import type { ChangeError, DesiredProduct, Listing, Plan, VariantChange } from "../plan/types.js";

export type ListingState =
  | "live"
  | "in-review"
  | "rejected"
  | "banned"
  | "deactivated"
  | "out-of-sync"
  | "not-listed"
  | "failed"
  | "invalid";

export interface StateReason {
  code?: string;
  message: string;
}

export interface VariantStatus {
  sku: string;
  options: Record<string, string>;
  line: number;
  state: ListingState;
  fields?: string[];
}

export interface ProductStatus {
  sku: string;
  name: string;
  line: number;
  sheet?: string;
  state: ListingState;
  listingId?: string;
  /** out-of-sync: the fields that differ from the catalogue. */
  fields?: string[];
  /** rejected, banned, failed: what the marketplace said. */
  reasons?: StateReason[];
  variants?: VariantStatus[];
}

/** The last failure per SKU in recent runs that no later run applied. */
export type RecentFailures = ReadonlyMap<string, ChangeError>;

export function computeStatuses(input: {
  plan: Plan;
  listings: readonly Listing[];
  products: readonly DesiredProduct[];
  /** Catalogue rows with errors: shown as `invalid` (sync leaves their listings alone). */
  invalid: readonly { sku: string; name: string; line: number }[];
  failures: RecentFailures;
}): ProductStatus[] {
  const changes = new Map(input.plan.changes.map((c) => [c.sku.toUpperCase(), c]));
  const listingBySku = new Map<string, Listing>();
  for (const listing of input.listings) {
    if (listing.sku) listingBySku.set(listing.sku.toUpperCase(), listing);
    for (const v of listing.variants ?? []) if (v.sku && !listingBySku.has(v.sku.toUpperCase())) listingBySku.set(v.sku.toUpperCase(), listing);
  }
  const out: ProductStatus[] = [];
  for (const product of input.products) {
    const key = product.sku.toUpperCase();
    const change = changes.get(key);
    const listing =
      (change && change.kind !== "create" ? input.listings.find((l) => l.id === change.listingId) : undefined) ??
      listingBySku.get(key) ??
      (product.variants ?? []).map((v) => listingBySku.get(v.sku.toUpperCase())).find(Boolean);
    const base = { sku: product.sku, name: product.name, line: product.line, ...(product.sheet !== undefined ? { sheet: product.sheet } : {}) };
    const failure = input.failures.get(key);
    let status: ProductStatus;
    if (!listing || change?.kind === "create") {
      status = failure ? { ...base, state: "failed", reasons: [failureReason(failure)] } : { ...base, state: "not-listed" };
    } else {
      const review = listing.review;
      const fields: string[] =
        change
          ? [...change.fields.map((f) => f.field), ...(change.kind === "reactivate" || change.kind === "deactivate" ? ["status"] : [])]
          : [];
      const variantFields = change && (change.kind === "update" || change.kind === "reactivate") ? (change.variants ?? []) : [];
      if (variantFields.length > 0 && !fields.includes("variants")) fields.push("variants");
      const reviewState = review && review.state !== "live" && review.state !== "draft" ? review.state : undefined;
      const state: ListingState = reviewState ?? (fields.length > 0 ? "out-of-sync" : listing.status === "inactive" ? "deactivated" : "live");
      status = {
        ...base,
        state,
        listingId: listing.id,
        ...(fields.length > 0 ? { fields } : {}),
        ...(review?.reasons?.length && (state === "rejected" || state === "banned") ? { reasons: review.reasons } : {}),
      };
      // A failed write since the listing was read (e.g. an edit the marketplace refused) is worth saying.
      if (failure && status.state === "out-of-sync") status.reasons = [...(status.reasons ?? []), failureReason(failure)];
    }
    if (product.variants && product.variants.length > 0) status.variants = variantStatuses(product, listing, change, status.state);
    out.push(status);
  }
  for (const row of input.invalid) out.push({ ...row, state: "invalid" });
  return out.sort((a, b) => a.line - b.line);
}

function variantStatuses(
  product: DesiredProduct,
  listing: Listing | undefined,
  change: Plan["changes"][number] | undefined,
  productState: ListingState,
): VariantStatus[] {
  const changes: readonly VariantChange[] = change && (change.kind === "update" || change.kind === "reactivate") ? (change.variants ?? []) : [];
  return (product.variants ?? []).map((variant) => {
    const own = changes.find((c) => c.sku.toUpperCase() === variant.sku.toUpperCase());
    const onListing = listing?.variants?.some((v) => v.sku.toUpperCase() === variant.sku.toUpperCase());
    const base = { sku: variant.sku, options: variant.options, line: variant.line };
    if (!listing || own?.kind === "add" || (listing && !onListing && productState !== "not-listed")) return { ...base, state: "not-listed" as const };
    if (own?.kind === "update") return { ...base, state: "out-of-sync" as const, fields: own.fields.map((f) => f.field) };
    return { ...base, state: productState === "out-of-sync" ? (listing.status === "inactive" ? "deactivated" : "live") : productState };
  });
}

const failureReason = (error: ChangeError): StateReason => ({ code: error.code, message: error.message });
