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
  price_info?: { original_price?: number }[];
  stock_info_v2?: { summary_info?: { total_available_stock?: number }; seller_stock?: { stock?: number }[] };
  image?: { image_id_list?: string[]; image_url_list?: string[] };
  brand?: { brand_id?: number; original_brand_name?: string };
  attribute_list?: { attribute_id: number; original_attribute_name?: string; attribute_value_list?: { value_id: number; original_value_name?: string }[] }[];
  purchase_limit_info?: { min_purchase_limit?: number };
}

export interface ModelList {
  tier_variation?: { name: string; option_list: { option: string; image?: { image_id?: string } }[] }[];
  model?: { model_id: number; tier_index: number[]; model_sku?: string; model_status?: string; price_info?: { original_price?: number }[]; stock_info_v2?: BaseInfo["stock_info_v2"] }[];
}

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

const stockOf = (info: BaseInfo["stock_info_v2"]): number => info?.summary_info?.total_available_stock ?? info?.seller_stock?.[0]?.stock ?? 0;

export function toVariants(models: ModelList, imageRef: (id: string) => string, imageHash?: (id: string) => string | null): ListingVariant[] {
  const tiers = models.tier_variation ?? [];
  return (models.model ?? []).map((m) => {
    const options: Record<string, string> = {};
    m.tier_index.forEach((index, t) => {
      const tier = tiers[t];
      if (tier) options[tier.name] = tier.option_list[index]?.option ?? "";
    });
    const imageId = tiers[0]?.option_list[m.tier_index[0] ?? 0]?.image?.image_id;
    return {
      id: String(m.model_id),
      sku: m.model_sku ?? "",
      options,
      price: m.price_info?.[0]?.original_price ?? 0,
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
    price: variants.length > 0 ? Math.min(...variants.map((v) => v.price)) : (info.price_info?.[0]?.original_price ?? 0),
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
