// The item-limit profile behind get_item_limit and add_item/update_item validation (reference A3
// get_item_limit, A6). NOTE (open question "ID values from get_item_limit"): no real Indonesian
// numbers are published; these defaults are our choice (the reference's mock defaults for name,
// description and images; CSDK-like price/stock), and every value can be replaced per server and
// per category, so tests drive validation from the profile.

export interface Range {
  min: number;
  max: number;
}

export interface ItemLimits {
  price: Range;
  stock: Range;
  name: Range;
  images: Range;
  description: Range;
  tierName: Range;
  optionName: Range;
  /** Items per shop (item_count_limit.max_limit). */
  itemCount: number;
}

export interface ItemLimitProfile extends ItemLimits {
  /** Overrides for some leaf categories. */
  perCategory?: Record<number, Partial<ItemLimits>>;
}

export const DEFAULT_ITEM_LIMITS: ItemLimitProfile = {
  price: { min: 100, max: 150_000_000 },
  stock: { min: 0, max: 999_999 },
  name: { min: 1, max: 255 },
  images: { min: 1, max: 9 },
  description: { min: 1, max: 3000 },
  tierName: { min: 1, max: 14 },
  optionName: { min: 1, max: 20 },
  itemCount: 50_000,
  // Batik cloth must be named in some detail (motif, size), to exercise per-category limits.
  perCategory: { 100014: { name: { min: 20, max: 255 } } },
};

export function limitsFor(profile: ItemLimitProfile, categoryId: number | undefined): ItemLimits {
  const over = categoryId === undefined ? undefined : profile.perCategory?.[categoryId];
  const { perCategory: _ignored, ...base } = profile;
  return { ...base, ...over };
}

/** The get_item_limit response body for one category (or the shop default). */
export function itemLimitResponse(limits: ItemLimits): Record<string, unknown> {
  const range = (r: Range) => ({ min_limit: r.min, max_limit: r.max });
  return {
    price_limit: range(limits.price),
    stock_limit: range(limits.stock),
    item_name_length_limit: range(limits.name),
    item_image_count_limit: range(limits.images),
    item_description_length_limit: range(limits.description),
    tier_variation_name_length_limit: range(limits.tierName),
    tier_variation_option_length_limit: range(limits.optionName),
    wholesale_price_threshold_percentage: { min_limit: 1, max_limit: 50 },
    item_count_limit: { max_limit: limits.itemCount },
    dts_limit: { days_to_ship_limit: { min_limit: 1, max_limit: 3 }, non_pre_order_days_to_ship: 2 },
    weight_limit: { weight_mandatory: true },
    dimension_limit: { dimension_mandatory: false },
  };
}
