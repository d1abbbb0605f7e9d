// Product payload checks of the mock (§4.2, §10.8) with the documented codes. Returns the first
// problem as {code, message}, like the platform's single-error answers.
import { ATTRIBUTES, CATEGORIES, CERTIFICATIONS, WAREHOUSES, type MockAttribute } from "./fixtures.js";
import type { MockState } from "./state.js";

export interface Problem {
  code: number;
  message: string;
}

export interface ValidateConfig {
  /** ID market: 25 (§4.2). Configurable so a contract suite written for other markets can run. */
  titleMinLength: number;
  /** NOTE (open question §11 inventory minimum): the mock accepts 0 (2024 docs) so stock 0 can be set; 1 = the 2025 reading. */
  minQuantity: number;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const CHINESE = /[\u4e00-\u9fff]/;

export function checkTitle(title: unknown, cfg: ValidateConfig): Problem | undefined {
  if (typeof title !== "string" || title.trim() === "") return { code: 12052910, message: "title is required" };
  if (CHINESE.test(title)) return { code: 12052262, message: "The title cannot contain Chinese characters." };
  const n = [...title].length;
  if (n > 255) return { code: 12052051, message: "The product title exceeds the 255 character limit." };
  if (n < cfg.titleMinLength) return { code: 12052910, message: `The product title must be between ${cfg.titleMinLength} and 255 characters.` };
  return undefined;
}

export function checkCategory(id: unknown): Problem | undefined {
  const c = CATEGORIES.find((x) => x.id === id);
  if (!c) return { code: 12052023, message: "Category does not exist." };
  if (!c.is_leaf) return { code: 12052024, message: "The category is not a leaf category." };
  if (!c.permission_statuses.includes("AVAILABLE")) return { code: 12052225, message: "The category is not permitted for this shop." };
  return undefined;
}

export function checkImages(state: MockState, images: unknown): Problem | undefined {
  if (!Array.isArray(images) || images.length === 0) return { code: 12052028, message: "main_images is required." };
  if (images.length > 9) return { code: 12052306, message: "At most 9 main images." };
  for (const img of images) {
    const uri = isObj(img) ? img.uri : undefined;
    if (typeof uri !== "string" || !Object.hasOwn(state.images, uri)) return { code: 12052300, message: `Image uri ${String(uri)} is not found, upload it first.` };
  }
  return undefined;
}

export function checkPrice(price: unknown): Problem | undefined {
  if (!isObj(price)) return { code: 12052073, message: "price is required." };
  if (price.currency !== "IDR") return { code: 12052084, message: "The currency is not valid for this shop." };
  // NOTE (open question §11 IDR format): whole rupiah only; "190000.00" is accepted, other decimals refused.
  if (typeof price.amount !== "string" || !/^\d+(\.0+)?$/.test(price.amount)) return { code: 12052012, message: "The price format is invalid." };
  const n = Number(price.amount);
  if (n < 100 || n > 100_000_000) return { code: 12052570, message: "The price must be between 100 and 100000000 IDR." };
  return undefined;
}

export function checkInventory(inventory: unknown, cfg: ValidateConfig): Problem | undefined {
  if (!Array.isArray(inventory) || inventory.length === 0) return { code: 12052910, message: "inventory is required." };
  for (const entry of inventory) {
    if (!isObj(entry)) return { code: 12052910, message: "inventory entry must be an object." };
    const wh = WAREHOUSES.find((w) => w.id === entry.warehouse_id);
    if (!wh) return { code: 12052097, message: `Warehouse ${String(entry.warehouse_id)} does not exist.` };
    if (wh.type !== "SALES_WAREHOUSE") return { code: 12052530, message: "The warehouse is not a sales warehouse of the shop." };
    if (wh.effect_status !== "ENABLED") return { code: 12052531, message: "The warehouse is disabled." };
    const q = entry.quantity;
    if (typeof q !== "number" || !Number.isInteger(q) || q < cfg.minQuantity || q > 99_999) {
      return { code: 12052055, message: `The quantity must be between ${cfg.minQuantity} and 99999.` };
    }
  }
  return undefined;
}

export function checkSkus(skus: unknown, cfg: ValidateConfig, state?: MockState): Problem | undefined {
  if (!Array.isArray(skus) || skus.length === 0) return { code: 12052910, message: "skus is required." };
  if (skus.length > 100) return { code: 12052050, message: "At most 100 SKUs." };
  const combos = new Set<string>();
  for (const sku of skus) {
    if (!isObj(sku)) return { code: 12052910, message: "sku must be an object." };
    const seller = sku.seller_sku;
    if (seller !== undefined) {
      if (typeof seller !== "string" || seller.length === 0 || /\s/.test(seller)) return { code: 12019059, message: "The seller SKU is invalid (1-50 characters, no spaces)." };
      if (seller.length > 50) return { code: 12052054, message: "The seller SKU is too long." };
    }
    const p = checkPrice(sku.price) ?? checkInventory(sku.inventory, cfg);
    if (p) return p;
    const attrs = Array.isArray(sku.sales_attributes) ? sku.sales_attributes : [];
    if (attrs.length > 3) return { code: 12052525, message: "At most 3 sales attributes." };
    const combo = JSON.stringify(attrs.map((a) => (isObj(a) ? `${String(a.id ?? a.name)}=${String(a.value_id ?? a.value_name)}` : "")));
    if (combos.has(combo)) return { code: 12052560, message: "Duplicate sales attribute combination." };
    combos.add(combo);
  }
  return checkSkuImages(skus, state);
}

/**
 * `sku_img` (§4.2): only on one sales attribute, and then on that attribute of every SKU, each an
 * uploaded image.
 */
function checkSkuImages(skus: readonly unknown[], state: MockState | undefined): Problem | undefined {
  const attrsOf = (sku: unknown): Record<string, unknown>[] => (isObj(sku) && Array.isArray(sku.sales_attributes) ? sku.sales_attributes.filter(isObj) : []);
  const keyOf = (a: Record<string, unknown>): string => String(a.id ?? a.name);
  const withImage = new Set<string>();
  for (const sku of skus) for (const a of attrsOf(sku)) if (a.sku_img !== undefined) withImage.add(keyOf(a));
  if (withImage.size === 0) return undefined;
  if (withImage.size > 1) return { code: 12052910, message: "sku_img may be given on one sales attribute only." };
  const [key] = withImage;
  for (const sku of skus) {
    const a = attrsOf(sku).find((x) => keyOf(x) === key);
    const uri = a && isObj(a.sku_img) ? a.sku_img.uri : undefined;
    if (typeof uri !== "string") return { code: 12052910, message: "sku_img must be given for every value of its sales attribute." };
    if (state && !Object.hasOwn(state.images, uri)) return { code: 12052300, message: `Image uri ${uri} is not found, upload it first.` };
  }
  return undefined;
}

export function checkWeight(weight: unknown): Problem | undefined {
  if (!isObj(weight)) return { code: 12052910, message: "package_weight is required." };
  if (weight.unit !== "KILOGRAM") return { code: 12019061, message: "Only KILOGRAM is supported for this region." };
  const v = Number(weight.value);
  if (typeof weight.value !== "string" || !Number.isFinite(v) || v <= 0) return { code: 12052181, message: "The package weight must be greater than 0." };
  return undefined;
}

export function checkDescription(description: unknown): Problem | undefined {
  if (typeof description !== "string" || description.trim() === "") return { code: 12052015, message: "The description is required." };
  if (description.length > 10_000) return { code: 12052013, message: "The description exceeds 10000 characters." };
  return undefined;
}

/**
 * A product attribute's values (§4.2 `values:[{id}|{name ≤2000}]`): an id must be one of the
 * attribute's listed values, a name (a custom value) needs `is_customizable` (§6). NOTE: the
 * reference names no code for either; `12052910` is its generic "invalid input".
 */
function badValue(attr: MockAttribute, values: unknown): Problem | undefined {
  if (!Array.isArray(values)) return undefined;
  for (const v of values) {
    const id = isObj(v) && typeof v.id === "string" && v.id !== "" ? v.id : undefined;
    const name = isObj(v) && typeof v.name === "string" ? v.name : undefined;
    if (id !== undefined) {
      if (!attr.values.some((x) => x.id === id)) return { code: 12052910, message: `The value id [${id}] is not a value of the property [${attr.name}].` };
    } else if (name === undefined || name.trim() === "" || name.length > 2000) {
      return { code: 12052910, message: `A value of the property [${attr.name}] needs an id or a name of 1-2000 characters.` };
    } else if (!attr.is_customizable) {
      return { code: 12052910, message: `The property [${attr.name}] takes only its listed values; [${name}] is not one of them.` };
    }
  }
  return undefined;
}

/** Required product attributes and certifications of the category (§6 rules). */
export function checkCategoryRequirements(body: Json): Problem | undefined {
  const categoryId = String(body.category_id);
  const given = new Map<string, unknown>();
  for (const a of Array.isArray(body.product_attributes) ? body.product_attributes : []) if (isObj(a)) given.set(String(a.id), a.values);
  for (const attr of ATTRIBUTES[categoryId] ?? []) {
    const bad = attr.type === "PRODUCT_PROPERTY" ? badValue(attr, given.get(attr.id)) : undefined;
    if (bad) return bad;
    if (attr.type !== "PRODUCT_PROPERTY" || !attr.is_requried) continue;
    const values = given.get(attr.id);
    if (!Array.isArray(values) || values.length === 0) return { code: 12052104, message: `The required property [${attr.name}] is missing.` };
  }
  const certs = new Set((Array.isArray(body.certifications) ? body.certifications : []).map((c) => (isObj(c) ? String(c.id) : "")));
  for (const cert of CERTIFICATIONS[categoryId] ?? []) {
    if (cert.is_required && !certs.has(cert.id)) return { code: 12052105, message: `The required certification [${cert.name}] is missing.` };
  }
  return undefined;
}

export function checkCreate(state: MockState, body: Json, cfg: ValidateConfig): Problem | undefined {
  return (
    checkTitle(body.title, cfg) ??
    checkDescription(body.description) ??
    checkCategory(body.category_id) ??
    checkImages(state, body.main_images) ??
    checkSkus(body.skus, cfg, state) ??
    checkWeight(body.package_weight) ??
    checkCategoryRequirements(body) ??
    checkPlatforms(body.listing_platforms) ??
    checkMinimumOrder(body.minimum_order_quantity) ??
    checkPreOwned(body.is_pre_owned, body.listing_platforms ?? ["TIKTOK_SHOP"])
  );
}

/** ID market: minimum_order_quantity 1..20 (§9). */
export function checkMinimumOrder(value: unknown): Problem | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 20) return { code: 12052910, message: "minimum_order_quantity must be between 1 and 20." };
  return undefined;
}

/** §9: is_pre_owned only when TOKOPEDIA is the sole listing platform. */
export function checkPreOwned(value: unknown, platforms: unknown): Problem | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") return { code: 12052910, message: "is_pre_owned must be a boolean." };
  const only = Array.isArray(platforms) && platforms.length === 1 && platforms[0] === "TOKOPEDIA";
  if (value && !only) return { code: 12052910, message: "is_pre_owned is only supported when TOKOPEDIA is the only listing platform." };
  return undefined;
}

export function checkPlatforms(platforms: unknown): Problem | undefined {
  if (platforms === undefined) return undefined;
  if (!Array.isArray(platforms) || platforms.length === 0 || platforms.some((p) => p !== "TOKOPEDIA" && p !== "TIKTOK_SHOP")) {
    return { code: 12052910, message: "listing_platforms must be TOKOPEDIA and/or TIKTOK_SHOP." };
  }
  return undefined;
}
