// What a sync intends to do, and what happened to each item. Pure data: computed by diff, saved in
// plan files and journals, applied by adapters. Never holds secrets.
import type { CatalogProduct, Condition, ProductStatus, Variant } from "../catalog/types.js";
import type { ResolvedPhoto } from "../photos/types.js";

/** Fields a plan can change on a listing, in the order plans show them. `status` changes are expressed by the change kind. */
export const LISTING_FIELDS = [
  "name",
  "description",
  "price",
  "stock",
  "weight",
  "category",
  "condition",
  "min_order",
  "etalase",
  "images",
  "attributes",
] as const;

export type ListingField = (typeof LISTING_FIELDS)[number];

/** A live listing on a marketplace, in catalogue terms. */
export interface Listing {
  /** The marketplace's listing id, as a string (Tokopedia product_id). */
  id: string;
  sku: string;
  name: string;
  description: string;
  price: number;
  stock: number;
  /** The marketplace does not track this listing's stock: always available (Tokopedia UNLIMITED). */
  stockUnlimited?: boolean;
  weight: number;
  /** Marketplace category id ("" when unknown). */
  categoryId: string;
  condition: Condition;
  status: ProductStatus;
  min_order: number;
  /** Etalase id as a string ("" when none). */
  etalase: string;
  images: string[];
  /**
   * Content sha256 of each image, parallel to images, where the adapter knows it (its photo
   * upload cache maps uploaded uri -> sha256); null or absent = unknown (compared by URL).
   * The plan compares photos by this identity: renaming a file changes nothing.
   */
  photoHashes?: (string | null)[];
  /** The listing's SKUs when it has variants ([] or absent for a single-SKU listing). */
  variants?: ListingVariant[];
  /** Marketplace-side review state (TikTok Shop audit, Shopee REVIEWING/BANNED); absent = live/unknown. */
  review?: ListingReview;
  brand?: string;
  /**
   * Product attributes as the marketplace reads them back: the category's attribute names -> value
   * names (several joined with ", "). Absent or {} = none. Compared only with
   * DesiredProduct.sentAttributes (adapters that cannot read attributes never fill that).
   */
  attributes?: Record<string, string>;
}

/** One SKU of a live listing with variants (TikTok Shop SKU, Shopee model). */
export interface ListingVariant {
  /** The marketplace's SKU/model id. */
  id: string;
  sku: string;
  options: Record<string, string>;
  price: number;
  stock: number;
  images?: string[];
  /**
   * Content sha256 of each of `images` where the adapter's photo upload cache knows it (like
   * Listing.photoHashes); null or absent = unknown, compared as text.
   */
  photoHashes?: (string | null)[];
  status?: ProductStatus;
}

export interface ListingReview {
  state: "live" | "in-review" | "rejected" | "banned" | "draft";
  /** The marketplace's reasons as it gave them (codes kept for translation). */
  reasons?: { code?: string; message: string }[];
  /** Per platform where one listing is sold on several (TikTok Shop: TOKOPEDIA, TIKTOK_SHOP). */
  platforms?: Record<string, string>;
}

/** Fields a plan can change on one variant, in the order plans show them. */
export const VARIANT_FIELDS = ["options", "price", "stock", "images", "status"] as const;

export type VariantField = (typeof VARIANT_FIELDS)[number];

/** One variant field, old (listing) -> new (catalogue). `options` values are option name -> value maps. */
export interface VariantFieldChange {
  field: VariantField;
  from: unknown;
  to: unknown;
}

/**
 * What changes on one variant of a product with variants, matched by SKU ignoring case
 * (src/catalog/sku.ts skuKey). `sku` is the catalogue's spelling (the listing's for a removal);
 * `variantId` is the marketplace's SKU/model id.
 */
export type VariantChange =
  | { kind: "add"; sku: string; variant: Variant }
  | { kind: "remove"; sku: string; variantId: string }
  | { kind: "update"; sku: string; variantId: string; fields: VariantFieldChange[] };

/** A catalogue variant with its photo resolved (content hash = identity), parallel to images. */
export interface DesiredVariant extends Variant {
  /** Variant.images resolved and checked; absent when the row had only links or before photos land. */
  photos?: ResolvedPhoto[];
}

/** A catalogue product whose category has been resolved to a marketplace category id. */
export interface DesiredProduct extends CatalogProduct {
  categoryId: string;
  variants?: DesiredVariant[];
  /** Product.images resolved and checked (content hash = identity), parallel to images; absent before photos land. */
  photos?: ResolvedPhoto[];
  /** Product.certificates.files resolved and checked (local files; absent before photos land). */
  certificatePhotos?: ResolvedPhoto[];
  /**
   * The row's attributes as this marketplace would be sent them for `categoryId` (the category's
   * attribute names -> value names; matched ones only, brand and certificate numbers included),
   * from MarketplaceAdapter.sentAttributes. Absent: the target cannot read attributes back, so the
   * plan never changes them there.
   */
  sentAttributes?: Record<string, string>;
}

export interface FieldChange {
  field: ListingField;
  from: unknown;
  to: unknown;
}

export type Change =
  | { kind: "create"; sku: string; product: DesiredProduct }
  | {
      kind: "update";
      sku: string;
      listingId: string;
      fields: FieldChange[];
      product: DesiredProduct;
      /** Per-variant changes of a product with variants (absent or [] when none). */
      variants?: VariantChange[];
      /** `sync --adopt`: the listing has no SKU (made by hand); this change puts `sku` on it. */
      adopt?: true;
    }
  | {
      kind: "reactivate";
      sku: string;
      listingId: string;
      /** Other fields to change as well (may be empty). */
      fields: FieldChange[];
      product: DesiredProduct;
      variants?: VariantChange[];
      adopt?: true;
    }
  | {
      kind: "deactivate";
      sku: string;
      listingId: string;
      /** `pruned`: not in the catalogue (only with --prune); `catalog-inactive`: its row says inactive. */
      reason: "pruned" | "catalog-inactive";
      fields: FieldChange[];
      product?: DesiredProduct;
      adopt?: true;
    };

export type ChangeKind = Change["kind"];

export interface ChangeError {
  /** Stable code: the marketplace's (e.g. `PRD_DLV_042`) or desbumi's (`OUTCOME_UNKNOWN`, `TIMEOUT`). */
  code: string;
  message: string;
  /** True when running sync again may succeed (network, 5xx, rate limit, interrupted). */
  retryable: boolean;
}

export type ChangeOutcome =
  | { status: "applied"; sku: string; kind: ChangeKind; listingId: string }
  | { status: "failed"; sku: string; kind: ChangeKind; listingId?: string; error: ChangeError }
  | { status: "skipped"; sku: string; kind: ChangeKind; reason: string };

/** A listing the plan will not touch, with why (shown as "left alone"). */
export interface LeftAlone {
  sku: string;
  listingId: string;
  /**
   * `not-in-catalog`: no row has its SKU (deactivated only with --prune); `invalid-row`: its row has
   * errors; `duplicate-sku`: another listing with the same SKU is the one kept in sync; `no-sku`: a
   * listing without a SKU (made by hand), which desbumi can never match, so never prunes;
   * `has-variants`: a single-SKU row whose listing has variants (a VARIANT_SHAPE_MISMATCH issue
   * says so; desbumi never deletes a listing's variants to make it single).
   */
  reason: "not-in-catalog" | "invalid-row" | "duplicate-sku" | "no-sku" | "has-variants";
}

/** Several live listings carry the same SKU (made by earlier tools); reported, never guessed at. */
export interface DuplicateListings {
  sku: string;
  /** All of them; the first is the one the plan compares with and changes. */
  listingIds: string[];
}

export interface Plan {
  version: 1;
  /** Adapter name, e.g. `tokopedia`. */
  marketplace: string;
  /** Human label of the target shop, e.g. "practice shop (mock marketplace)". */
  target: string;
  createdAt: string;
  catalog: {
    file: string;
    sha256: string;
    /** Absolute path at planning time, so `apply` can re-hash it from another folder. */
    path?: string;
  };
  /** Config group the plan was made for (`apply` re-opens that group's marketplace). */
  group?: string;
  /** The embedded practice shop (mock marketplace), not a real one. */
  practiceShop?: boolean;
  /** Sorted by SKU. */
  changes: Change[];
  unchanged: number;
  leftAlone: LeftAlone[];
  /** listingId -> fingerprint of the listing as seen when planning; `apply` refuses if any changed. */
  fingerprints: Record<string, string>;
  duplicates?: DuplicateListings[];
  /** Names of the category and etalase ids its changes mention (for reading; the changes keep raw ids). */
  names?: PlanNames;
}

/** id -> name, for the ids a plan's field changes mention and the target could name. */
export interface PlanNames {
  /** Category id -> its name, or the shortest unique tail of its path (`Minuman > Jamu`). */
  categories?: Record<string, string>;
  /** Etalase id -> the name the catalogue wrote for it. */
  etalase?: Record<string, string>;
}
