// Tiers and models (reference A3 "Variants", mock item 15): init_tier_variation, update_tier_variation,
// add_model, delete_model, with tier_index range checks, <= 2 tiers and <= 50 models.
import { checkPrice } from "./item-input.js";
import { limitsFor, type ItemLimits } from "./limits.js";
import type { Route, RouteContext } from "./route-types.js";
import { isDeleted, touch, type Item, type Model, type Tier } from "./store.js";
import { ok, paramError, reject, type ShopeeReply } from "./wire.js";

export const MAX_TIERS = 2;
export const MAX_MODELS = 50;
const MODEL_SKU_MAX = 100;
/** Highest price of a model over the lowest, in Indonesia (reference A6). */
const PRICE_RATIO_MAX = 7;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function requireItem(ctx: RouteContext): Item {
  const item = typeof ctx.body.item_id === "number" ? ctx.shop.items.get(ctx.body.item_id) : undefined;
  if (!item || isDeleted(item)) return reject("error_item_not_found", "Item not found.");
  return item;
}

/** Both shapes: `standardise_tier_variation` and the legacy `tier_variation`. */
function decodeTiers(ctx: RouteContext, body: Record<string, unknown>, limits: ItemLimits): Tier[] {
  const standard = body.standardise_tier_variation;
  const legacy = body.tier_variation;
  const raw = Array.isArray(standard) ? standard : Array.isArray(legacy) ? legacy : paramError("standardise_tier_variation is required.");
  if (raw.length < 1 || raw.length > MAX_TIERS) paramError(`An item has 1 to ${MAX_TIERS} tier variations.`);
  const tiers = raw.map((t): Tier => {
    if (!isObject(t)) return paramError("Wrong tier variation.");
    const name = String(Array.isArray(standard) ? t.variation_name : t.name ?? "");
    const list = Array.isArray(standard) ? t.variation_option_list : t.option_list;
    if (!Array.isArray(list) || list.length === 0) return paramError(`Tier ${name} has no options.`);
    if (name.length < limits.tierName.min || name.length > limits.tierName.max) paramError(`Tier name should be ${limits.tierName.min} to ${limits.tierName.max} characters.`);
    const options = list.map((o) => {
      if (!isObject(o)) return paramError("Wrong variation option.");
      const option = String(Array.isArray(standard) ? o.variation_option_name : o.option ?? "");
      const imageId = Array.isArray(standard) ? o.image_id : isObject(o.image) ? o.image.image_id : undefined;
      if (option.length < limits.optionName.min || option.length > limits.optionName.max) paramError(`Option name should be ${limits.optionName.min} to ${limits.optionName.max} characters.`);
      if (imageId !== undefined && (typeof imageId !== "string" || !ctx.shop.images.has(imageId))) paramError("Image not exist.");
      return { option, ...(typeof imageId === "string" && imageId !== "" ? { imageId } : {}) };
    });
    if (new Set(options.map((o) => o.option.toLowerCase())).size !== options.length) paramError(`Tier ${name} repeats an option.`);
    return { name, options };
  });
  tiers.forEach((tier, i) => {
    const withImage = tier.options.filter((o) => o.imageId).length;
    if (withImage > 0 && i > 0) paramError("Only the first tier may have option images.");
    if (withImage > 0 && withImage < tier.options.length) paramError("Option images: all options of the first tier or none.");
  });
  return tiers;
}

function decodeModels(ctx: RouteContext, raw: unknown, tiers: readonly Tier[], limits: ItemLimits): Omit<Model, "modelId">[] {
  if (!Array.isArray(raw) || raw.length === 0) return paramError("model is required.");
  return raw.map((m) => {
    if (!isObject(m) || !Array.isArray(m.tier_index)) return paramError("Wrong model.");
    const tierIndex = m.tier_index as unknown[];
    if (tierIndex.length !== tiers.length || tierIndex.some((v, i) => typeof v !== "number" || !Number.isInteger(v) || v < 0 || v >= (tiers[i]?.options.length ?? 0))) {
      paramError("tier_index is out of range.");
    }
    const price = typeof m.original_price === "number" ? m.original_price : Number.NaN;
    checkPrice(price, limits.price);
    const stockRow = Array.isArray(m.seller_stock) && isObject(m.seller_stock[0]) ? m.seller_stock[0].stock : 0;
    if (typeof stockRow !== "number" || !Number.isInteger(stockRow) || stockRow < limits.stock.min || stockRow > limits.stock.max) paramError("Invalid stock.");
    const sku = typeof m.model_sku === "string" ? m.model_sku : "";
    if (sku.length > MODEL_SKU_MAX) paramError(`model_sku should be at most ${MODEL_SKU_MAX} characters.`);
    return { tierIndex: tierIndex as number[], sku, price, stock: stockRow as number };
  });
}

function checkModelSet(models: readonly Omit<Model, "modelId">[]): void {
  if (models.length > MAX_MODELS) paramError(`An item has at most ${MAX_MODELS} models.`);
  const keys = models.map((m) => m.tierIndex.join(","));
  if (new Set(keys).size !== keys.length) paramError("Repeat tier_index.");
  const prices = models.map((m) => m.price);
  if (prices.length > 0 && Math.max(...prices) > PRICE_RATIO_MAX * Math.min(...prices)) {
    reject("error_invalid_price", `The highest model price may be at most ${PRICE_RATIO_MAX} times the lowest.`);
  }
}

/** Item-level price and stock follow the models (lowest price, total stock). */
function deriveFromModels(item: Item): void {
  if (item.models.length === 0) return;
  item.price = Math.min(...item.models.map((m) => m.price));
  item.stock = item.models.reduce((sum, m) => sum + m.stock, 0);
}

const view = (item: Item) => ({
  item_id: item.itemId,
  tier_variation: item.tiers.map((t) => ({ name: t.name, option_list: t.options.map((o) => ({ option: o.option })) })),
  model: item.models.map((m) => ({ tier_index: m.tierIndex, model_id: m.modelId, model_sku: m.sku, price_info: [{ original_price: m.price, current_price: m.price }], seller_stock: [{ stock: m.stock }] })),
});

export interface VariationFlags {
  /** init_tier_variation is refused this long after add_item (reference A3: "wait ~5 s"). */
  settleSeconds: number;
}

const initTierVariation = (flags: VariationFlags) => (ctx: RouteContext): ShopeeReply => {
  const item = requireItem(ctx);
  if (flags.settleSeconds > 0 && ctx.nowUnix - item.createTime < flags.settleSeconds) return paramError("The item is not ready for variations yet, please try again in a few seconds.");
  if (item.tiers.length > 0) return paramError("The item already has tier variations, use update_tier_variation and add_model.");
  const limits = limitsFor(ctx.profile, item.categoryId);
  const tiers = decodeTiers(ctx, ctx.body, limits);
  const models = decodeModels(ctx, ctx.body.model, tiers, limits);
  checkModelSet(models);
  item.tiers = tiers;
  item.models = models.map((m) => ({ ...m, modelId: ctx.shop.nextModelId++ }));
  deriveFromModels(item);
  touch(ctx.shop, item, ctx.nowUnix);
  return ok(view(item));
};

function updateTierVariation(ctx: RouteContext): ShopeeReply {
  const item = requireItem(ctx);
  if (item.tiers.length === 0) return paramError("The item has no tier variations, use init_tier_variation.");
  const tiers = decodeTiers(ctx, ctx.body, limitsFor(ctx.profile, item.categoryId));
  if (tiers.length !== item.tiers.length) return paramError("The number of tiers can not change.");
  // Existing options keep their index: options may be renamed or added at the end.
  tiers.forEach((t, i) => {
    if (t.options.length < (item.tiers[i]?.options.length ?? 0)) paramError("Options can not be removed here; delete the models first.");
  });
  item.tiers = tiers;
  touch(ctx.shop, item, ctx.nowUnix);
  return ok(view(item));
}

function addModel(ctx: RouteContext): ShopeeReply {
  const item = requireItem(ctx);
  if (item.tiers.length === 0) return paramError("The item has no tier variations, use init_tier_variation.");
  const limits = limitsFor(ctx.profile, item.categoryId);
  const added = decodeModels(ctx, ctx.body.model_list, item.tiers, limits);
  checkModelSet([...item.models, ...added]);
  item.models.push(...added.map((m) => ({ ...m, modelId: ctx.shop.nextModelId++ })));
  deriveFromModels(item);
  touch(ctx.shop, item, ctx.nowUnix);
  return ok(view(item));
}

function deleteModel(ctx: RouteContext): ShopeeReply {
  const item = requireItem(ctx);
  const index = item.models.findIndex((m) => m.modelId === ctx.body.model_id);
  if (index < 0) return paramError("Wrong model_id.");
  if (item.models.length === 1) return paramError("An item with variations keeps at least one model.");
  item.models.splice(index, 1);
  deriveFromModels(item);
  touch(ctx.shop, item, ctx.nowUnix);
  return ok({ item_id: item.itemId, model_id: ctx.body.model_id });
}

export const variationRoutes = (flags: VariationFlags): Record<string, Route> => ({
  "/api/v2/product/init_tier_variation": { method: "POST", sign: "shop", isWrite: true, handle: initTierVariation(flags) },
  "/api/v2/product/update_tier_variation": { method: "POST", sign: "shop", isWrite: true, handle: updateTierVariation },
  "/api/v2/product/add_model": { method: "POST", sign: "shop", isWrite: true, handle: addModel },
  "/api/v2/product/delete_model": { method: "POST", sign: "shop", isWrite: true, handle: deleteModel },
});
