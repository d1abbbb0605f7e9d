// Writes (§4.2, §4.5, §4.6): create with an idempotency key (and a look-up by SKU after a lost
// create), partial edit of changed fields, the price and inventory endpoints for price-/stock-only
// changes, activate/deactivate in batches of 20. Each change ends as one ChangeOutcome.
import type { Change, ChangeOutcome, DesiredProduct, FieldChange, VariantChange } from "../../plan/types.js";
import type { PhotoUploadCache } from "../shared/photo-cache.js";
import { TransportError, type Envelope, type TikTokClient } from "./client.js";
import { skuAttributesOf, type DetailCache } from "./details.js";
import { CODE, isRetryableCode } from "./errors.js";
import { amount, idempotencyKey, kilograms, productAttributes, sentAttributes, toHtml, type AttributeIds } from "./payload.js";
import { certificateUris, PhotoError, photoUris, variantImageUris, type AttributeImages } from "./photos.js";
import type { CategoryRequirements } from "./checks.js";
import { searchAll } from "./read.js";

export const STATUS_BATCH = 20;

/** is_pre_owned is accepted only for products listed on Tokopedia alone (§9). */
export const preOwnedAllowed = (platforms: readonly string[]): boolean => platforms.length === 1 && platforms[0] === "TOKOPEDIA";

export interface WriteDeps {
  client: TikTokClient;
  details: DetailCache;
  photos: PhotoUploadCache;
  warehouseId: string;
  platforms: string[];
  /** product id -> its SKU ids (from the last read or write). */
  skuIds: Map<string, string[]>;
  /** product id -> its combined status from the last read (read.ts statusOf). */
  statuses?: Map<string, string>;
  /** SKU id -> its inventory per warehouse from the last read. */
  inventories?: Map<string, { warehouse_id: string; quantity: number }[]>;
  attributeIds(categoryId: string): Promise<AttributeIds | undefined>;
  /** The category's required attributes and certifications (checks.ts, cached per run). */
  requirements?(categoryId: string): Promise<CategoryRequirements>;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** Set once the daily listing quota answered: no more creates this run. */
  quota: { reached: boolean };
  /** The Partial Edit version the server took this run (partialEdit). */
  edit?: { version?: string };
}

/**
 * Partial Edit versions, preferred first. NOTE (open question §11, "whether PUT/partial_edit
 * v202309 remain alongside v202509"): the docs' current version is 202509 and the SDKs call
 * 202309; desbumi sends 202509 and, when the server does not know that path or version
 * (36009009, 36009014, or 36009004 naming the version, §3), sends 202309, and keeps the one that
 * worked for the run.
 */
export const PARTIAL_EDIT_VERSIONS = ["202509", "202309"] as const;

const isUnknownVersion = (env: Envelope): boolean => env.code === 36009009 || env.code === 36009014 || (env.code === CODE.gateway && /version|path/i.test(env.message));

async function partialEdit(id: string, body: Record<string, unknown>, deps: WriteDeps): Promise<Envelope<{ skus?: { id: string }[] }>> {
  const known = deps.edit?.version;
  const versions = known ? [known] : PARTIAL_EDIT_VERSIONS;
  let env: Envelope<{ skus?: { id: string }[] }> | undefined;
  for (const version of versions) {
    env = await deps.client.call<{ skus?: { id: string }[] }>("POST", `/product/${version}/products/${id}/partial_edit`, { json: body, cipher: true });
    if (isUnknownVersion(env)) continue;
    if (deps.edit) deps.edit.version = version;
    return env;
  }
  return env as Envelope<{ skus?: { id: string }[] }>;
}

type Failed = Extract<ChangeOutcome, { status: "failed" }>;

const failed = (change: Change, code: string, message: string, retryable: boolean, listingId?: string): Failed => ({
  status: "failed",
  sku: change.sku,
  kind: change.kind,
  ...(listingId ? { listingId } : {}),
  error: { code, message, retryable },
});

const refused = (change: Change, env: Envelope, listingId?: string): Failed => {
  const errors = (env.data as { errors?: { code?: number; message?: string; detail?: { extra_errors?: { code?: number; message?: string }[] } }[] } | undefined)?.errors;
  const inner = errors?.[0]?.detail?.extra_errors?.[0];
  const code = inner?.code ?? errors?.[0]?.code ?? env.code;
  const message = inner?.message ?? errors?.[0]?.message ?? env.message;
  return failed(change, String(code), message, isRetryableCode(code), listingId);
};

const hasErrors = (env: Envelope): boolean => env.code !== 0 || ((env.data as { errors?: unknown[] } | undefined)?.errors?.length ?? 0) > 0;

const QUOTA_MESSAGE =
  "The shop reached its daily listing limit (12052093): new products resume on the next run tomorrow / Toko mencapai batas produk baru per hari (12052093): produk baru dilanjutkan pada sinkronisasi berikutnya besok";

/** Deactivate takes ACTIVATE products only (§4.4): one still in review is stopped by a later sync. */
const IN_REVIEW_MESSAGE =
  "The product is in the marketplace's review, and only a live product can be deactivated: the next sync after the review deactivates it / Produk sedang ditinjau marketplace dan hanya produk yang tayang bisa dinonaktifkan: sinkronisasi berikutnya setelah peninjauan menonaktifkannya";

/**
 * A SKU's inventory to send: `quantity` in desbumi's warehouse, and every other warehouse the SKU
 * had at the last read with its quantity unchanged: with several warehouses all must be listed
 * (§4.6, `12019028`), and a partial edit replaces the list wholesale (§4.5).
 */
export function inventoryOf(skuId: string | undefined, quantity: number, warehouseId: string, inventories?: WriteDeps["inventories"]): { warehouse_id: string; quantity: number }[] {
  const others = (skuId ? inventories?.get(skuId) : undefined)?.filter((i) => i.warehouse_id !== warehouseId) ?? [];
  return [{ warehouse_id: warehouseId, quantity }, ...others.map((i) => ({ warehouse_id: i.warehouse_id, quantity: i.quantity }))];
}

/**
 * The SKUs of a product as the API takes them (§4.2): one SKU for a single-SKU row; with variants
 * one per variant (≤ 100 in ID), its options as custom sales attributes (name ≤ 20, value ≤ 50;
 * ≤ 3 types, the same set on every SKU: the catalogue reader guarantees both). `ids` (seller SKU,
 * lowercase -> SKU id) keeps existing SKUs on an edit; a variant without an id is created.
 * NOTE (sold out): TikTok Shop has no per-SKU deactivate (§4.6); a variant the row marks inactive,
 * like one with stock 0, is sent with quantity 0, so it has no sellable stock.
 */
export function skuBodies(product: DesiredProduct, warehouseId: string, ids?: ReadonlyMap<string, string>, images?: AttributeImages, inventories?: WriteDeps["inventories"]): Record<string, unknown>[] {
  const inventory = (quantity: number, id: string | undefined) => inventoryOf(id, quantity, warehouseId, inventories);
  if (!product.variants || product.variants.length === 0) {
    const id = ids?.get(product.sku.toLowerCase());
    return [{ ...(id ? { id } : {}), seller_sku: product.sku, price: amount(product.price), inventory: inventory(product.stock, id) }];
  }
  return product.variants.map((v) => {
    const id = ids?.get(v.sku.toLowerCase());
    return {
      ...(id ? { id } : {}),
      seller_sku: v.sku,
      price: amount(v.price),
      inventory: inventory(v.status === "inactive" ? 0 : v.stock, id),
      sales_attributes: Object.entries(v.options).map(([name, value]) => {
        // The variant's photo goes on the first option's value (§4.2 sku_img, variantImageUris).
        const uri = images?.name === name ? images.byValue.get(value) : undefined;
        return { name, value_name: value, ...(uri ? { sku_img: { uri } } : {}) };
      }),
    };
  });
}

/**
 * The variants a write just sent with quantity 0 because their row says inactive, merged into what
 * was recorded before (ProductDetail.stoppedVariants): `sent` are the variants whose quantity this
 * write set; those now active are dropped. Seller SKU lowercase -> the row's stock.
 */
export function stoppedVariants(sent: readonly { sku: string; stock: number; status: string }[], before: Readonly<Record<string, number>> = {}): Record<string, number> {
  const out: Record<string, number> = { ...before };
  for (const v of sent) {
    const key = v.sku.toLowerCase();
    if (v.status === "inactive") out[key] = v.stock;
    else delete out[key];
  }
  return out;
}

/** Seller SKU (lowercase) -> the row's stock, for every SKU of a product created inactive. */
const heldStockOf = (product: DesiredProduct): Record<string, number> =>
  product.variants?.length ? Object.fromEntries(product.variants.map((v) => [v.sku.toLowerCase(), v.stock])) : { [product.sku.toLowerCase()]: product.stock };

/**
 * The certifications a create sends (§4.2 `certifications[]`): each certification the category
 * requires, with the product's uploaded certificate photos. NOTE: the catalogue gives certificate
 * photos per product, not per certification, so every required one gets them all.
 */
async function certificationsOf(product: DesiredProduct, deps: WriteDeps): Promise<{ id: string; images: { uri: string }[] }[]> {
  if (!deps.requirements || !product.certificatePhotos?.length) return [];
  const required = (await deps.requirements(product.categoryId)).certifications;
  if (required.length === 0) return [];
  const uris = await certificateUris(product, deps);
  if (uris.length === 0) return [];
  return required.map((c) => ({ id: c.id, images: uris.map((uri) => ({ uri })) }));
}

/** The identity of the certificate photos a write sends (content hash, else the reference). */
const certificateHashes = (product: DesiredProduct): string[] => (product.certificatePhotos ?? []).filter((p) => p.mime !== undefined).map((p) => p.sha256 ?? p.ref);

export async function createOne(change: Extract<Change, { kind: "create" }>, deps: WriteDeps): Promise<ChangeOutcome> {
  if (deps.quota.reached) return failed(change, String(CODE.dailyListingLimit), QUOTA_MESSAGE, true);
  const product = change.product;
  let uris: string[];
  let certifications: { id: string; images: { uri: string }[] }[] = [];
  let variantImages: AttributeImages | undefined;
  try {
    uris = await photoUris(product, deps);
    variantImages = await variantImageUris(product, deps);
    certifications = await certificationsOf(product, deps);
  } catch (error) {
    if (error instanceof PhotoError) return failed(change, error.code, error.message, error.retryable);
    if (error instanceof TransportError) return failed(change, "OUTCOME_UNKNOWN", error.message, true);
    throw error;
  }
  const body = {
    title: product.name,
    description: toHtml(product.description),
    category_id: product.categoryId,
    main_images: uris.map((uri) => ({ uri })),
    package_weight: { value: kilograms(product.weight), unit: "KILOGRAM" },
    product_attributes: productAttributes(product, await deps.attributeIds(product.categoryId)),
    // NOTE: stock 0 is sent as quantity 0 (open question §11; see docs/tiktok-shop.md "Sold out").
    // An inactive row is created with no sellable stock (heldStock): it may be approved and go live
    // before the deactivate is allowed (§4.4).
    skus: skuBodies(product.status === "inactive" ? { ...product, stock: 0, ...(product.variants ? { variants: product.variants.map((v) => ({ ...v, stock: 0 })) } : {}) } : product, deps.warehouseId, undefined, variantImages),
    listing_platforms: deps.platforms,
    // NOTE (open question §11, REQUIRED vs MANDATORY): shipping_insurance_requirement is not sent,
    // so the platform's default applies and no enum spelling is guessed.
    // ID market: 1..20 (§9); the catalogue's min order.
    minimum_order_quantity: product.min_order,
    // "bekas": is_pre_owned, which the API takes only when TOKOPEDIA is the only platform (§9);
    // a used row for TikTok Shop too is refused at plan time (checks.ts).
    ...(preOwnedAllowed(deps.platforms) ? { is_pre_owned: product.condition === "USED" } : {}),
    ...(certifications.length > 0 ? { certifications } : {}),
    idempotency_key: idempotencyKey(product, uris),
  };
  let env: Envelope<{ product_id?: string; skus?: { id: string }[] }>;
  try {
    env = await deps.client.call("POST", "/product/202309/products", { json: body, cipher: true, ...(deps.signal ? { signal: deps.signal } : {}) });
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    // The create may have been committed and its answer lost: look the SKU up before anything else.
    const found = await findBySku(product.variants?.[0]?.sku ?? product.sku, deps).catch(() => undefined);
    if (found) return created(change, found.id, found.skuIds, product, uris, deps, body.skus);
    return failed(change, "OUTCOME_UNKNOWN", `${error.message}; the next sync looks the SKU up before creating again`, true);
  }
  if (env.code === CODE.dailyListingLimit) {
    deps.quota.reached = true;
    return failed(change, String(env.code), QUOTA_MESSAGE, true);
  }
  if (env.code !== 0 || !env.data?.product_id) return refused(change, env);
  return created(change, env.data.product_id, (env.data.skus ?? []).map((s) => s.id), product, uris, deps, body.skus);
}

async function created(change: Change, id: string, skuIds: string[], product: DesiredProduct, uris: string[], deps: WriteDeps, skus?: readonly Record<string, unknown>[]): Promise<ChangeOutcome> {
  deps.skuIds.set(id, skuIds);
  const ids = await deps.attributeIds(product.categoryId);
  // The options as sent (Search Products does not return them, §4.1).
  const skuAttributes = skus ? skuAttributesOf(skus) : undefined;
  deps.details.wrote(id, { ...(skuAttributes ? { skuAttributes } : {}), description: product.description, weightGrams: product.weight, categoryId: product.categoryId, images: uris, minOrder: product.min_order, preOwned: product.condition === "USED", attributes: sentAttributes(product, ids), stoppedVariants: stoppedVariants(product.variants ?? []), ...(product.certificatePhotos?.length ? { certificates: certificateHashes(product) } : {}), ...(product.status === "inactive" ? { heldStock: heldStockOf(product) } : {}) });
  if (product.status === "inactive") {
    const env = await deps.client.call("POST", "/product/202309/products/deactivate", { json: { product_ids: [id], listing_platforms: deps.platforms }, cipher: true });
    // NOTE (§4.4 deactivate takes ACTIVATE only): a product still in review cannot be deactivated
    // yet; it was created with no sellable stock, reads as inactive while in review, and the sync
    // after the review deactivates it. The create itself is done.
    if (isNotLiveAnswer(env)) return { status: "applied", sku: change.sku, kind: change.kind, listingId: id };
    if (hasErrors(env)) return refused(change, env, id);
  }
  return { status: "applied", sku: change.sku, kind: change.kind, listingId: id };
}

/**
 * NOTE (open question §11, "is seller_sku unique per shop?"): not stated; desbumi keeps it unique
 * (the catalogue refuses duplicate SKUs) and takes the first product carrying it.
 */
async function findBySku(sku: string, deps: WriteDeps): Promise<{ id: string; skuIds: string[] } | undefined> {
  const products = await searchAll(deps.client, { seller_skus: [sku] }, deps.signal);
  const hit = products.find((p) => (p.skus ?? []).some((s) => s.seller_sku === sku));
  return hit ? { id: hit.id, skuIds: (hit.skus ?? []).map((s) => s.id) } : undefined;
}

async function skuIdsOf(id: string, deps: WriteDeps): Promise<string[]> {
  const known = deps.skuIds.get(id);
  if (known && known.length > 0) return known;
  const env = await deps.client.call<{ skus?: { id: string }[] }>("GET", `/product/202309/products/${id}`, { cipher: true });
  const ids = (env.data?.skus ?? []).map((s) => s.id);
  deps.skuIds.set(id, ids);
  return ids;
}

/** Field changes of an update/reactivate: partial edit for content, dedicated endpoints for price and stock. */
export async function updateFields(change: Extract<Change, { kind: "update" | "reactivate" }>, deps: WriteDeps): Promise<ChangeOutcome> {
  const id = change.listingId;
  const product = change.product;
  const names = new Set(change.fields.map((f: FieldChange) => f.field));
  // A product created inactive holds quantity 0 (heldStock): turning it on sends the row's stock.
  const held = change.kind === "reactivate" && deps.details.get(id)?.heldStock !== undefined;
  try {
    const edit: Record<string, unknown> = {};
    if (names.has("name")) edit.title = product.name;
    if (names.has("description")) edit.description = toHtml(product.description);
    if (names.has("weight")) edit.package_weight = { value: kilograms(product.weight), unit: "KILOGRAM" };
    if (names.has("min_order")) edit.minimum_order_quantity = product.min_order;
    if (names.has("condition") && preOwnedAllowed(deps.platforms)) edit.is_pre_owned = product.condition === "USED";
    let attributes: Record<string, string> | undefined;
    // A new category takes its own attributes; an attributes change sends them all (partial edit
    // replaces product_attributes, §4.5), as the create did.
    if (names.has("category") || names.has("attributes")) {
      const ids = await deps.attributeIds(product.categoryId);
      if (names.has("category")) edit.category_id = product.categoryId;
      edit.product_attributes = productAttributes(product, ids);
      attributes = sentAttributes(product, ids);
    }
    let uris: string[] | undefined;
    if (names.has("images")) {
      uris = await photoUris(product, deps);
      edit.main_images = uris.map((uri) => ({ uri }));
    }
    // Variants added, removed or re-optioned: the SKU list goes with the partial edit (sending
    // `skus` replaces them: kept SKUs by id, new ones without, omitted ones deleted, §4.5).
    const structural = (change.variants ?? []).some((v) => v.kind !== "update" || v.fields.some((f) => f.field === "options" || f.field === "images"));
    if (structural) edit.skus = skuBodies(product, deps.warehouseId, await liveSkuIds(id, deps), await variantImageUris(product, deps), deps.inventories);
    // Certificates (issue 15 leftover): an edit that moves the product to a category that asks for
    // a certification, or whose certificate photos changed since they were last sent, sends
    // `certifications[]` too (partial edit replaces the array, §4.5).
    let certificates: string[] | undefined;
    if (Object.keys(edit).length > 0 && product.certificatePhotos?.length) {
      const hashes = certificateHashes(product);
      const sent = deps.details.get(id)?.certificates ?? [];
      if (names.has("category") || hashes.join("\n") !== sent.join("\n")) {
        const certifications = await certificationsOf(product, deps);
        if (certifications.length > 0) {
          edit.certifications = certifications;
          certificates = hashes;
        }
      }
    }
    if (Object.keys(edit).length > 0) {
      const env = await partialEdit(id, edit, deps);
      if (hasErrors(env)) return refused(change, env, id);
      if (structural) deps.skuIds.set(id, (env.data?.skus ?? []).map((s) => s.id));
      deps.details.wrote(id, {
        ...(names.has("description") ? { description: product.description } : {}),
        ...(names.has("weight") ? { weightGrams: product.weight } : {}),
        ...(names.has("category") ? { categoryId: product.categoryId } : {}),
        ...(attributes ? { attributes } : {}),
        ...(names.has("min_order") ? { minOrder: product.min_order } : {}),
        ...(names.has("condition") && preOwnedAllowed(deps.platforms) ? { preOwned: product.condition === "USED" } : {}),
        ...(uris ? { images: uris } : {}),
        ...(certificates ? { certificates } : {}),
        // The whole SKU list was sent: what is stopped is exactly what this list stopped.
        ...(structural ? { stoppedVariants: stoppedVariants(product.variants ?? []), skuAttributes: skuAttributesOf(edit.skus as Record<string, unknown>[]) } : {}),
      });
    }
    if (held) {
      const refusedEdit = await editSkus(change, deps);
      if (refusedEdit) return refusedEdit;
      if (change.fields.every((f) => f.field === "price" || f.field === "stock") && !(change.variants ?? []).length) return { status: "applied", sku: change.sku, kind: change.kind, listingId: id };
    }
    const variantDone = await updateVariants(change, edit, deps);
    if (variantDone) return variantDone;
    if (names.has("price") || names.has("stock")) {
      let live = isLive(id, deps);
      if (live) {
        const skus = await skuIdsOf(id, deps);
        const sku = skus[0];
        if (!sku) return failed(change, "NO_SKU", `product ${id} has no SKU to update`, false, id);
        if (names.has("price")) {
          const env = await deps.client.call("POST", `/product/202309/products/${id}/prices/update`, { json: { skus: [{ id: sku, price: amount(product.price) }] }, cipher: true });
          if (isNotLiveAnswer(env)) live = false;
          else if (hasErrors(env)) return refused(change, env, id);
        }
        if (live && names.has("stock")) {
          const env = await deps.client.call("POST", `/product/202309/products/${id}/inventory/update`, {
            json: { skus: [{ id: sku, inventory: inventoryOf(sku, product.stock, deps.warehouseId, deps.inventories) }] },
            cipher: true,
          });
          if (isNotLiveAnswer(env)) live = false;
          else if (hasErrors(env)) return refused(change, env, id);
          else if (live) deps.details.wrote(id, { heldStock: undefined });
        }
      }
      if (!live) {
        const refusedEdit = await editSkus(change, deps);
        if (refusedEdit) return refusedEdit;
      }
      deps.details.wrote(id, {});
    }
  } catch (error) {
    if (error instanceof PhotoError) return failed(change, error.code, error.message, error.retryable, id);
    if (error instanceof TransportError) return failed(change, "OUTCOME_UNKNOWN", error.message, true, id);
    throw error;
  }
  return { status: "applied", sku: change.sku, kind: change.kind, listingId: id };
}

/** The answer code for "not allowed in the current status" (§3), top level or per SKU. */
const NOT_ALLOWED_IN_STATUS = 12052901;

const isNotLiveAnswer = (env: Envelope): boolean => {
  const first = (env.data as { errors?: { code?: number; detail?: { extra_errors?: { code?: number }[] } }[] } | undefined)?.errors?.[0];
  return env.code === NOT_ALLOWED_IN_STATUS || first?.code === NOT_ALLOWED_IN_STATUS || first?.detail?.extra_errors?.[0]?.code === NOT_ALLOWED_IN_STATUS;
};

/**
 * Update Price and Update Inventory take ACTIVATE products only (§4 table, §10.11). A product the
 * last read saw in another status (in review, rejected, deactivated) gets its price and stock
 * through editSkus instead; one not read this run is tried on the cheap endpoints first.
 */
const isLive = (id: string, deps: WriteDeps): boolean => (deps.statuses?.get(id) ?? "ACTIVATE") === "ACTIVATE";

/**
 * Price and stock of a product that is not ACTIVATE: the whole SKU list with a partial edit
 * (§4.5: kept SKUs by id, each with the row's price and quantity). A single-SKU product keeps its
 * one SKU even when it has no seller_sku (adopted). Undefined when it was accepted.
 */
async function editSkus(change: Extract<Change, { kind: "update" | "reactivate" }>, deps: WriteDeps): Promise<Failed | undefined> {
  const id = change.listingId;
  const product = change.product;
  const live = await liveSkus(id, deps);
  const ids = new Map(live.filter((s) => s.seller_sku).map((s) => [(s.seller_sku as string).toLowerCase(), s.id]));
  const only = live.length === 1 ? live[0] : undefined;
  if (!product.variants?.length && only && !ids.has(product.sku.toLowerCase())) ids.set(product.sku.toLowerCase(), only.id);
  // Sending `skus` replaces them wholesale (§4.5): variant photos go with them again.
  const env = await partialEdit(id, { skus: skuBodies(product, deps.warehouseId, ids, await variantImageUris(product, deps), deps.inventories) }, deps);
  if (hasErrors(env)) return refused(change, env, id);
  deps.skuIds.set(id, (env.data?.skus ?? []).map((s) => s.id));
  deps.details.wrote(id, { stoppedVariants: stoppedVariants(product.variants ?? []), heldStock: undefined });
  return undefined;
}

async function liveSkus(id: string, deps: WriteDeps): Promise<{ id: string; seller_sku?: string }[]> {
  const env = await deps.client.call<{ skus?: { id: string; seller_sku?: string }[] }>("GET", `/product/202309/products/${id}`, { cipher: true });
  return env.data?.skus ?? [];
}

/** Seller SKU (lowercase) -> SKU id of a live product (Get Product). */
async function liveSkuIds(id: string, deps: WriteDeps): Promise<Map<string, string>> {
  const env = await deps.client.call<{ skus?: { id: string; seller_sku?: string }[] }>("GET", `/product/202309/products/${id}`, { cipher: true });
  return new Map((env.data?.skus ?? []).filter((s) => s.seller_sku).map((s) => [(s.seller_sku as string).toLowerCase(), s.id]));
}

/**
 * Price and stock changes of existing variants (no SKU added, removed or re-optioned): one price
 * request for every variant whose price changed, one inventory request for every variant whose
 * stock (or sellable state) changed, both skipping the review (§4.4). Undefined when there is
 * nothing of that kind, or when a structural edit already sent the whole SKU list.
 */
async function updateVariants(change: Extract<Change, { kind: "update" | "reactivate" }>, edit: Record<string, unknown>, deps: WriteDeps): Promise<ChangeOutcome | undefined> {
  const updates = (change.variants ?? []).filter((v): v is Extract<VariantChange, { kind: "update" }> => v.kind === "update");
  if (updates.length === 0 || edit.skus !== undefined) return undefined;
  const id = change.listingId;
  const wanted = new Map((change.product.variants ?? []).map((v) => [v.sku.toLowerCase(), v]));
  const priced = updates.filter((u) => u.fields.some((f) => f.field === "price"));
  const stocked = updates.filter((u) => u.fields.some((f) => f.field === "stock" || f.field === "status"));
  let live = isLive(id, deps);
  if (live && priced.length > 0) {
    const skus = priced.map((u) => ({ id: u.variantId, price: amount(wanted.get(u.sku.toLowerCase())?.price ?? 0) }));
    const env = await deps.client.call("POST", `/product/202309/products/${id}/prices/update`, { json: { skus }, cipher: true });
    if (isNotLiveAnswer(env)) live = false;
    else if (hasErrors(env)) return refused(change, env, id);
  }
  if (!live) {
    const refusedEdit = await editSkus(change, deps);
    if (refusedEdit) return refusedEdit;
  } else if (stocked.length > 0) {
    const skus = stocked.map((u) => {
      const v = wanted.get(u.sku.toLowerCase());
      return { id: u.variantId, inventory: inventoryOf(u.variantId, !v || v.status === "inactive" ? 0 : v.stock, deps.warehouseId, deps.inventories) };
    });
    const env = await deps.client.call("POST", `/product/202309/products/${id}/inventory/update`, { json: { skus }, cipher: true });
    if (isNotLiveAnswer(env)) {
      const refusedEdit = await editSkus(change, deps);
      if (refusedEdit) return refusedEdit;
    } else if (hasErrors(env)) return refused(change, env, id);
    const sent = stocked.flatMap((u) => wanted.get(u.sku.toLowerCase()) ?? []);
    const held = deps.details.get(id)?.heldStock;
    const stillHeld = held && Object.fromEntries(Object.entries(held).filter(([k]) => !sent.some((v) => v.sku.toLowerCase() === k)));
    deps.details.wrote(id, { stoppedVariants: stoppedVariants(sent, deps.details.get(id)?.stoppedVariants), heldStock: stillHeld && Object.keys(stillHeld).length > 0 ? stillHeld : undefined });
  }
  if (change.fields.length > 0) return undefined; // the product's own fields are handled by the caller
  deps.details.wrote(id, {});
  return { status: "applied", sku: change.sku, kind: change.kind, listingId: id };
}

/** Activate or deactivate up to 20 products per request; per-id failures from data.errors. */
export async function setStatus(changes: readonly Change[], activate: boolean, deps: WriteDeps): Promise<ChangeOutcome[]> {
  const outcomes: ChangeOutcome[] = [];
  for (let i = 0; i < changes.length; i += STATUS_BATCH) {
    const batch = changes.slice(i, i + STATUS_BATCH) as Extract<Change, { listingId: string }>[];
    const path = `/product/202309/products/${activate ? "activate" : "deactivate"}`;
    let env: Envelope<{ errors?: { code?: number; message?: string; detail?: { product_id?: string } }[] }>;
    try {
      env = await deps.client.call("POST", path, { json: { product_ids: batch.map((c) => c.listingId), listing_platforms: deps.platforms }, cipher: true });
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      for (const c of batch) outcomes.push(failed(c, "OUTCOME_UNKNOWN", error.message, true, c.listingId));
      continue;
    }
    if (env.code !== 0) {
      for (const c of batch) outcomes.push(refused(c, env, c.listingId));
      continue;
    }
    const byId = new Map((env.data?.errors ?? []).map((e) => [e.detail?.product_id ?? "", e]));
    for (const c of batch) {
      const e = byId.get(c.listingId);
      if (e && !activate && e.code === NOT_ALLOWED_IN_STATUS) outcomes.push(failed(c, String(e.code), IN_REVIEW_MESSAGE, true, c.listingId));
      else if (e) outcomes.push(failed(c, String(e.code ?? env.code), e.message ?? "refused", isRetryableCode(e.code ?? 0), c.listingId));
      else {
        deps.details.wrote(c.listingId, {});
        outcomes.push({ status: "applied", sku: c.sku, kind: c.kind, listingId: c.listingId });
      }
    }
  }
  return outcomes;
}
