// The per-shop item store (mock item 8): item and model id sequences, update_time bumping, status
// transitions NORMAL <-> UNLIST, -> SELLER_DELETE; uploaded images.

export type ItemStatus = "NORMAL" | "UNLIST" | "REVIEWING" | "BANNED" | "SELLER_DELETE" | "SHOPEE_DELETE";

export interface AttributeValue {
  value_id: number;
  original_value_name: string;
  value_unit: string;
}

export interface ItemAttribute {
  attribute_id: number;
  attribute_value_list: AttributeValue[];
}

export interface TierOption {
  option: string;
  imageId?: string;
}

export interface Tier {
  name: string;
  options: TierOption[];
}

export interface Model {
  modelId: number;
  tierIndex: number[];
  sku: string;
  price: number;
  stock: number;
}

export interface Item {
  itemId: number;
  status: ItemStatus;
  name: string;
  description: string;
  sku: string;
  price: number;
  stock: number;
  /** Kilograms, as sent. */
  weight: number;
  categoryId: number;
  condition: "NEW" | "USED";
  brand: { brand_id: number; original_brand_name: string };
  attributes: ItemAttribute[];
  imageIds: string[];
  logistics: { logistic_id: number; enabled: boolean; size_id?: string; shipping_fee?: number; is_free?: boolean }[];
  dimension?: { package_length: number; package_width: number; package_height: number };
  purchaseLimit?: { min_purchase_limit: number; max_purchase_limit: number };
  tiers: Tier[];
  models: Model[];
  createTime: number;
  updateTime: number;
}

export interface StoredImage {
  imageId: string;
  bytes: number;
  /** sha256 of the uploaded bytes, so tests can count uploads of the same photo. */
  sha256: string;
}

export interface Shop {
  shopId: number;
  name: string;
  items: Map<number, Item>;
  images: Map<string, StoredImage>;
  nextItemId: number;
  nextModelId: number;
  /** Last update_time handed out, so every change moves it forward even within one second. */
  lastUpdate: number;
}

export const createShop = (shopId: number, name: string): Shop => ({
  shopId,
  name,
  items: new Map(),
  images: new Map(),
  nextItemId: 800_000_001,
  nextModelId: 900_000_001,
  lastUpdate: 0,
});

/** Marks an item changed: update_time strictly increases. */
export function touch(shop: Shop, item: Item, nowUnix: number): void {
  shop.lastUpdate = Math.max(nowUnix, shop.lastUpdate + 1);
  item.updateTime = shop.lastUpdate;
}

export const isDeleted = (item: Item): boolean => item.status === "SELLER_DELETE" || item.status === "SHOPEE_DELETE";

export interface ShopSnapshot {
  version: 1;
  shopId: number;
  name: string;
  items: Item[];
  images: StoredImage[];
  nextItemId: number;
  nextModelId: number;
  lastUpdate: number;
}

export const snapshotShop = (shop: Shop): ShopSnapshot => ({
  version: 1,
  shopId: shop.shopId,
  name: shop.name,
  items: [...shop.items.values()].map((i) => structuredClone(i)),
  images: [...shop.images.values()],
  nextItemId: shop.nextItemId,
  nextModelId: shop.nextModelId,
  lastUpdate: shop.lastUpdate,
});

export const restoreShop = (s: ShopSnapshot): Shop => ({
  shopId: s.shopId,
  name: s.name,
  items: new Map(s.items.map((i) => [i.itemId, i])),
  images: new Map(s.images.map((i) => [i.imageId, i])),
  nextItemId: s.nextItemId,
  nextModelId: s.nextModelId,
  lastUpdate: s.lastUpdate,
});

/** The fake CDN address of an uploaded image (stable per image id; never fetched by anyone). */
export const imageUrl = (imageId: string): string => `https://cf.shopee.co.id/file/${imageId}`;
