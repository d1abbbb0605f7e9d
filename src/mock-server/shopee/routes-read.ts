// Read endpoints: item list and base info, models, categories, attributes, brands, limits,
// logistics, shop info (reference A3, mock items 9, 16).
import { attributesOf, BRANDS, categories, CHANNELS, isKnownCategory, isLeafCategory } from "./fixtures.js";
import { itemLimitResponse, limitsFor } from "./limits.js";
import type { Route, RouteContext } from "./route-types.js";
import { imageUrl, isDeleted, type Item } from "./store.js";
import { fail, ok, okFlat, paramError, queryInt, queryList, reject } from "./wire.js";

/** NOTE (open question "offset ceiling"): our default (option itemListOffsetCap); past it the answer names the cursor field. */
export const ITEM_LIST_OFFSET_CAP = 10_000;
const READ_STATUSES = new Set(["NORMAL", "BANNED", "UNLIST", "REVIEWING", "SELLER_DELETE", "SHOPEE_DELETE"]);

function getItemList(ctx: RouteContext) {
  const offset = queryInt(ctx.query, "offset");
  const pageSize = queryInt(ctx.query, "page_size");
  const statuses = queryList(ctx.query, "item_status");
  if (offset === undefined || offset < 0) return paramError("offset is required.");
  if (pageSize === undefined || pageSize < 1 || pageSize > 100) return paramError("page_size should be between 1 and 100.");
  if (statuses.length === 0) return paramError("item_status is required.");
  for (const s of statuses) if (!READ_STATUSES.has(s)) paramError(`Wrong item_status ${s}.`);
  if (offset >= ctx.itemListOffsetCap) return paramError("get items offset over limit, please use the next field");
  const from = queryInt(ctx.query, "update_time_from");
  const to = queryInt(ctx.query, "update_time_to");
  if (from !== undefined && to !== undefined && from > to) return reject("error_update_time_range", "update_time_from should be earlier than update_time_to.");
  // NOTE (choice): ordered by item_id, so a page boundary does not move when items are edited mid-listing.
  const matching = [...ctx.shop.items.values()]
    .filter((i) => statuses.includes(i.status))
    .filter((i) => (from === undefined || i.updateTime >= from) && (to === undefined || i.updateTime <= to))
    .sort((a, b) => a.itemId - b.itemId);
  const page = matching.slice(offset, offset + pageSize);
  const hasNext = offset + page.length < matching.length;
  return ok({
    item: page.map((i) => ({ item_id: i.itemId, item_status: i.status, update_time: i.updateTime })),
    total_count: matching.length,
    has_next_page: hasNext,
    next_offset: hasNext ? offset + page.length : 0,
  });
}

const stockInfo = (stock: number) => ({
  summary_info: { total_reserved_stock: 0, total_available_stock: stock },
  seller_stock: [{ location_id: "IDZ", stock, if_saleable: true }],
  shopee_stock: [],
});

const priceInfo = (price: number) => [{ currency: "IDR", original_price: price, current_price: price, inflated_price_of_original_price: Math.round(price * 1.11), inflated_price_of_current_price: Math.round(price * 1.11) }];

export function baseInfo(i: Item): Record<string, unknown> {
  const hasModel = i.models.length > 0;
  const tree = attributesOf(i.categoryId);
  return {
    item_id: i.itemId,
    category_id: i.categoryId,
    item_name: i.name,
    description: i.description,
    description_type: "normal",
    item_sku: i.sku,
    create_time: i.createTime,
    update_time: i.updateTime,
    attribute_list: i.attributes.map((a) => {
      const known = tree.find((t) => t.attribute_id === a.attribute_id);
      return {
        attribute_id: a.attribute_id,
        original_attribute_name: known?.name ?? "",
        is_mandatory: known?.mandatory ?? false,
        attribute_value_list: a.attribute_value_list.map((v) => ({
          value_id: v.value_id,
          original_value_name: v.value_id === 0 ? v.original_value_name : (known?.values.find((k) => k.value_id === v.value_id)?.name ?? v.original_value_name),
          value_unit: v.value_unit,
        })),
      };
    }),
    ...(hasModel ? {} : { price_info: priceInfo(i.price) }),
    image: { image_id_list: [...i.imageIds], image_url_list: i.imageIds.map(imageUrl), image_ratio: "1:1" },
    // A string, as in the documented sample ("10.02").
    weight: String(i.weight),
    ...(i.dimension ? { dimension: i.dimension } : {}),
    logistic_info: i.logistics.map((l) => ({
      logistic_id: l.logistic_id,
      logistic_name: CHANNELS.find((c) => c.logistics_channel_id === l.logistic_id)?.logistics_channel_name ?? "",
      enabled: l.enabled,
      ...(l.size_id !== undefined ? { size_id: l.size_id } : {}),
      ...(l.shipping_fee !== undefined ? { shipping_fee: l.shipping_fee } : {}),
      is_free: l.is_free ?? false,
    })),
    pre_order: { is_pre_order: false, days_to_ship: 2 },
    condition: i.condition,
    item_status: i.status,
    has_model: hasModel,
    brand: i.brand,
    item_dangerous: 0,
    ...(i.purchaseLimit ? { purchase_limit_info: i.purchaseLimit } : {}),
    ...(hasModel ? {} : { stock_info_v2: stockInfo(i.stock) }),
  };
}

function getItemBaseInfo(ctx: RouteContext) {
  const ids = queryList(ctx.query, "item_id_list");
  if (ids.length === 0 || ids.length > 50) return paramError("item_id_list should hold 1 to 50 ids.");
  const list: Record<string, unknown>[] = [];
  const missing: string[] = [];
  for (const raw of ids) {
    const item = /^\d+$/.test(raw) ? ctx.shop.items.get(Number(raw)) : undefined;
    if (item) list.push(baseInfo(item));
    else missing.push(raw);
  }
  return ok({ item_list: list }, missing.length > 0 ? `item_id ${missing.join(",")} not found` : "");
}

export function modelView(i: Item): Record<string, unknown> {
  return {
    tier_variation: i.tiers.map((t) => ({ name: t.name, option_list: t.options.map((o) => ({ option: o.option, ...(o.imageId ? { image: { image_id: o.imageId, image_url: imageUrl(o.imageId) } } : {}) })) })),
    standardise_tier_variation: i.tiers.map((t) => ({
      variation_id: 0,
      variation_name: t.name,
      variation_group_id: 0,
      variation_option_list: t.options.map((o) => ({ variation_option_id: 0, variation_option_name: o.option, ...(o.imageId ? { image_id: o.imageId, image_url: imageUrl(o.imageId) } : {}) })),
    })),
    model: i.models.map((m) => ({
      model_id: m.modelId,
      tier_index: [...m.tierIndex],
      model_sku: m.sku,
      model_status: "MODEL_NORMAL",
      price_info: priceInfo(m.price),
      stock_info_v2: stockInfo(m.stock),
    })),
  };
}

function getModelList(ctx: RouteContext) {
  const id = queryInt(ctx.query, "item_id");
  const item = id === undefined ? undefined : ctx.shop.items.get(id);
  if (!item) return fail("error_item_not_found", "Item not found.");
  return ok(modelView(item));
}

function getCategory(ctx: RouteContext) {
  const language = ctx.query.get("language") === "en" ? "en" : "id";
  return ok({ category_list: categories(language) });
}

function getAttributeTree(ctx: RouteContext) {
  // Either spelling (the doc's sample writes category_ids); an id given under both is answered once.
  const ids = [...new Set([...queryList(ctx.query, "category_id_list"), ...queryList(ctx.query, "category_ids")])];
  if (ids.length === 0 || ids.length > 20) return paramError("category_id_list should hold 1 to 20 ids.");
  const list = ids.map((raw) => {
    const id = Number(raw);
    if (!isLeafCategory(id)) return reject("error_invalid_category", `Category ${raw} is not a leaf category.`);
    return {
      category_id: id,
      attribute_tree: attributesOf(id).map((a) => ({
        attribute_id: a.attribute_id,
        mandatory: a.mandatory,
        name: a.name,
        attribute_value_list: a.values.map((v) => ({ value_id: v.value_id, name: v.name, value_unit: v.value_unit })),
        attribute_info: { input_type: a.input_type, input_validation_type: 0, format_type: 1, attribute_unit_list: [], max_value_count: a.input_type >= 4 ? 5 : 1 },
      })),
    };
  });
  return ok({ list });
}

function getBrandList(ctx: RouteContext) {
  const category = queryInt(ctx.query, "category_id");
  const offset = queryInt(ctx.query, "offset") ?? 0;
  const pageSize = queryInt(ctx.query, "page_size");
  if (category === undefined || !isKnownCategory(category)) return reject("error_invalid_category", "Invalid category.");
  if (pageSize === undefined || pageSize < 1 || pageSize > 100) return paramError("page_size should be between 1 and 100.");
  const page = BRANDS.slice(offset, offset + pageSize);
  const hasNext = offset + page.length < BRANDS.length;
  return ok({ brand_list: page, has_next_page: hasNext, next_offset: hasNext ? offset + page.length : 0, is_mandatory: false, input_type: "DROP_DOWN" });
}

function getItemLimit(ctx: RouteContext) {
  const category = queryInt(ctx.query, "category_id");
  if (category !== undefined && !isKnownCategory(category)) return reject("error_invalid_category", "Invalid category.");
  return ok(itemLimitResponse(limitsFor(ctx.profile, category)));
}

const getChannelList = () => ok({ logistics_channel_list: structuredClone(CHANNELS) });

function getShopInfo(ctx: RouteContext) {
  return okFlat({ shop_name: ctx.shop.name, region: "ID", status: "NORMAL", is_cb: false, auth_time: 0, expire_time: 0 });
}

const live = (i: Item): boolean => !isDeleted(i);
export const countLive = (items: Iterable<Item>): number => [...items].filter(live).length;

export const READ_ROUTES: Record<string, Route> = {
  "/api/v2/product/get_item_list": { method: "GET", sign: "shop", isWrite: false, handle: getItemList },
  "/api/v2/product/get_item_base_info": { method: "GET", sign: "shop", isWrite: false, handle: getItemBaseInfo },
  "/api/v2/product/get_model_list": { method: "GET", sign: "shop", isWrite: false, handle: getModelList },
  "/api/v2/product/get_category": { method: "GET", sign: "shop", isWrite: false, handle: getCategory },
  "/api/v2/product/get_attribute_tree": { method: "GET", sign: "shop", isWrite: false, handle: getAttributeTree },
  "/api/v2/product/get_brand_list": { method: "GET", sign: "shop", isWrite: false, handle: getBrandList },
  "/api/v2/product/get_item_limit": { method: "GET", sign: "shop", isWrite: false, handle: getItemLimit },
  "/api/v2/logistics/get_channel_list": { method: "GET", sign: "shop", isWrite: false, handle: getChannelList },
  "/api/v2/shop/get_shop_info": { method: "GET", sign: "shop", isWrite: false, handle: getShopInfo },
};
