// Catalogue product -> add_item / update_item / init_tier_variation bodies (reference A3): grams ->
// kg, whole rupiah, "No Brand" (brand_id 0) when the catalogue names none, logistics channels,
// attributes from the category's tree, purchase_limit_info for a minimum order.
import type { Variant } from "../../catalog/types.js";
import type { DesiredProduct, FieldChange } from "../../plan/types.js";
import { buildAttributes } from "./attributes.js";
import type { Details } from "./details.js";
import { ShopeeApiError } from "./errors.js";
import { kgFromGrams } from "./map.js";

/** "No Brand" (reference A3: brand_id 0). */
export const NO_BRAND = { brand_id: 0, original_brand_name: "NoBrand" };

export interface LogisticRow {
  logistic_id: number;
  enabled: boolean;
  size_id?: string | number;
}

/**
 * add_item's logistic_info (reference A3 logistics): each fee type asks for something else.
 * SIZE_SELECTION gets a size_id, SIZE_INPUT needs the item's dimension (`needsDimension`),
 * FIXED_DEFAULT_PRICE needs nothing.
 * NOTE: the first size of size_list is the size_id we send (the catalogue has no parcel sizes);
 * CUSTOM_PRICE channels are left out, since the catalogue names no shipping fee to send.
 */
export async function logisticInfo(details: Details, wanted: readonly (number | string)[] | undefined): Promise<{ rows: LogisticRow[]; needsDimension: boolean }> {
  const channels = await details.channels();
  const fold = (s: string): string => s.trim().toLowerCase();
  const named = wanted === undefined ? channels : channels.filter((c) => wanted.some((w) => (typeof w === "number" ? w === c.id : fold(w) === fold(c.name) || w === String(c.id))));
  const rows: LogisticRow[] = [];
  let needsDimension = false;
  for (const c of named) {
    if (c.feeType === "CUSTOM_PRICE") continue;
    if (c.feeType === "SIZE_SELECTION") {
      const [size] = c.sizeIds;
      if (size !== undefined) rows.push({ logistic_id: c.id, enabled: true, size_id: size });
      continue;
    }
    if (c.feeType === "SIZE_INPUT") needsDimension = true;
    rows.push({ logistic_id: c.id, enabled: true });
  }
  if (rows.length === 0) {
    const why = named.length > 0 ? ` (${named.map((c) => c.name).join(", ")} take a shipping fee or parcel size desbumi cannot give)` : "";
    throw new ShopeeApiError("error_invalid_logistic_info", wanted ? `none of the configured logistics channels (${wanted.join(", ")}) can be used for new items${why}` : `the shop has no logistics channel desbumi can enable${why}`, 0);
  }
  return { rows, needsDimension };
}

/** add_item's dimension (whole cm, all three), from the adapter's packageDimensionCm. */
export interface PackageCm {
  length: number;
  width: number;
  height: number;
}

export async function brandOf(details: Details, product: DesiredProduct, categoryId: number): Promise<{ brand_id: number; original_brand_name: string }> {
  const name = product.brand?.trim() ?? "";
  if (name === "" || /^(no ?brand|tanpa merek)$/i.test(name)) return NO_BRAND;
  const id = await details.brandId(name, categoryId);
  if (id === undefined) throw new ShopeeApiError("error_invalid_brand", `brand "${name}" is not in Shopee's brand list for this category; leave the brand empty for "No Brand"`, 0);
  return { brand_id: id, original_brand_name: name };
}

export async function attributeList(details: Details, product: DesiredProduct, categoryId: number) {
  const built = buildAttributes(product, await details.attributes(categoryId));
  const p = built.blocking;
  if (p) {
    throw new ShopeeApiError(p.kind === "missing" ? "error_less_required_attribute" : "error_invalid_attribute_value", `attribute "${p.attribute.name}" is ${p.kind === "missing" ? "missing" : "not accepted"}`, 0);
  }
  return built.list;
}

export async function addItemBody(product: DesiredProduct, imageIds: string[], details: Details, logistics: readonly (number | string)[] | undefined, packageCm: PackageCm): Promise<Record<string, unknown>> {
  const categoryId = Number(product.categoryId);
  const variants = product.variants ?? [];
  const channels = await logisticInfo(details, logistics);
  const isDimensionNeeded = channels.needsDimension || (await details.limits(categoryId)).isDimensionMandatory === true;
  return {
    item_name: product.name,
    description: product.description,
    original_price: variants[0]?.price ?? product.price,
    seller_stock: [{ stock: variants.length > 0 ? 0 : product.stock }],
    weight: kgFromGrams(product.weight),
    category_id: categoryId,
    image: { image_id_list: imageIds },
    logistic_info: channels.rows,
    ...(isDimensionNeeded ? { dimension: { package_length: packageCm.length, package_width: packageCm.width, package_height: packageCm.height } } : {}),
    item_sku: product.sku,
    condition: product.condition,
    item_status: product.status === "active" ? "NORMAL" : "UNLIST",
    brand: await brandOf(details, product, categoryId),
    attribute_list: await attributeList(details, product, categoryId),
    ...(product.min_order > 1 ? { purchase_limit_info: { min_purchase_limit: product.min_order, max_purchase_limit: 0 } } : {}),
  };
}

/** update_item with only what changed (price and stock go through their own endpoints). */
export async function updateItemBody(itemId: number, product: DesiredProduct, fields: readonly FieldChange[], details: Details, imageIds: () => Promise<string[]>): Promise<Record<string, unknown> | undefined> {
  const body: Record<string, unknown> = { item_id: itemId };
  for (const f of fields) {
    if (f.field === "name") body.item_name = product.name;
    else if (f.field === "description") body.description = product.description;
    else if (f.field === "weight") body.weight = kgFromGrams(product.weight);
    else if (f.field === "condition") body.condition = product.condition;
    else if (f.field === "min_order") body.purchase_limit_info = { min_purchase_limit: product.min_order, max_purchase_limit: 0 };
    else if (f.field === "images") body.image = { image_id_list: await imageIds() };
    else if (f.field === "category") {
      body.category_id = Number(product.categoryId);
      body.attribute_list = await attributeList(details, product, Number(product.categoryId));
    } else if (f.field === "attributes") body.attribute_list ??= await attributeList(details, product, Number(product.categoryId));
  }
  return Object.keys(body).length > 1 ? body : undefined;
}

/** The tiers (<= 2 option names, in catalogue column order) and each variant's tier_index. */
export function tiersOf(variants: readonly Variant[]): { names: string[]; options: string[][]; index: (v: Variant) => number[] } {
  const names = Object.keys(variants[0]?.options ?? {}).slice(0, 2);
  const options = names.map((n) => [...new Set(variants.map((v) => v.options[n] ?? ""))]);
  return { names, options, index: (v) => names.map((n, t) => options[t]?.indexOf(v.options[n] ?? "") ?? 0) };
}

export function initTierBody(itemId: number, variants: readonly Variant[], optionImages: Map<string, string> | undefined): Record<string, unknown> {
  const { names, options, index } = tiersOf(variants);
  return {
    item_id: itemId,
    standardise_tier_variation: names.map((name, t) => ({
      variation_id: 0,
      variation_name: name,
      variation_group_id: 0,
      variation_option_list: (options[t] ?? []).map((option) => ({
        variation_option_id: 0,
        variation_option_name: option,
        ...(t === 0 && optionImages?.get(option) ? { image_id: optionImages.get(option) } : {}),
      })),
    })),
    model: variants.map((v) => ({ tier_index: index(v), original_price: v.price, model_sku: v.sku, seller_stock: [{ stock: v.stock }] })),
  };
}
