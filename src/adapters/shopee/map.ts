// Shopee items <-> desbumi listings (reference A3): kg <-> grams, item status values, item_sku and
// model_sku as SKUs, models as Listing.variants, REVIEWING/BANNED as Listing.review.
import type { Condition, ProductStatus } from "../../catalog/types.js";
import type { Listing, ListingReview, ListingVariant } from "../../plan/types.js";

export interface BaseInfo {
  item_id: number;
  category_id: number;
  item_name: string;
  description?: string;
  item_sku?: string;
  item_status: string;
  has_model?: boolean;
  weight?: string | number;
  condition?: string;
  /** An array in get_item_base_info, one object in add_item's echo (reference A3): both are read. */
  price_info?: PriceInfo[] | PriceInfo | null;
  stock_info_v2?: { summary_info?: { total_available_stock?: number } | null; seller_stock?: { stock?: number }[] | null } | null;
  image?: { image_id_list?: string[]; image_url_list?: string[] };
  brand?: { brand_id?: number; original_brand_name?: string };
  attribute_list?: { attribute_id: number; original_attribute_name?: string; attribute_value_list?: { value_id: number; original_value_name?: string }[] }[];
  purchase_limit_info?: { min_purchase_limit?: number };
}

interface PriceInfo {
  original_price?: number | string;
}

/**
 * get_model_list (reference A3) names the tiers twice: the legacy `tier_variation` (declared
 * deprecated on 2025-09-12) and `standardise_tier_variation`. Either may be missing.
 */
export interface ModelList {
  tier_variation?: { name: string; option_list?: { option: string; image?: { image_id?: string } | null }[] }[] | null;
  standardise_tier_variation?: { variation_name: string; variation_option_list?: { variation_option_name: string; image_id?: string | null }[] }[] | null;
  model?: { model_id: number; tier_index: number[]; model_sku?: string; model_status?: string; price_info?: PriceInfo[] | PriceInfo | null; stock_info_v2?: BaseInfo["stock_info_v2"] }[] | null;
}

/** One tier as read, whichever of the two shapes the answer carried. */
interface ReadTier {
  name: string;
  options: { option: string; imageId?: string }[];
}

/** The legacy shape when it has tiers, else the standardised one. */
export function readTiers(models: ModelList): ReadTier[] {
  const legacy = models.tier_variation ?? [];
  if (legacy.length > 0) return legacy.map((t) => ({ name: t.name, options: (t.option_list ?? []).map((o) => ({ option: o.option, ...(o.image?.image_id ? { imageId: o.image.image_id } : {}) })) }));
  return (models.standardise_tier_variation ?? []).map((t) => ({
    name: t.variation_name,
    options: (t.variation_option_list ?? []).map((o) => ({ option: o.variation_option_name, ...(o.image_id ? { imageId: o.image_id } : {}) })),
  }));
}

const priceOf = (info: PriceInfo[] | PriceInfo | null | undefined): number => Number((Array.isArray(info) ? info[0] : info)?.original_price ?? 0);

/** Read statuses of items that are gone (reference A3: SELLER_DELETE, SHOPEE_DELETE; older pages DELETED). */
export const DELETED_STATUSES: ReadonlySet<string> = new Set(["SELLER_DELETE", "SHOPEE_DELETE", "DELETED"]);

/** Read status -> catalogue status and review. `DELETED` is the older data-definition name (reference A3). */
export function mapStatus(status: string): { status: ProductStatus; review?: ListingReview } {
  switch (status) {
    case "NORMAL":
      return { status: "active" };
    case "REVIEWING":
      return { status: "active", review: { state: "in-review", reasons: [{ code: "REVIEWING", message: "Shopee is reviewing this item" }] } };
    case "BANNED":
      return { status: "inactive", review: { state: "banned", reasons: [{ code: "BANNED", message: "Shopee banned this item; fix it in Seller Center" }] } };
    default:
      return { status: "inactive" };
  }
}

export const gramsFromKg = (weight: string | number | undefined): number => Math.round(Number(weight ?? 0) * 1000);
/** Grams -> kg for add_item/update_item (floats; three decimals keep whole grams exact). */
export const kgFromGrams = (grams: number): number => Math.round(grams) / 1000;

/** Available stock: the summary, else the seller stock of every location added up. */
const stockOf = (info: BaseInfo["stock_info_v2"]): number => info?.summary_info?.total_available_stock ?? (info?.seller_stock ?? []).reduce((n, s) => n + (s.stock ?? 0), 0);

export function toVariants(models: ModelList, imageRef: (id: string) => string, imageHash?: (id: string) => string | null): ListingVariant[] {
  const tiers = readTiers(models);
  return (models.model ?? []).map((m) => {
    const options: Record<string, string> = {};
    m.tier_index.forEach((index, t) => {
      const tier = tiers[t];
      if (tier) options[tier.name] = tier.options[index]?.option ?? "";
    });
    const imageId = tiers[0]?.options[m.tier_index[0] ?? 0]?.imageId;
    return {
      id: String(m.model_id),
      sku: m.model_sku ?? "",
      options,
      price: priceOf(m.price_info),
      stock: stockOf(m.stock_info_v2),
      ...(imageId ? { images: [imageRef(imageId)] } : {}),
      // By content where the photo cache knows the file (renaming it changes nothing).
      ...(imageId && imageHash?.(imageId) ? { photoHashes: [imageHash(imageId)] } : {}),
      status: m.model_status === "MODEL_UNAVAILABLE" ? "inactive" : "active",
    };
  });
}

/** `imageRef` maps an uploaded image id back to the catalogue reference it was uploaded for. */
export function toListing(info: BaseInfo, models: ModelList | undefined, imageRef: (id: string, index: number) => string, imageHash?: (id: string) => string | null): Listing {
  const { status, review } = mapStatus(info.item_status);
  const variants = models ? toVariants(models, (id) => imageRef(id, -1), imageHash) : [];
  const ids = info.image?.image_id_list ?? [];
  const hashes = imageHash ? ids.map((id) => imageHash(id)) : [];
  const brand = info.brand?.brand_id ? (info.brand.original_brand_name ?? "") : "";
  const attributes: Record<string, string> = {};
  for (const a of info.attribute_list ?? []) {
    const value = (a.attribute_value_list ?? []).map((v) => v.original_value_name ?? "").filter(Boolean).join(", ");
    if (a.original_attribute_name && value) attributes[a.original_attribute_name] = value;
  }
  return {
    id: String(info.item_id),
    sku: info.item_sku ?? "",
    name: info.item_name,
    description: info.description ?? "",
    price: variants.length > 0 ? Math.min(...variants.map((v) => v.price)) : priceOf(info.price_info),
    stock: variants.length > 0 ? variants.reduce((n, v) => n + v.stock, 0) : stockOf(info.stock_info_v2),
    weight: gramsFromKg(info.weight),
    categoryId: String(info.category_id),
    condition: (info.condition === "USED" ? "USED" : "NEW") as Condition,
    status,
    min_order: info.purchase_limit_info?.min_purchase_limit || 1,
    etalase: "",
    images: ids.map((id, i) => imageRef(id, i) || info.image?.image_url_list?.[i] || id),
    ...(hashes.some((h) => h !== null) ? { photoHashes: hashes } : {}),
    ...(variants.length > 0 ? { variants } : {}),
    ...(review ? { review } : {}),
    ...(brand ? { brand } : {}),
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
  };
}
