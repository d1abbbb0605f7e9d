// Item writes: add_item, update_item, update_price, update_stock, unlist_item, delete_item
// (reference A3, mock items 10-13).
import { NO_BRAND } from "./fixtures.js";
import { checkPrice, decodeItemFields, validateItem } from "./item-input.js";
import { limitsFor } from "./limits.js";
import { countLive } from "./routes-read.js";
import type { Route, RouteContext } from "./route-types.js";
import { imageUrl, isDeleted, touch, type Item } from "./store.js";
import { fail, ok, paramError, reject, type ShopeeReply } from "./wire.js";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export interface WriteFlags {
  /** Holiday mode: add_item and delete_item are refused. */
  holiday: boolean;
}

const echo = (i: Item) => ({
  item_id: i.itemId,
  item_name: i.name,
  item_sku: i.sku,
  item_status: i.status,
  category_id: i.categoryId,
  images: { image_id_list: [...i.imageIds], image_url_list: i.imageIds.map(imageUrl) },
  price_info: { original_price: i.price, current_price: i.price },
  weight: i.weight,
});

function requireItem(ctx: RouteContext, raw: unknown): Item {
  const id = typeof raw === "number" ? raw : Number.NaN;
  const item = ctx.shop.items.get(id);
  if (!item) return reject("error_item_not_found", `Item ${String(raw)} not found.`);
  if (isDeleted(item)) return reject("error_item_not_found", `Item ${String(raw)} is deleted.`);
  return item;
}

export const addItem =
  (flags: WriteFlags) =>
  (ctx: RouteContext): ShopeeReply => {
    if (flags.holiday) return fail("error_holiday_on_add_item", "Shop is in holiday mode, can not add item.");
    const fields = decodeItemFields(ctx.body, "add");
    for (const [key, present] of [
      ["item_name", fields.name],
      ["description", fields.description],
      ["original_price", fields.price],
      ["weight", fields.weight],
      ["category_id", fields.categoryId],
      ["image", fields.imageIds],
      ["logistic_info", fields.logistics],
    ] as const) {
      if (present === undefined) paramError(`${key} is required.`);
    }
    const limits = limitsFor(ctx.profile, fields.categoryId);
    if (countLive(ctx.shop.items.values()) >= limits.itemCount) return fail("error_reach_shop_item_limit", "The shop has reached its item limit.");
    const item: Item = {
      itemId: 0,
      status: fields.status ?? "NORMAL",
      name: fields.name ?? "",
      description: fields.description ?? "",
      sku: fields.sku ?? "",
      price: fields.price ?? 0,
      stock: fields.stock ?? 0,
      weight: fields.weight ?? 0,
      categoryId: fields.categoryId ?? 0,
      condition: fields.condition ?? "NEW",
      brand: fields.brand ?? { brand_id: NO_BRAND.brand_id, original_brand_name: NO_BRAND.original_brand_name },
      attributes: fields.attributes ?? [],
      imageIds: fields.imageIds ?? [],
      logistics: fields.logistics ?? [],
      ...(fields.dimension ? { dimension: fields.dimension } : {}),
      ...(fields.purchaseLimit ? { purchaseLimit: fields.purchaseLimit } : {}),
      tiers: [],
      models: [],
      createTime: ctx.nowUnix,
      updateTime: ctx.nowUnix,
    };
    validateItem(ctx.shop, item, ctx.profile);
    const name = item.name.trim().toLowerCase();
    for (const other of ctx.shop.items.values()) {
      if (!isDeleted(other) && other.name.trim().toLowerCase() === name) return fail("error_repeated_mtsku", "A similar product already exists in the shop.");
    }
    item.itemId = ctx.shop.nextItemId++;
    touch(ctx.shop, item, ctx.nowUnix);
    item.createTime = item.updateTime;
    ctx.shop.items.set(item.itemId, item);
    return ok(echo(item));
  };

function updateItem(ctx: RouteContext): ShopeeReply {
  const item = requireItem(ctx, ctx.body.item_id);
  const fields = decodeItemFields(ctx.body, "update");
  if (fields.status !== undefined && (item.status === "BANNED" || item.status === "REVIEWING")) {
    return paramError(`Item status ${item.status} can not be changed.`);
  }
  const candidate: Item = { ...structuredClone(item), ...fields };
  // Blank item_sku clears it (already "" through the merge); the whole item is re-validated.
  validateItem(ctx.shop, candidate, ctx.profile);
  Object.assign(item, candidate);
  touch(ctx.shop, item, ctx.nowUnix);
  return ok(echo(item));
}

interface Row {
  modelId: number;
  value: unknown;
}

function rows(ctx: RouteContext, key: "price_list" | "stock_list"): { item: Item; rows: Row[] } {
  const item = requireItem(ctx, ctx.body.item_id);
  const list = ctx.body[key];
  if (!Array.isArray(list) || list.length < 1 || list.length > 50) return paramError(`${key} should hold 1 to 50 rows.`);
  const seen = new Set<number>();
  const out: Row[] = [];
  for (const row of list) {
    if (!isObject(row)) return paramError(`Wrong ${key} row.`);
    const modelId = row.model_id === undefined ? 0 : typeof row.model_id === "number" ? row.model_id : paramError("Wrong model_id.");
    if (seen.has(modelId)) return paramError("Repeat model_id.");
    seen.add(modelId);
    out.push({ modelId, value: key === "price_list" ? row.original_price : row.seller_stock });
  }
  if (item.models.length > 0 && seen.has(0)) {
    return reject(key === "price_list" ? "error_edit_item_price_for_item_has_model" : "error_edit_item_stock_for_item_has_model", "This item has models, edit each model.");
  }
  return { item, rows: out };
}

/** A row's new value and its echo in success_list, or why the row is refused. */
type RowVerdict = { value: number; echo: Record<string, unknown> } | { refused: string };

/** update_price / update_stock: each row on its model (0 = the item itself), refused rows listed apart. */
function perModel(ctx: RouteContext, key: "price_list" | "stock_list", decide: (value: unknown, item: Item) => RowVerdict): ShopeeReply {
  const { item, rows: list } = rows(ctx, key);
  const field = key === "price_list" ? "price" : "stock";
  const success: unknown[] = [];
  const failure: unknown[] = [];
  for (const row of list) {
    const model = row.modelId === 0 ? undefined : item.models.find((m) => m.modelId === row.modelId);
    const verdict: RowVerdict = row.modelId !== 0 && !model ? { refused: "Wrong model_id." } : decide(row.value, item);
    if ("refused" in verdict) {
      failure.push({ model_id: row.modelId, failed_reason: verdict.refused });
      continue;
    }
    (model ?? item)[field] = verdict.value;
    success.push({ model_id: row.modelId, ...verdict.echo });
  }
  if (success.length > 0) touch(ctx.shop, item, ctx.nowUnix);
  return ok({ success_list: success, failure_list: failure }, failure.length > 0 ? "Some rows failed, see failure_list." : "");
}

const updatePrice = (ctx: RouteContext): ShopeeReply =>
  perModel(ctx, "price_list", (value, item) => {
    const price = typeof value === "number" ? value : Number.NaN;
    try {
      checkPrice(price, limitsFor(ctx.profile, item.categoryId).price);
    } catch (error) {
      return { refused: error instanceof Error ? error.message : "Invalid price." };
    }
    return { value: price, echo: { original_price: price } };
  });

const updateStock = (ctx: RouteContext): ShopeeReply =>
  perModel(ctx, "stock_list", (value, item) => {
    const range = limitsFor(ctx.profile, item.categoryId).stock;
    const first = Array.isArray(value) && isObject(value[0]) ? value[0].stock : undefined;
    if (typeof first !== "number" || !Number.isInteger(first) || first < range.min || first > range.max) return { refused: `Stock should be between ${range.min} and ${range.max}.` };
    return { value: first, echo: { seller_stock: [{ stock: first }] } };
  });

function unlistItem(ctx: RouteContext): ShopeeReply {
  const list = ctx.body.item_list;
  if (!Array.isArray(list) || list.length < 1 || list.length > 50) return paramError("item_list should hold 1 to 50 items.");
  const success: unknown[] = [];
  const failure: unknown[] = [];
  for (const row of list) {
    const id = isObject(row) && typeof row.item_id === "number" ? row.item_id : undefined;
    const unlist = isObject(row) ? row.unlist : undefined;
    if (id === undefined || typeof unlist !== "boolean") return paramError("Each item_list row needs item_id and unlist.");
    const item = ctx.shop.items.get(id);
    if (!item || isDeleted(item)) {
      failure.push({ item_id: id, failed_reason: "Item not found." });
      continue;
    }
    if (item.status === "BANNED" || item.status === "REVIEWING") {
      failure.push({ item_id: id, failed_reason: `Item status ${item.status} can not be changed.` });
      continue;
    }
    const next = unlist ? "UNLIST" : "NORMAL";
    if (item.status !== next) {
      item.status = next;
      touch(ctx.shop, item, ctx.nowUnix);
    }
    success.push({ item_id: id, unlist });
  }
  return ok({ success_list: success, failure_list: failure }, failure.length > 0 ? "Some items failed, see failure_list." : "");
}

const deleteItem =
  (flags: WriteFlags) =>
  (ctx: RouteContext): ShopeeReply => {
    if (flags.holiday) return fail("error_holiday_on_del_item", "Shop is in holiday mode, can not delete item.");
    const item = requireItem(ctx, ctx.body.item_id);
    item.status = "SELLER_DELETE";
    touch(ctx.shop, item, ctx.nowUnix);
    return { ...ok({}), noResponse: true };
  };

export const writeRoutes = (flags: WriteFlags): Record<string, Route> => ({
  "/api/v2/product/add_item": { method: "POST", sign: "shop", isWrite: true, handle: addItem(flags) },
  "/api/v2/product/update_item": { method: "POST", sign: "shop", isWrite: true, handle: updateItem },
  "/api/v2/product/update_price": { method: "POST", sign: "shop", isWrite: true, handle: updatePrice },
  "/api/v2/product/update_stock": { method: "POST", sign: "shop", isWrite: true, handle: updateStock },
  "/api/v2/product/unlist_item": { method: "POST", sign: "shop", isWrite: true, handle: unlistItem },
  "/api/v2/product/delete_item": { method: "POST", sign: "shop", isWrite: true, handle: deleteItem(flags) },
});
