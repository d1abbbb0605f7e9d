// Reads: the shop's listings page by page, single products by SKU or id, the category tree.
// Doc: shared/reference/tokopedia-seller-api.md §5.1, §5.9.
import type { Category } from "../types.js";
import type { Listing } from "../../plan/types.js";
import type { ApiResponse, TokopediaClient } from "./client.js";
import { NOT_FOUND_CODES, protocolError, rejectedError, RetriesExhaustedError } from "./errors.js";
import { buildUrl } from "./transport.js";
import { readCategories, readListing, readShopId } from "./map.js";

/** The API's maximum page size (§4). */
export const PAGE_SIZE = 50;
export const PRODUCT_INFO_ENDPOINT = "GET product/info";

export interface ShopRef {
  baseUrl: string;
  fsId: string;
  shopId: string;
}

const productInfoPath = (shop: ShopRef): string => `/inventory/v1/fs/${shop.fsId}/product/info`;

function productArray(res: ApiResponse, shop: ShopRef, path: string): unknown[] {
  if (res.data === null || res.data === undefined) return [];
  if (!Array.isArray(res.data)) {
    throw protocolError(buildUrl(shop.baseUrl, path), res.status, "product info data is not a list");
  }
  return res.data;
}

/** Every listing of the shop (deleted ones left out), pages of 50 until a short page. */
export async function listAllListings(client: TokopediaClient, shop: ShopRef, signal?: AbortSignal): Promise<Listing[]> {
  const out: Listing[] = [];
  const path = productInfoPath(shop);
  for (let page = 1; ; page++) {
    const res = await client.call({
      method: "GET",
      path,
      query: { shop_id: shop.shopId, page, per_page: PAGE_SIZE },
      endpoint: PRODUCT_INFO_ENDPOINT,
      write: false,
      idempotent: true,
      ...(signal ? { signal, stop: signal } : {}),
    });
    if (res.status !== 200) throw requestRefused(shop, path, res);
    const rows = productArray(res, shop, path);
    for (const row of rows) {
      const listing = readListing(row);
      if (listing) out.push(listing);
    }
    if (rows.length < PAGE_SIZE) return out;
  }
}

/**
 * The live listing with this SKU in our shop, or undefined. Used before resending a create whose
 * outcome is unknown: found means it was created, so sending again would duplicate it.
 */
export async function findListingBySku(client: TokopediaClient, shop: ShopRef, sku: string): Promise<Listing | undefined> {
  const path = productInfoPath(shop);
  // NOTE: no shop_id here: with shop_id the endpoint switches to its paged mode (PRD_DLV_005).
  const res = await client.call({
    method: "GET",
    path,
    query: { sku },
    endpoint: PRODUCT_INFO_ENDPOINT,
    write: false,
    idempotent: true,
  });
  if (res.status !== 200) {
    // Only a clear "not found" may lead to sending the create again; anything else stays unknown.
    if (res.header.errorCode && NOT_FOUND_CODES.has(res.header.errorCode)) return undefined;
    throw new RetriesExhaustedError(res.header.errorCode ?? `HTTP_${res.status}`, "the SKU lookup was refused");
  }
  for (const row of productArray(res, shop, path)) {
    const shopOfRow = readShopId(row);
    if (shopOfRow !== "" && shopOfRow !== shop.shopId) continue;
    const listing = readListing(row);
    if (listing && listing.sku === sku) return listing;
  }
  return undefined;
}

/** Listings by id (comma-separated `product_id`), to confirm statuses after an unclear answer. */
export async function findListingsByIds(client: TokopediaClient, shop: ShopRef, ids: readonly string[]): Promise<Map<string, Listing>> {
  const path = productInfoPath(shop);
  const res = await client.call({
    method: "GET",
    path,
    query: { product_id: ids.join(",") },
    endpoint: PRODUCT_INFO_ENDPOINT,
    write: false,
    idempotent: true,
  });
  const found = new Map<string, Listing>();
  if (res.status !== 200) return found;
  for (const row of productArray(res, shop, path)) {
    const listing = readListing(row);
    if (listing) found.set(listing.id, listing);
  }
  return found;
}

export async function fetchCategories(client: TokopediaClient, shop: ShopRef, signal?: AbortSignal): Promise<Category[]> {
  const path = `/inventory/v1/fs/${shop.fsId}/product/category`;
  const res = await client.call({
    method: "GET",
    path,
    endpoint: "GET product/category",
    write: false,
    idempotent: true,
    ...(signal ? { signal, stop: signal } : {}),
  });
  if (res.status !== 200) throw requestRefused(shop, path, res);
  return readCategories(res.data);
}

function requestRefused(shop: ShopRef, path: string, res: ApiResponse): Error {
  return rejectedError(buildUrl(shop.baseUrl, path), res.status, res.header.errorCode, res.header.reason || res.header.messages);
}
