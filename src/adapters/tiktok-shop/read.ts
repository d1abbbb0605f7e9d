// Reading the shop (§4.1, §4.3): Search Products in pages of 100 until the last page; details
// (description, weight, category, images) from the detail cache or Get Product; mapped to Listing.
import pLimit from "p-limit";
import type { Listing, ListingReview } from "../../plan/types.js";
import type { PhotoUploadCache } from "../shared/photo-cache.js";
import type { TikTokClient } from "./client.js";
import { skuAttributesOf, type DetailCache, type ProductDetail, type SkuAttribute } from "./details.js";
import { AdapterError } from "../../errors.js";
import { ADAPTER } from "./errors.js";
import { fromHtml } from "./payload.js";

export const SEARCH_PATH = "/product/202502/products/search";
export const PAGE_SIZE = 100;

export interface SearchSku {
  id: string;
  seller_sku?: string;
  price?: { currency?: string; sale_price?: string; tax_exclusive_price?: string };
  /** NOTE: read as Number(quantity), so a server that sends it as a string is read the same. */
  inventory?: { warehouse_id?: string; quantity: number | string }[];
  /** Not among §4.1's key fields: absent from a server that follows it (then from ProductDetail.skuAttributes). */
  sales_attributes?: SkuAttribute[];
  status_info?: { status?: string };
}

export interface SearchProduct {
  id: string;
  title: string;
  status?: string;
  audit?: { status?: string };
  update_time?: number;
  integrated_platform_statuses?: { platform: string; status: string }[];
  skus?: SearchSku[];
}

interface ProductDetailAnswer {
  description?: string;
  package_weight?: { value?: string; unit?: string };
  category_chains?: { id: string; is_leaf?: boolean }[];
  main_images?: { uri: string }[];
  update_time?: number;
  minimum_order_quantity?: number;
  is_pre_owned?: boolean;
  product_attributes?: { id: string; name?: string; values?: { id?: string; name?: string }[] }[];
  skus?: { id?: string; seller_sku?: string; sales_attributes?: SkuAttribute[] }[];
  audit_failed_reasons?: { listing_platform?: string; reasons?: string[]; suggestions?: string[] }[];
}

export interface ReadDeps {
  client: TikTokClient;
  details: DetailCache;
  photos: PhotoUploadCache;
  warehouseId: string;
  concurrency: number;
  signal?: AbortSignal;
  /** Filled with each product's combined status (statusOf), for writes that depend on it. */
  statuses?: Map<string, string>;
  /** Filled with each SKU's inventory (SKU id -> per warehouse), for stock writes (write.ts inventoryOf). */
  inventories?: Map<string, { warehouse_id: string; quantity: number }[]>;
}

export async function searchAll(client: TikTokClient, body: Record<string, unknown>, signal?: AbortSignal): Promise<SearchProduct[]> {
  const all: SearchProduct[] = [];
  let token = "";
  for (;;) {
    const env = await client.call<{ products?: SearchProduct[]; next_page_token?: string }>("POST", SEARCH_PATH, {
      query: { page_size: String(PAGE_SIZE), ...(token ? { page_token: token } : {}) },
      json: body,
      cipher: true,
      ...(signal ? { signal } : {}),
    });
    if (env.code !== 0) throw new AdapterError({ adapter: ADAPTER, kind: "protocol", code: String(env.code), message: `search products refused: ${env.code} ${env.message}` });
    all.push(...(env.data?.products ?? []));
    token = env.data?.next_page_token ?? "";
    if (!token) return all;
  }
}

const grams = (w: { value?: string; unit?: string } | undefined): number => {
  const v = Number(w?.value ?? 0);
  return w?.unit === "GRAM" ? Math.round(v) : Math.round(v * 1000);
};

async function fetchDetail(client: TikTokClient, id: string, signal?: AbortSignal): Promise<{ detail: ProductDetail; reasons: ListingReview["reasons"] }> {
  const env = await client.call<ProductDetailAnswer>("GET", `/product/202309/products/${id}`, { cipher: true, ...(signal ? { signal } : {}) });
  if (env.code !== 0 || !env.data) throw new AdapterError({ adapter: ADAPTER, kind: "protocol", code: String(env.code), message: `get product ${id} refused: ${env.code} ${env.message}` });
  const d = env.data;
  const leaf = d.category_chains?.find((c) => c.is_leaf) ?? d.category_chains?.at(-1);
  const at = (r: { listing_platform?: string }): string => (r.listing_platform ? ` (${r.listing_platform})` : "");
  const reasons = (d.audit_failed_reasons ?? []).flatMap((r) => [
    ...(r.reasons ?? []).map((message) => ({ code: "reason", message: `${message}${at(r)}` })),
    ...(r.suggestions ?? []).map((message) => ({ code: "suggestion", message })),
  ]);
  return {
    detail: {
      description: fromHtml(d.description ?? ""),
      weightGrams: grams(d.package_weight),
      categoryId: leaf?.id ?? "",
      images: (d.main_images ?? []).map((m) => m.uri),
      minOrder: d.minimum_order_quantity ?? 1,
      preOwned: d.is_pre_owned === true,
      attributes: Object.fromEntries(
        (d.product_attributes ?? [])
          .filter((a) => a.name && (a.values ?? []).some((v) => v.name))
          .map((a) => [a.name as string, (a.values ?? []).map((v) => v.name ?? "").filter(Boolean).join(", ")]),
      ),
      ...withSkuAttributes(d.skus),
      updateTime: d.update_time ?? 0,
      writtenAt: 0,
    },
    reasons,
  };
}

const withSkuAttributes = (skus: ProductDetailAnswer["skus"]): { skuAttributes?: Record<string, SkuAttribute[]> } => {
  const attrs = skuAttributesOf(skus ?? []);
  return attrs ? { skuAttributes: attrs } : {};
};

/**
 * A SKU's sales attributes: the search row's when it carries them (some servers do), else what
 * Get Product or our last write said (§4.1 lists key fields only); the photo from whichever has it.
 */
function salesAttributesOf(s: SearchSku, d: ProductDetail): SkuAttribute[] {
  const own = s.sales_attributes ?? [];
  const known = s.seller_sku !== undefined ? (d.skuAttributes?.[s.seller_sku.toLowerCase()] ?? []) : [];
  if (own.length === 0) return known;
  if (own.some((a) => a.sku_img?.uri) || !known.some((a) => a.sku_img?.uri)) return own;
  return own.map((a) => {
    const image = known.find((k) => k.name === a.name && k.sku_img?.uri)?.sku_img;
    return image ? { ...a, sku_img: image } : a;
  });
}

/**
 * Whether the search row alone cannot say the product's variants: several SKUs (or one) without
 * sales attributes, and no record of them. Then Get Product is asked once (and the answer kept).
 */
const lacksSkuAttributes = (p: SearchProduct, d: ProductDetail | undefined): boolean =>
  (p.skus ?? []).length > 1 && (p.skus ?? []).every((s) => (s.sales_attributes ?? []).length === 0) && d?.skuAttributes === undefined;

/** In review or rejected: not live yet, so not deactivatable (§4.4). */
const WAITING = new Set(["PENDING", "FAILED"]);

const INACTIVE = new Set(["SELLER_DEACTIVATED", "PLATFORM_DEACTIVATED", "FREEZE", "DRAFT", "DELETED"]);

/** The combined status: TikTok's when listed there, else the Tokopedia platform status (§9: `status` is omitted then). */
const statusOf = (p: SearchProduct): string => p.status ?? p.integrated_platform_statuses?.[0]?.status ?? "ACTIVATE";

function reviewOf(p: SearchProduct, reasons: ListingReview["reasons"]): ListingReview {
  const status = statusOf(p);
  const platforms: Record<string, string> = {};
  if (p.status) platforms.TIKTOK_SHOP = p.status;
  for (const s of p.integrated_platform_statuses ?? []) platforms[s.platform] = s.status;
  const state: ListingReview["state"] =
    status === "FAILED" || p.audit?.status === "FAILED" ? "rejected"
    : status === "PENDING" || p.audit?.status === "AUDITING" ? "in-review"
    : status === "PLATFORM_DEACTIVATED" || status === "FREEZE" ? "banned"
    : status === "DRAFT" ? "draft"
    : "live";
  return { state, platforms, ...(reasons && reasons.length > 0 ? { reasons } : {}) };
}

/**
 * Every product of the shop as a Listing. A product without seller_sku (made by hand) becomes a
 * listing with sku "" (left alone by the plan). NOTE: a product under review or rejected reads as
 * "active" (the seller's intent); its review state is in Listing.review, so the plan neither
 * re-sends a rejected product unchanged nor "reactivates" one still in review.
 */
export async function readListings(deps: ReadDeps): Promise<Listing[]> {
  // NOTE: §4.1 lists DELETED among the search statuses and does not say whether the default ALL
  // returns deleted products: a deleted product is gone (Get Product refuses it, §4.3), so it is
  // no listing; a catalogue row for it is created again.
  const products = (await searchAll(deps.client, {}, deps.signal)).filter((p) => statusOf(p) !== "DELETED");
  for (const p of products) {
    deps.statuses?.set(p.id, statusOf(p));
    for (const s of p.skus ?? []) {
      const known = (s.inventory ?? []).flatMap((i) => (i.warehouse_id ? [{ warehouse_id: i.warehouse_id, quantity: Number(i.quantity) || 0 }] : []));
      deps.inventories?.set(s.id, known);
    }
  }
  const limit = pLimit(deps.concurrency);
  const listings = await Promise.all(
    products.map((p) =>
      limit(async () => {
        const rejected = statusOf(p) === "FAILED" || p.audit?.status === "FAILED";
        let detail = deps.details.fresh(p.id, p.update_time ?? 0);
        let reasons: ListingReview["reasons"];
        if (!detail || rejected || lacksSkuAttributes(p, detail)) {
          let got: Awaited<ReturnType<typeof fetchDetail>> | undefined;
          try {
            got = await fetchDetail(deps.client, p.id, deps.signal);
          } catch (error) {
            // Get Product is "not for FREEZE/DELETED" (§4.3): a frozen product is read from its
            // search row (and what we last knew of it) instead of stopping the whole read.
            if (!(error instanceof AdapterError) || statusOf(p) !== "FREEZE") throw error;
          }
          if (got) {
            reasons = got.reasons;
            // What only desbumi knows (Get Product does not say it) survives the re-read.
            const old = deps.details.get(p.id);
            detail = { ...got.detail, updateTime: p.update_time ?? got.detail.updateTime, ...(old?.stoppedVariants ? { stoppedVariants: old.stoppedVariants } : {}), ...(old?.certificates ? { certificates: old.certificates } : {}), ...(old?.heldStock ? { heldStock: old.heldStock } : {}) };
            deps.details.put(p.id, detail);
          } else {
            detail = deps.details.get(p.id) ?? { description: "", weightGrams: 0, categoryId: "", images: [], updateTime: 0, writtenAt: 0 };
          }
        }
        return toListing(p, detail, reasons, deps);
      }),
    ),
  );
  deps.details.retain(new Set(products.map((p) => p.id)));
  await deps.details.save();
  return listings;
}

function toListing(p: SearchProduct, d: ProductDetail, reasons: ListingReview["reasons"], deps: ReadDeps): Listing {
  const skus = p.skus ?? [];
  const first = skus[0];
  const qty = (s: SearchSku | undefined): number =>
    (s?.inventory ?? []).filter((i) => i.warehouse_id === deps.warehouseId || (s?.inventory?.length ?? 0) === 1).reduce((n, i) => n + (Number(i.quantity) || 0), 0);
  const price = (s: SearchSku | undefined): number => Number(s?.price?.sale_price ?? s?.price?.tax_exclusive_price ?? 0);
  // A SKU held at quantity 0 because its product was created inactive reads with the row's stock.
  const shown = (s: SearchSku | undefined): number => {
    const q = qty(s);
    const held = s?.seller_sku !== undefined ? d.heldStock?.[s.seller_sku.toLowerCase()] : undefined;
    return q === 0 && held !== undefined ? held : q;
  };
  const listing: Listing = {
    id: p.id,
    sku: first?.seller_sku ?? "",
    name: p.title,
    description: d.description,
    price: price(first),
    stock: skus.length > 1 ? skus.reduce((n, s) => n + shown(s), 0) : shown(first),
    weight: d.weightGrams,
    categoryId: d.categoryId,
    condition: d.preOwned ? "USED" : "NEW",
    // A product created for an inactive row waits in review for its deactivate (heldStock, §4.4).
    status: INACTIVE.has(statusOf(p)) || (d.heldStock !== undefined && WAITING.has(statusOf(p))) ? "inactive" : "active",
    min_order: d.minOrder ?? 1,
    etalase: "",
    images: d.images.map((uri) => deps.photos.refFor(uri) ?? uri),
    review: reviewOf(p, reasons),
  };
  // A photo uploaded from a file is compared by content (renaming the file changes nothing); one
  // downloaded from a link is compared by the link, as the plan compares links.
  const hashes = d.images.map((uri) => fileHash(uri, deps.photos));
  if (hashes.some((h) => h !== null)) listing.photoHashes = hashes;
  if (d.attributes && Object.keys(d.attributes).length > 0) listing.attributes = d.attributes;
  // A product with variants: several SKUs, or one SKU with sales attributes (a catalogue product
  // with a parent code and a single option row, `Isi=250 ml`): read as its variant, or every
  // sync would add that variant again.
  if (skus.length > 1 || (skus.length === 1 && salesAttributesOf(skus[0]!, d).some((a) => a.name))) {
    listing.variants = skus.map((s) => ({
      id: s.id,
      sku: s.seller_sku ?? "",
      // Options by the sales attribute's name (desbumi sends the catalogue's option names).
      options: Object.fromEntries(salesAttributesOf(s, d).filter((a) => a.name).map((a) => [a.name as string, a.value_name ?? ""])),
      price: price(s),
      ...variantState(s, qty(s), d),
      // The variant's photo: the sku_img of its sales attribute that has one (§4.2), by content too.
      ...variantPhoto(salesAttributesOf(s, d), deps.photos),
    }));
  }
  return listing;
}

/** A photo uploaded from a file: its content sha256 (renaming the file changes nothing); a link's: null (compared by the link). */
function fileHash(uri: string, photos: PhotoUploadCache): string | null {
  const ref = photos.refFor(uri);
  return ref !== undefined && !/^https?:\/\//i.test(ref) ? (photos.sha256Of(uri) ?? null) : null;
}

function variantPhoto(attributes: readonly SkuAttribute[], photos: PhotoUploadCache): { images: string[]; photoHashes?: (string | null)[] } {
  const uri = attributes.find((a) => a.sku_img?.uri)?.sku_img?.uri;
  if (!uri) return { images: [] };
  const hash = fileHash(uri, photos);
  return { images: [photos.refFor(uri) ?? uri], ...(hash ? { photoHashes: [hash] } : {}) };
}

/**
 * A variant's stock and status. `status_info.status` DEACTIVATED (§4.1) is inactive. NOTE: the API
 * has no per-SKU deactivate (§4.6), so desbumi stops a variant its row marks inactive by sending
 * quantity 0 and records it (ProductDetail.stoppedVariants); such a SKU, still NORMAL with no
 * sellable stock, reads back as the inactive variant with the row's stock, not as an active one
 * sold out (which made a status change on every sync).
 */
function variantState(s: SearchSku, quantity: number, d: ProductDetail): { stock: number; status: "active" | "inactive" } {
  if (s.status_info?.status === "DEACTIVATED") return { stock: quantity, status: "inactive" };
  const stopped = s.seller_sku !== undefined && d.stoppedVariants ? d.stoppedVariants[s.seller_sku.toLowerCase()] : undefined;
  if (stopped !== undefined && quantity === 0) return { stock: stopped, status: "inactive" };
  const held = s.seller_sku !== undefined && d.heldStock ? d.heldStock[s.seller_sku.toLowerCase()] : undefined;
  if (held !== undefined && quantity === 0) return { stock: held, status: "active" };
  return { stock: quantity, status: "active" };
}
