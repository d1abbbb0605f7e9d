// The shop's listings in memory, with name/sku indexes so uniqueness checks stay cheap.
// Every mutation is synchronous, so one request's read-modify-write never interleaves with another's.
import type { MockListing } from "./types.js";

export const FIRST_PRODUCT_ID = 2147700000;
/**
 * The highest product id the shop hands out: ids stay exact in a JavaScript client (below 2^53),
 * with room for a million more after it. A create past it fails per row; a state file past it is
 * refused on load (issue 13.11).
 */
export const MAX_PRODUCT_ID = Number.MAX_SAFE_INTEGER - 1_000_000;
const FIRST_ETALASE_ID = 1402900;

export interface Etalase {
  id: number;
  name: string;
}

export interface ShopState {
  shopId: number;
  name: string;
  domain: string;
  etalase: Etalase[];
  products: Map<number, MockListing>;
  /** Lower-cased trimmed name → productId, live (not deleted) products only. */
  byName: Map<string, number>;
  /** Lower-cased trimmed sku → productId, live products with a sku only. */
  bySku: Map<string, number>;
  nextProductId: number;
  /** Set when the credentials are kept in the state file (see StateSnapshot.credentials). */
  credentials?: { clientId: string; clientSecret: string };
}

/** What the state file holds. */
export interface StateSnapshot {
  version: 1;
  shopId: number;
  name: string;
  etalase: Etalase[];
  nextProductId: number;
  products: MockListing[];
  /**
   * The mock's own fake client credentials, kept only when the server was asked to
   * (`desbumi mock-server --state`, issue 12.17) so they survive a restart. Never real ones.
   */
  credentials?: { clientId: string; clientSecret: string };
}

// Invisible format characters (zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks).
const INVISIBLE = /[\p{Cf}]/gu;

/**
 * How two names (or SKUs) are compared: Unicode-compatibility folded (NFKC), invisible characters
 * dropped, runs of white space as one, case-insensitive. Issue 13.17: a zero-width space must not
 * make a name that looks the same count as a different one.
 */
export const keyOf = (text: string): string => text.normalize("NFKC").replace(INVISIBLE, "").replace(/\s+/gu, " ").trim().toLowerCase();

const domainOf = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, "") || "tokodesa";

export function createShop(shopId: number, name: string, etalaseNames: readonly string[]): ShopState {
  return {
    shopId,
    name,
    domain: domainOf(name),
    etalase: etalaseNames.map((n, i) => ({ id: FIRST_ETALASE_ID + i + 1, name: n })),
    products: new Map(),
    byName: new Map(),
    bySku: new Map(),
    nextProductId: FIRST_PRODUCT_ID,
  };
}

export function allocateProductId(shop: ShopState): number {
  const id = shop.nextProductId;
  shop.nextProductId += 1;
  return id;
}

const unindex = (shop: ShopState, p: MockListing): void => {
  if (shop.byName.get(keyOf(p.name)) === p.productId) shop.byName.delete(keyOf(p.name));
  if (p.sku && shop.bySku.get(keyOf(p.sku)) === p.productId) shop.bySku.delete(keyOf(p.sku));
};

const index = (shop: ShopState, p: MockListing): void => {
  if (p.status === 0) return;
  shop.byName.set(keyOf(p.name), p.productId);
  if (p.sku) shop.bySku.set(keyOf(p.sku), p.productId);
};

/** Inserts or replaces a listing, keeping the indexes right (deleted listings free their name/sku). */
export function putProduct(shop: ShopState, next: MockListing): void {
  const prev = shop.products.get(next.productId);
  if (prev) unindex(shop, prev);
  shop.products.set(next.productId, next);
  index(shop, next);
}

/** Live product (not deleted) by id. */
export function findLiveById(shop: ShopState, productId: number): MockListing | undefined {
  const p = shop.products.get(productId);
  return p && p.status !== 0 ? p : undefined;
}

export function findLiveBySku(shop: ShopState, sku: string): MockListing | undefined {
  const id = shop.bySku.get(keyOf(sku));
  return id === undefined ? undefined : findLiveById(shop, id);
}

/** Whether `name` is used by a live product other than `exceptId`. */
export function isNameTaken(shop: ShopState, name: string, exceptId?: number): boolean {
  const id = shop.byName.get(keyOf(name));
  return id !== undefined && id !== exceptId;
}

export function isSkuTaken(shop: ShopState, sku: string, exceptId?: number): boolean {
  const id = shop.bySku.get(keyOf(sku));
  return id !== undefined && id !== exceptId;
}

export const cloneListing = (p: MockListing): MockListing => structuredClone(p);

export function snapshotShop(shop: ShopState): StateSnapshot {
  return {
    ...(shop.credentials ? { credentials: { ...shop.credentials } } : {}),
    version: 1,
    shopId: shop.shopId,
    name: shop.name,
    etalase: shop.etalase.map((e) => ({ ...e })),
    nextProductId: shop.nextProductId,
    products: [...shop.products.values()].sort((a, b) => a.productId - b.productId),
  };
}

export function restoreShop(snapshot: StateSnapshot): ShopState {
  const shop = createShop(snapshot.shopId, snapshot.name, []);
  replaceShop(shop, snapshot);
  return shop;
}

/** Puts `shop` (the same object, which handlers hold) back to `snapshot`: a rollback. */
export function replaceShop(shop: ShopState, snapshot: StateSnapshot): void {
  clearProducts(shop);
  shop.name = snapshot.name;
  shop.domain = domainOf(snapshot.name);
  shop.etalase = snapshot.etalase.map((e) => ({ ...e }));
  for (const p of snapshot.products) putProduct(shop, structuredClone(p));
  const maxId = snapshot.products.reduce((max, p) => Math.max(max, p.productId), FIRST_PRODUCT_ID - 1);
  shop.nextProductId = Math.max(snapshot.nextProductId, maxId + 1);
  if (snapshot.credentials) shop.credentials = { ...snapshot.credentials };
}

export function clearProducts(shop: ShopState): void {
  shop.products.clear();
  shop.byName.clear();
  shop.bySku.clear();
  shop.nextProductId = FIRST_PRODUCT_ID;
}
