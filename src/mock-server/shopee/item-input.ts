// Decoding add_item/update_item bodies into item fields, and whole-item validation against the
// item-limit profile and the fixtures (mock item 10, 11), with the error names of reference A2.
import { attributesOf, BRANDS, channelOf, isKnownCategory, isLeafCategory, usableChannel } from "./fixtures.js";
import { limitsFor, type ItemLimitProfile } from "./limits.js";
import type { Item, ItemAttribute, Shop } from "./store.js";
import { paramError, reject } from "./wire.js";

type Fields = Partial<Omit<Item, "itemId" | "createTime" | "updateTime" | "tiers" | "models">>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** The fields a body sets (update_item: only those; add_item: all of them). Type errors reject. */
export function decodeItemFields(body: Record<string, unknown>, mode: "add" | "update"): Fields {
  const out: Fields = {};
  const has = (key: string): boolean => Object.hasOwn(body, key);
  if (mode === "update") {
    for (const key of ["original_price", "seller_stock", "normal_stock", "tier_variation", "model"]) {
      if (has(key)) paramError(`${key} can not be updated by update_item, use update_price, update_stock or the variation APIs.`);
    }
  }
  if (has("item_name")) out.name = typeof body.item_name === "string" ? body.item_name : paramError("item_name should be a string.");
  if (has("description")) out.description = typeof body.description === "string" ? body.description : paramError("description should be a string.");
  if (has("item_sku")) out.sku = typeof body.item_sku === "string" ? body.item_sku : paramError("item_sku should be a string.");
  if (has("original_price")) {
    const price = num(body.original_price);
    if (price === undefined || price <= 0) reject("error_invalid_price", "Invalid price.");
    out.price = price as number;
  }
  if (has("seller_stock")) out.stock = decodeStock(body.seller_stock);
  if (has("weight")) {
    const weight = num(body.weight);
    if (weight === undefined || weight <= 0) paramError("Invalid Weight.");
    out.weight = weight as number;
  }
  if (has("category_id")) {
    const id = num(body.category_id);
    if (id === undefined || !Number.isInteger(id)) reject("error_invalid_category", "Invalid category.");
    out.categoryId = id as number;
  }
  if (has("condition")) {
    if (body.condition !== "NEW" && body.condition !== "USED") paramError("condition should be NEW or USED.");
    out.condition = body.condition as "NEW" | "USED";
  }
  if (has("item_status")) {
    if (body.item_status !== "NORMAL" && body.item_status !== "UNLIST") paramError("item_status should be NORMAL or UNLIST.");
    out.status = body.item_status as "NORMAL" | "UNLIST";
  }
  if (has("image")) {
    const list = isObject(body.image) ? body.image.image_id_list : undefined;
    if (!Array.isArray(list) || !list.every((v) => typeof v === "string")) paramError("image.image_id_list should be a list of image ids.");
    out.imageIds = list as string[];
  }
  if (has("logistic_info")) out.logistics = decodeLogistics(body.logistic_info);
  if (has("attribute_list")) out.attributes = decodeAttributes(body.attribute_list);
  if (has("brand")) {
    const b = body.brand;
    const id = isObject(b) ? num(b.brand_id) : undefined;
    if (!isObject(b) || id === undefined) reject("error_invalid_brand", "Invalid brand.");
    out.brand = { brand_id: id as number, original_brand_name: String((b as Record<string, unknown>).original_brand_name ?? "") };
  }
  if (has("dimension")) {
    const d = body.dimension;
    const dims = isObject(d) ? [d.package_length, d.package_width, d.package_height].map(num) : [];
    if (dims.length !== 3 || dims.some((v) => v === undefined || !Number.isInteger(v) || v <= 0)) paramError("dimension needs package_length, package_width and package_height in whole cm.");
    out.dimension = { package_length: dims[0] as number, package_width: dims[1] as number, package_height: dims[2] as number };
  }
  if (has("purchase_limit_info")) {
    const p = body.purchase_limit_info;
    const min = isObject(p) ? num(p.min_purchase_limit) : undefined;
    if (min === undefined || !Number.isInteger(min) || min < 1) paramError("purchase_limit_info.min_purchase_limit should be a whole number of at least 1.");
    out.purchaseLimit = { min_purchase_limit: min as number, max_purchase_limit: num((p as Record<string, unknown>).max_purchase_limit) ?? 0 };
  }
  return out;
}

function decodeStock(raw: unknown): number {
  if (!Array.isArray(raw) || raw.length === 0 || !isObject(raw[0])) return paramError("seller_stock should be a list of {stock}.");
  const stock = num(raw[0].stock);
  if (stock === undefined || !Number.isInteger(stock) || stock < 0) return paramError("Invalid stock.");
  return stock;
}

function decodeLogistics(raw: unknown): Item["logistics"] {
  if (!Array.isArray(raw)) return reject("error_invalid_logistic_info", "logistic_info should be a list.");
  return raw.map((row) => {
    const id = isObject(row) ? num(row.logistic_id) : undefined;
    if (!isObject(row) || id === undefined) return reject("error_invalid_logistic_info", "Invalid logistic_id.");
    const fee = row.shipping_fee === undefined ? undefined : num(row.shipping_fee);
    if (row.shipping_fee !== undefined && (fee === undefined || fee < 0)) return reject("error_invalid_logistic_info", `Invalid shipping_fee of logistic ${id}.`);
    return {
      logistic_id: id,
      enabled: row.enabled === true,
      ...(row.size_id !== undefined && row.size_id !== null ? { size_id: String(row.size_id) } : {}),
      ...(fee !== undefined ? { shipping_fee: fee } : {}),
      ...(typeof row.is_free === "boolean" ? { is_free: row.is_free } : {}),
    };
  });
}

function decodeAttributes(raw: unknown): ItemAttribute[] {
  if (!Array.isArray(raw)) return reject("error_invalid_attribute_value", "attribute_list should be a list.");
  return raw.map((row) => {
    const id = isObject(row) ? num(row.attribute_id) : undefined;
    const values = isObject(row) ? row.attribute_value_list : undefined;
    if (id === undefined || !Array.isArray(values)) return reject("error_invalid_attribute_value", "Invalid attribute.");
    return {
      attribute_id: id,
      attribute_value_list: values.map((v) => {
        const valueId = isObject(v) ? num(v.value_id) : undefined;
        if (!isObject(v) || valueId === undefined) return reject("error_invalid_attribute_value", `Invalid value of attribute ${id}.`);
        return { value_id: valueId, original_value_name: String(v.original_value_name ?? ""), value_unit: String(v.value_unit ?? "") };
      }),
    };
  });
}

const hashtags = (text: string): number => (text.match(/#[^\s#]+/g) ?? []).length;

/** Whole-item checks; `candidate` is the item as it would be stored. Throws a Rejected reply. */
export function validateItem(shop: Shop, candidate: Item, profile: ItemLimitProfile): void {
  if (!isKnownCategory(candidate.categoryId)) reject("error_invalid_category", "Invalid category.");
  if (!isLeafCategory(candidate.categoryId)) reject("error_invalid_category", "Category is not a leaf category, please choose the last level.");
  const limits = limitsFor(profile, candidate.categoryId);
  const name = candidate.name.trim();
  if (name === "") reject("error_item_name_empty", "Item name is empty.");
  if ([...name].length < limits.name.min) reject("error_item_name_is_too_short", `Item name should be at least ${limits.name.min} characters.`);
  if ([...name].length > limits.name.max) reject("error_title_exceeds_max_length", `Item name should be at most ${limits.name.max} characters.`);
  if (/[<>]/.test(name)) reject("error_title_character_forbidden", "Item name has forbidden characters.");
  const descLength = [...candidate.description].length;
  if (descLength < limits.description.min) reject("error_desc_length_min_limit", `Description should be at least ${limits.description.min} characters.`);
  if (descLength > limits.description.max) paramError(`Description should be at most ${limits.description.max} characters.`);
  if (hashtags(candidate.description) > 18) reject("error_desc_hash_tag_over_limit", "Description has more than 18 hashtags.");
  if (candidate.models.length === 0) {
    checkPrice(candidate.price, limits.price);
    if (candidate.stock < limits.stock.min || candidate.stock > limits.stock.max) paramError(`Stock should be between ${limits.stock.min} and ${limits.stock.max}.`);
  }
  if (!(candidate.weight > 0)) paramError("Invalid Weight.");
  if (candidate.imageIds.length < limits.images.min) reject("error_image_num_min", `At least ${limits.images.min} image is needed.`);
  if (candidate.imageIds.length > limits.images.max) paramError(`At most ${limits.images.max} images are allowed.`);
  for (const id of candidate.imageIds) if (!shop.images.has(id)) paramError("Image not exist.");
  const enabled = candidate.logistics.filter((l) => l.enabled);
  if (enabled.length === 0 || enabled.some((l) => !usableChannel(l.logistic_id))) {
    reject("error_invalid_logistic_info", "Logistic channel is not enabled or not found.");
  }
  for (const l of enabled) checkFeeType(l, candidate);
  checkAttributes(candidate);
  if (candidate.brand.brand_id !== 0 && !BRANDS.some((b) => b.brand_id === candidate.brand.brand_id)) reject("error_invalid_brand", "Invalid brand.");
}

/** What each fee type needs (reference A3 logistics, SG-CREATE). */
function checkFeeType(l: Item["logistics"][number], item: Item): void {
  const c = channelOf(l.logistic_id);
  if (c?.fee_type === "SIZE_SELECTION" && !c.size_list.some((s) => s.size_id === l.size_id)) reject("error_invalid_logistic_info", `Logistic ${l.logistic_id} needs a size_id from its size_list.`);
  if (c?.fee_type === "SIZE_INPUT" && !item.dimension) reject("error_invalid_logistic_info", `Logistic ${l.logistic_id} needs the item's weight and dimension.`);
  if (c?.fee_type === "CUSTOM_PRICE" && l.shipping_fee === undefined) reject("error_invalid_logistic_info", `Logistic ${l.logistic_id} needs a shipping_fee.`);
}

export function checkPrice(price: number, range: { min: number; max: number }): void {
  // NOTE: Indonesia takes whole rupiah only (reference A6): a fraction is refused here, not rounded.
  if (!Number.isInteger(price)) reject("error_invalid_price", "Price should be a whole number for this region.");
  if (price < range.min) reject("error_price_exceed_min_limitt", `Price should be at least ${range.min}.`);
  if (price > range.max) reject("error_price_exceed_max_limitt", `Price should be at most ${range.max}.`);
}

function checkAttributes(item: Item): void {
  const tree = attributesOf(item.categoryId);
  for (const given of item.attributes) {
    const known = tree.find((a) => a.attribute_id === given.attribute_id);
    if (!known) reject("error_invalid_attribute_value", `Attribute ${given.attribute_id} does not belong to the category.`);
    for (const v of given.attribute_value_list) {
      const custom = v.value_id === 0 && v.original_value_name.trim() !== "";
      if (!custom && !known?.values.some((k) => k.value_id === v.value_id)) {
        reject("error_invalid_attribute_value", `Invalid value ${v.value_id} of attribute ${given.attribute_id}.`);
      }
      if (custom && (known?.input_type === 1 || known?.input_type === 4)) {
        reject("error_invalid_attribute_value", `Attribute ${given.attribute_id} takes only its listed values.`);
      }
    }
  }
  for (const required of tree.filter((a) => a.mandatory)) {
    const given = item.attributes.find((a) => a.attribute_id === required.attribute_id);
    if (!given || given.attribute_value_list.length === 0) reject("error_less_required_attribute", `Attribute ${required.name} is mandatory.`);
  }
}
