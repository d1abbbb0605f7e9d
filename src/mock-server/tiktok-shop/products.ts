// Product routes of the mock (§4): search, get, create, full and partial edit, price, inventory,
// activate, deactivate; the audit simulation (§4.4, §10.9).
import { createHash } from "node:crypto";
import { ATTRIBUTES, REJECT_REASON } from "./fixtures.js";
import { nextId, type MockProduct, type MockSku, type MockState } from "./state.js";
import { checkCategory, checkCategoryRequirements, checkCreate, checkDescription, checkImages, checkInventory, checkMinimumOrder, checkPlatforms, checkPreOwned, checkPrice, checkSkus, checkTitle, checkWeight, type Problem, type ValidateConfig } from "./validate.js";

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export interface Answer {
  code: number;
  message: string;
  data?: unknown;
}

export interface ProductConfig extends ValidateConfig {
  /** How long an audit takes, ms (0 = settled at the next read). */
  reviewDelayMs: number;
  /** Title or description containing one of these (case-insensitive) fails the audit. */
  rejectWords: readonly string[];
  /** New listings per shop per day (§7; 1,000, probation 100). */
  dailyListingLimit: number;
  /** Deactivate a product under review too (lenient; §4.4 says ACTIVATE only). */
  deactivateInReview: boolean;
  /** Refuse a second live product with the same title [I: TikTok Shop's listing policy forbids duplicate listings; the API code is not documented, 12052910 is used]. */
  refuseDuplicateTitles: boolean;
}

const ok = (data: unknown = {}): Answer => ({ code: 0, message: "Success", data });
const err = (p: Problem): Answer => ({ code: p.code, message: p.message });

const VISIBLE = (p: MockProduct): boolean => p.status !== "DELETED";

export function findProduct(state: MockState, shopId: string, id: string): MockProduct | undefined {
  return state.products.find((p) => p.id === id && p.shopId === shopId && VISIBLE(p));
}

function startAudit(p: MockProduct, cfg: ProductConfig, nowMs: number): void {
  if (p.status !== "ACTIVATE") p.status = "PENDING";
  p.audit = "AUDITING";
  p.audit_failed_reasons = [];
  p.auditDueMs = nowMs + cfg.reviewDelayMs;
}

/** Finish audits whose time has come: APPROVED -> ACTIVATE, or FAILED with reasons. */
export function settleAudits(state: MockState, cfg: ProductConfig, nowMs: number): boolean {
  let changed = false;
  for (const p of state.products) {
    if (p.auditDueMs === undefined || p.auditDueMs > nowMs) continue;
    delete p.auditDueMs;
    changed = true;
    const text = `${p.title}\n${p.description}`.toLowerCase();
    if (cfg.rejectWords.some((w) => w !== "" && text.includes(w.toLowerCase()))) {
      p.audit = "FAILED";
      p.status = "FAILED";
      p.audit_failed_reasons = p.listing_platforms.map((platform) => ({ listing_platform: platform, ...REJECT_REASON }));
    } else {
      p.audit = "APPROVED";
      p.status = "ACTIVATE";
    }
  }
  return changed;
}

function platformStatuses(p: MockProduct): { platform: string; status: string }[] {
  return p.listing_platforms.filter((x) => x === "TOKOPEDIA").map((platform) => ({ platform, status: p.status }));
}

/**
 * A SKU as Search Products (key fields, §4.1: id, seller_sku, price, inventory, status_info) or
 * Get Product (`full`: also sales_attributes with sku_img, §4.3) shows it.
 */
function skuView(s: MockSku, full: boolean): Json {
  return {
    id: s.id,
    ...(s.seller_sku !== undefined ? { seller_sku: s.seller_sku } : {}),
    ...(s.external_sku_id !== undefined ? { external_sku_id: s.external_sku_id } : {}),
    price: { currency: s.price.currency, tax_exclusive_price: s.price.amount, sale_price: s.price.amount },
    inventory: s.inventory.map((i) => ({ ...i })),
    ...(full ? { sales_attributes: s.sales_attributes.map((a) => ({ ...a })) } : {}),
    status_info: { status: s.status },
  };
}

/** Search row (§4.1: key fields only). TikTok `status`/`audit` are omitted when the product is not on TIKTOK_SHOP (§9). */
function searchView(p: MockProduct): Json {
  const onTikTok = p.listing_platforms.includes("TIKTOK_SHOP");
  return {
    id: p.id,
    title: p.title,
    ...(onTikTok ? { status: p.status, audit: { status: p.audit } } : {}),
    create_time: p.create_time,
    update_time: p.update_time,
    sales_regions: ["ID"],
    integrated_platform_statuses: platformStatuses(p),
    has_draft: false,
    is_not_for_sale: false,
    skus: p.skus.map((s) => skuView(s, false)),
  };
}

function detailView(p: MockProduct, state: MockState): Json {
  return {
    ...searchView(p),
    skus: p.skus.map((s) => skuView(s, true)),
    status: p.status,
    product_status: p.status === "PENDING" || p.status === "FAILED" ? "INITIAL" : p.status,
    audit: { status: p.audit },
    audit_failed_reasons: p.audit_failed_reasons,
    description: p.description,
    category_chains: [{ id: p.category_id, is_leaf: true }],
    ...(p.brand_id ? { brand: { id: p.brand_id } } : {}),
    main_images: p.main_images.map((m) => ({ uri: m.uri, urls: [state.images[m.uri]?.url ?? ""], width: state.images[m.uri]?.width, height: state.images[m.uri]?.height })),
    package_weight: { ...p.package_weight },
    product_attributes: p.product_attributes.map((a) => {
      const known = (ATTRIBUTES[p.category_id] ?? []).find((x) => x.id === a.id);
      return {
        id: a.id,
        ...(known ? { name: known.name } : {}),
        values: a.values.map((v) => ({ ...(v.id ? { id: v.id } : {}), name: v.name ?? known?.values.find((x) => x.id === v.id)?.name ?? "" })),
      };
    }),
    certifications: p.certifications,
    listing_platforms: p.listing_platforms,
    minimum_order_quantity: p.minimum_order_quantity ?? 1,
    is_pre_owned: p.is_pre_owned === true,
  };
}

export function search(state: MockState, shopId: string, query: URLSearchParams, body: Json, cfg: ProductConfig, nowMs: number): Answer {
  settleAudits(state, cfg, nowMs);
  const size = Number(query.get("page_size"));
  if (!Number.isInteger(size) || size < 1 || size > 100) return { code: 12052910, message: "page_size must be between 1 and 100." };
  let offset = 0;
  const token = query.get("page_token");
  if (token) {
    const m = /^offset=(\d+)$/.exec(Buffer.from(token, "base64").toString("utf8"));
    if (!m) return { code: 12052910, message: "Invalid page_token." };
    offset = Number(m[1]);
  }
  const skus = Array.isArray(body.seller_skus) ? body.seller_skus.map(String) : undefined;
  if (skus && skus.length > 10) return { code: 12019027, message: "At most 10 seller_skus." };
  const status = typeof body.status === "string" ? body.status : "ALL";
  const all = state.products
    .filter((p) => p.shopId === shopId && VISIBLE(p))
    .filter((p) => status === "ALL" || p.status === status)
    .filter((p) => !skus || p.skus.some((s) => s.seller_sku !== undefined && skus.includes(s.seller_sku)))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  if (offset + size > 10_000 && all.length > 10_000) return { code: 12052180, message: "Search results beyond 10000 are not supported." };
  const page = all.slice(offset, offset + size);
  const next = offset + size < all.length ? Buffer.from(`offset=${offset + size}`).toString("base64") : "";
  return ok({ total_count: all.length, next_page_token: next, products: page.map(searchView) });
}

export function getProduct(state: MockState, shopId: string, id: string, cfg: ProductConfig, nowMs: number): Answer {
  settleAudits(state, cfg, nowMs);
  const p = findProduct(state, shopId, id);
  if (!p || p.status === "FREEZE") return { code: 12052032, message: "The product does not exist." };
  return ok(detailView(p, state));
}

function buildSkus(state: MockState, raw: unknown[], keep: readonly MockSku[] = []): MockSku[] {
  return raw.filter(isObj).map((s) => {
    const old = typeof s.id === "string" ? keep.find((k) => k.id === s.id) : undefined;
    const price = isObj(s.price) ? { amount: String(s.price.amount), currency: String(s.price.currency) } : old?.price ?? { amount: "0", currency: "IDR" };
    const inventory = Array.isArray(s.inventory)
      ? s.inventory.filter(isObj).map((i) => ({ warehouse_id: String(i.warehouse_id), quantity: Number(i.quantity) }))
      : old?.inventory ?? [];
    const attrs = (Array.isArray(s.sales_attributes) ? s.sales_attributes : []).filter(isObj).map((a) => ({
      id: String(a.id ?? `custom-${String(a.name)}`),
      name: String(a.name ?? ""),
      value_id: String(a.value_id ?? `custom-${String(a.value_name)}`),
      value_name: String(a.value_name ?? ""),
      ...(isObj(a.sku_img) && typeof a.sku_img.uri === "string" ? { sku_img: { uri: a.sku_img.uri } } : {}),
    }));
    return {
      id: old?.id ?? nextId(state, "18"),
      ...(typeof s.seller_sku === "string" ? { seller_sku: s.seller_sku } : {}),
      ...(typeof s.external_sku_id === "string" ? { external_sku_id: s.external_sku_id } : {}),
      price,
      inventory,
      sales_attributes: attrs,
      status: old?.status ?? "NORMAL",
    };
  });
}

const today = (nowMs: number): string => new Date(nowMs).toISOString().slice(0, 10);

function duplicateTitle(state: MockState, shopId: string, title: unknown, exceptId?: string): boolean {
  return state.products.some((p) => p.shopId === shopId && VISIBLE(p) && p.id !== exceptId && p.title === title);
}

export function createProduct(state: MockState, shopId: string, body: Json, cfg: ProductConfig, nowMs: number): Answer {
  const key = typeof body.idempotency_key === "string" && body.idempotency_key !== "" ? `${shopId}:${body.idempotency_key}` : undefined;
  if (key && state.idempotency[key]) return ok(state.idempotency[key]?.response);
  if (typeof body.idempotency_key === "string" && body.idempotency_key.length > 128) return { code: 12052910, message: "idempotency_key is longer than 128." };
  const problem = checkCreate(state, body, cfg);
  if (problem) return err(problem);
  if (cfg.refuseDuplicateTitles && duplicateTitle(state, shopId, body.title)) {
    return { code: 12052910, message: "A product with the same title already exists in this shop (duplicate listing)." };
  }
  const day = `${shopId}:${today(nowMs)}`;
  if ((state.listingsToday[day] ?? 0) >= cfg.dailyListingLimit) {
    return { code: 12052093, message: "The number of products listed today has reached the daily limit." };
  }
  state.listingsToday[day] = (state.listingsToday[day] ?? 0) + 1;
  const now = Math.floor(nowMs / 1000);
  const product: MockProduct = {
    id: nextId(state, "17"),
    shopId,
    title: String(body.title),
    description: String(body.description),
    category_id: String(body.category_id),
    ...(typeof body.brand_id === "string" && body.brand_id !== "" ? { brand_id: body.brand_id } : {}),
    main_images: (body.main_images as Json[]).map((m) => ({ uri: String(m.uri) })),
    package_weight: { value: String((body.package_weight as Json).value), unit: "KILOGRAM" },
    product_attributes: (Array.isArray(body.product_attributes) ? body.product_attributes : []) as MockProduct["product_attributes"],
    certifications: (Array.isArray(body.certifications) ? body.certifications : []) as MockProduct["certifications"],
    skus: buildSkus(state, body.skus as unknown[]),
    listing_platforms: Array.isArray(body.listing_platforms) ? body.listing_platforms.map(String) : ["TIKTOK_SHOP"],
    ...(typeof body.minimum_order_quantity === "number" ? { minimum_order_quantity: body.minimum_order_quantity } : {}),
    ...(body.is_pre_owned === true ? { is_pre_owned: true } : {}),
    status: "PENDING",
    audit: "AUDITING",
    audit_failed_reasons: [],
    create_time: now,
    update_time: now,
  };
  if (body.save_mode === "AS_DRAFT") {
    product.status = "DRAFT";
    product.audit = "NONE";
  } else startAudit(product, cfg, nowMs);
  state.products.push(product);
  const response = {
    product_id: product.id,
    skus: product.skus.map((s) => ({ id: s.id, seller_sku: s.seller_sku, sales_attributes: s.sales_attributes.map((a) => ({ id: a.id, value_id: a.value_id })) })),
    warnings: [],
  };
  if (key) state.idempotency[key] = { productId: product.id, response };
  return ok(response);
}

const EDITABLE = (p: MockProduct): boolean => p.status !== "FREEZE" && p.status !== "DELETED";

/** PUT (full = overwrite) or partial_edit (per top-level field), §4.5. */
export function editProduct(state: MockState, shopId: string, id: string, body: Json, partial: boolean, cfg: ProductConfig, nowMs: number): Answer {
  const p = findProduct(state, shopId, id);
  if (!p) return { code: 12052032, message: "The product does not exist." };
  if (!EDITABLE(p)) return { code: 12052901, message: "The product cannot be edited in its current status." };
  const has = (k: string): boolean => Object.hasOwn(body, k);
  const problem = partial
    ? (has("title") ? checkTitle(body.title, cfg) : undefined) ??
      (has("description") ? checkDescription(body.description) : undefined) ??
      (has("category_id") ? checkCategory(body.category_id) : undefined) ??
      (has("main_images") ? checkImages(state, body.main_images) : undefined) ??
      (has("skus") ? checkSkus(body.skus, cfg, state) : undefined) ??
      (has("package_weight") ? checkWeight(body.package_weight) : undefined) ??
      (has("listing_platforms") ? checkPlatforms(body.listing_platforms) : undefined) ??
      (has("minimum_order_quantity") ? checkMinimumOrder(body.minimum_order_quantity) : undefined) ??
      (has("is_pre_owned") ? checkPreOwned(body.is_pre_owned, has("listing_platforms") ? body.listing_platforms : p.listing_platforms) : undefined) ??
      (has("category_id") || has("product_attributes") || has("certifications")
        ? checkCategoryRequirements({ category_id: p.category_id, product_attributes: p.product_attributes, certifications: p.certifications, ...body })
        : undefined)
    : checkCreate(state, body, cfg);
  if (problem) return err(problem);
  if (has("title") && cfg.refuseDuplicateTitles && duplicateTitle(state, shopId, body.title, p.id)) {
    return { code: 12052910, message: "A product with the same title already exists in this shop (duplicate listing)." };
  }
  if (has("title")) p.title = String(body.title);
  if (has("description")) p.description = String(body.description);
  if (has("category_id")) p.category_id = String(body.category_id);
  if (has("main_images")) p.main_images = (body.main_images as Json[]).map((m) => ({ uri: String(m.uri) }));
  if (has("package_weight")) p.package_weight = { value: String((body.package_weight as Json).value), unit: "KILOGRAM" };
  if (has("product_attributes")) p.product_attributes = body.product_attributes as MockProduct["product_attributes"];
  if (has("certifications")) p.certifications = body.certifications as MockProduct["certifications"];
  if (has("brand_id")) {
    if (typeof body.brand_id === "string" && body.brand_id !== "") p.brand_id = body.brand_id;
    else delete p.brand_id;
  }
  if (has("listing_platforms")) p.listing_platforms = (body.listing_platforms as unknown[]).map(String);
  if (has("is_pre_owned")) p.is_pre_owned = body.is_pre_owned === true;
  else if (!partial) delete p.is_pre_owned;
  if (has("minimum_order_quantity")) p.minimum_order_quantity = Number(body.minimum_order_quantity);
  else if (!partial) delete p.minimum_order_quantity;
  // NOTE: sending skus replaces them: SKUs whose id is omitted are deleted (§4.5), price/inventory kept when omitted.
  if (has("skus")) p.skus = buildSkus(state, body.skus as unknown[], p.skus);
  p.update_time = Math.floor(nowMs / 1000);
  // NOTE: the mock keeps one version: reads show the edited fields at once while the audit runs
  // (the platform keeps v1 live until v2 passes; §4.4). Good enough for a sync, which compares fields.
  if (p.status === "ACTIVATE" || p.status === "FAILED" || p.status === "PENDING") startAudit(p, cfg, nowMs);
  return ok({ product_id: p.id, skus: p.skus.map((s) => ({ id: s.id, seller_sku: s.seller_sku })), warnings: [], audit: { status: p.audit } });
}

/**
 * Update Price / Update Inventory take ACTIVATE products only (§4 table, §10.11); a product in
 * review, rejected, deactivated or a draft gets 12052901. Audits that are due settle first.
 */
function priceOrStockTarget(state: MockState, shopId: string, id: string, cfg: ProductConfig, nowMs: number): MockProduct | Answer {
  settleAudits(state, cfg, nowMs);
  const p = findProduct(state, shopId, id);
  if (!p) return { code: 12052032, message: "The product does not exist." };
  if (p.status !== "ACTIVATE") return { code: 12052901, message: `The action is not allowed in the current status (${p.status}): price and stock can be updated only for ACTIVATE products.` };
  return p;
}

const isAnswer = (v: MockProduct | Answer): v is Answer => "code" in v;

export function updatePrice(state: MockState, shopId: string, id: string, body: Json, cfg: ProductConfig, nowMs: number): Answer {
  const p = priceOrStockTarget(state, shopId, id, cfg, nowMs);
  if (isAnswer(p)) return p;
  const skus = Array.isArray(body.skus) ? body.skus.filter(isObj) : [];
  if (skus.length === 0) return { code: 12052910, message: "skus is required." };
  const seen = new Set<string>();
  for (const s of skus) {
    const sku = p.skus.find((x) => x.id === s.id);
    if (!sku) return { code: 12052557, message: `SKU ${String(s.id)} is not in the product.` };
    if (seen.has(sku.id)) return { code: 12052553, message: "Duplicate SKU id." };
    seen.add(sku.id);
    const problem = checkPrice(s.price);
    if (problem) return err(problem);
  }
  for (const s of skus) {
    const sku = p.skus.find((x) => x.id === s.id) as MockSku;
    const price = s.price as Json;
    sku.price = { amount: String(price.amount), currency: "IDR" };
  }
  p.update_time = Math.floor(nowMs / 1000);
  return ok({});
}

/** Stock: failures per SKU come back in data.errors (§3 batch partial failures) with the 12052990 wrapper. */
export function updateInventory(state: MockState, shopId: string, id: string, body: Json, cfg: ProductConfig, nowMs: number): Answer {
  const p = priceOrStockTarget(state, shopId, id, cfg, nowMs);
  if (isAnswer(p)) return p;
  const skus = Array.isArray(body.skus) ? body.skus.filter(isObj) : [];
  if (skus.length === 0) return { code: 12052910, message: "skus is required." };
  const errors: Json[] = [];
  for (const s of skus) {
    const sku = p.skus.find((x) => x.id === s.id);
    if (!sku) {
      errors.push({ code: 12052990, message: "The check failed.", detail: { sku_id: s.id, extra_errors: [{ code: 12052557, message: "SKU not in product." }] } });
      continue;
    }
    const inventory = Array.isArray(s.inventory) ? s.inventory.filter(isObj) : [];
    const listed = new Set(inventory.map((i) => String(i.warehouse_id ?? sku.inventory[0]?.warehouse_id)));
    const missing = sku.inventory.length > 1 && sku.inventory.some((i) => !listed.has(i.warehouse_id));
    const withIds = inventory.map((i) => ({ quantity: i.quantity, warehouse_id: i.warehouse_id ?? sku.inventory[0]?.warehouse_id }));
    const problem = missing ? { code: 12019028, message: "All warehouses of the SKU must be listed." } : checkInventory(withIds, cfg);
    if (problem) {
      errors.push({ code: 12052990, message: "The check failed.", detail: { sku_id: sku.id, extra_errors: [{ code: problem.code, message: problem.message }] } });
      continue;
    }
    for (const entry of withIds) {
      const target = sku.inventory.find((i) => i.warehouse_id === entry.warehouse_id);
      if (target) target.quantity = Number(entry.quantity);
      else sku.inventory.push({ warehouse_id: String(entry.warehouse_id), quantity: Number(entry.quantity) });
    }
  }
  p.update_time = Math.floor(nowMs / 1000);
  return ok(errors.length > 0 ? { errors } : {});
}

/** Activate (re-audit) / deactivate, ≤ 20 ids, per-id failures in data.errors (§4.6). */
export function setActive(state: MockState, shopId: string, body: Json, activate: boolean, cfg: ProductConfig, nowMs: number): Answer {
  const ids = Array.isArray(body.product_ids) ? body.product_ids.map(String) : [];
  if (ids.length === 0) return { code: 12052910, message: "product_ids is required." };
  if (ids.length > 20) return { code: 12019120, message: "At most 20 product ids." };
  settleAudits(state, cfg, nowMs);
  const errors: Json[] = [];
  for (const id of ids) {
    const p = findProduct(state, shopId, id);
    if (!p) {
      errors.push({ code: 12052032, message: "The product does not exist.", detail: { product_id: id } });
      continue;
    }
    if (activate) {
      if (p.status === "SELLER_DEACTIVATED" || p.status === "PLATFORM_DEACTIVATED" || p.status === "DRAFT") startAudit(p, cfg, nowMs);
      else if (p.status !== "ACTIVATE" && p.status !== "PENDING") {
        errors.push({ code: 12052901, message: "The action is not allowed in the current status.", detail: { product_id: id } });
        continue;
      }
    } else {
      if (p.status === "SELLER_DEACTIVATED") continue;
      // NOTE: §4.4 says deactivate takes ACTIVATE products only, so by default the mock answers
      // 12052901 for a product under review (PENDING/FAILED); `deactivateInReview: true` stops it
      // anyway (the adapter handles both). A draft or a frozen product always gets 12052901.
      if (p.status === "FREEZE" || p.status === "DRAFT" || (!cfg.deactivateInReview && p.status !== "ACTIVATE")) {
        errors.push({ code: 12052901, message: `The action is not allowed in the current status (${p.status}).`, detail: { product_id: id } });
        continue;
      }
      p.status = "SELLER_DEACTIVATED";
      p.audit = "NONE";
      delete p.auditDueMs;
    }
    p.update_time = Math.floor(nowMs / 1000);
  }
  return ok(errors.length > 0 ? { errors } : {});
}

/** A stable content fingerprint (for tests that check "no duplicate product"). */
export function productFingerprint(p: MockProduct): string {
  return createHash("sha256").update(JSON.stringify([p.title, p.skus.map((s) => s.seller_sku)])).digest("hex").slice(0, 16);
}
