// Applying changes (reference A3): add_item then init_tier_variation; update_item with only the
// changed fields; update_price / update_stock (per model) for price and stock; unlist_item in
// batches of 50 for deactivation and relisting. Shopee has no idempotency key, so a lost add_item
// (or init_tier_variation) is looked up before it is sent again. REVIEWING and BANNED items are
// reported and not written to.
import pLimit from "p-limit";
import type { Logger } from "pino";
import type { Change, ChangeOutcome, DesiredProduct, ListingReview, ListingVariant } from "../../plan/types.js";
import type { ApplyOptions } from "../types.js";
import type { ShopeeClient } from "./client.js";
import type { Details } from "./details.js";
import { asRunError, DAILY_LIMIT_TEXT, DailyLimitError, RUN_STOPPING, OutcomeUnknownError, RETRYABLE, ShopeeApiError } from "./errors.js";
import { addItemBody, initTierBody, tiersOf, updateItemBody, type PackageCm } from "./payload.js";
import { uploadPhotos, type PhotoDeps } from "./photos.js";
import { LISTED_STATUSES } from "./read.js";
import { readTiers, type ModelList } from "./map.js";
import { AdapterError } from "../../errors.js";
import { pacedSleep } from "../shared/pacing.js";

export const UNLIST_BATCH = 50;
const LOST_WRITE_ATTEMPTS = 4;
/** Items changed since shortly before a lost add_item are searched for its SKU. */
// NOTE: wide enough for the ±300 s clock difference the signature check allows.
const LOOKUP_WINDOW_SECONDS = 600;

export interface KnownListing {
  review?: ListingReview;
  variants?: ListingVariant[];
}

export interface WriteDeps {
  client: ShopeeClient;
  details: Details;
  photos: PhotoDeps;
  logistics: readonly (number | string)[] | undefined;
  packageCm: PackageCm;
  /** The catalogue group (named in a "connect again" message). */
  group: string;
  known: Map<string, KnownListing>;
  concurrency: number;
  log: Logger;
}

type Flip = { index: number; itemId: number; unlist: boolean };

const failed = (change: Change, code: string, message: string, retryable: boolean, listingId?: string): ChangeOutcome => ({
  status: "failed",
  sku: change.sku,
  kind: change.kind,
  ...(listingId ? { listingId } : {}),
  error: { code, message, retryable },
});

function toFailure(change: Change, error: unknown, group: string): ChangeOutcome {
  const listingId = change.kind === "create" ? undefined : change.listingId;
  if (error instanceof ShopeeApiError && RUN_STOPPING.has(error.error)) throw asRunError(error, group);
  if (error instanceof DailyLimitError) return failed(change, "error_limit", DAILY_LIMIT_TEXT.en, true, listingId);
  if (error instanceof ShopeeApiError) return failed(change, error.error, error.message, RETRYABLE.has(error.error), listingId);
  if (error instanceof OutcomeUnknownError) return failed(change, "OUTCOME_UNKNOWN", `${error.message}; run sync again to check and finish it`, true, listingId);
  if (error instanceof AdapterError) throw error;
  const code = (error as { code?: string }).code;
  if (code === "PHOTO_TOO_LARGE" || code === "PHOTO_UNREADABLE" || code === "PHOTO_DOWNLOAD_FAILED") return failed(change, code, (error as Error).message, code === "PHOTO_DOWNLOAD_FAILED", listingId);
  throw error;
}

export async function writeChanges(changes: readonly Change[], opts: ApplyOptions, deps: WriteDeps): Promise<ChangeOutcome[]> {
  const outcomes: (ChangeOutcome | undefined)[] = new Array(changes.length);
  const report = (i: number, outcome: ChangeOutcome): void => {
    outcomes[i] = outcome;
    opts.onOutcome?.(outcome);
  };
  const flips: Flip[] = [];
  let isStopped = false;
  const limit = pLimit(deps.concurrency);
  await Promise.all(
    changes.map((change, index) =>
      limit(async () => {
        if (opts.signal?.aborted || isStopped) {
          const reason = isStopped ? DAILY_LIMIT_TEXT.en : "interrupted before it was sent";
          return report(index, isStopped ? failed(change, "error_limit", reason, true, change.kind === "create" ? undefined : change.listingId) : { status: "skipped", sku: change.sku, kind: change.kind, reason });
        }
        const review = change.kind === "create" ? undefined : deps.known.get(change.listingId)?.review;
        if (review && (review.state === "in-review" || review.state === "banned")) {
          const code = review.state === "banned" ? "SHOPEE_ITEM_BANNED" : "SHOPEE_ITEM_REVIEWING";
          const message = review.state === "banned" ? "Shopee banned this item: fix it in Seller Center (desbumi does not write to it)" : "Shopee is still reviewing this item: desbumi writes to it after the review";
          return report(index, failed(change, code, message, review.state === "in-review", change.kind === "create" ? undefined : change.listingId));
        }
        opts.onIntent?.(change);
        try {
          // NOTE: the run's abort signal only stops new items; one already started is finished.
          const listingId = await perform(change, deps);
          if (change.kind === "deactivate" || change.kind === "reactivate") flips.push({ index, itemId: Number(listingId), unlist: change.kind === "deactivate" });
          else report(index, { status: "applied", sku: change.sku, kind: change.kind, listingId });
        } catch (error) {
          if (error instanceof DailyLimitError) isStopped = true;
          report(index, toFailure(change, error, deps.group));
        }
      }),
    ),
  );
  await flipStatuses(flips, changes, deps, report);
  if (isStopped) deps.log.warn({}, DAILY_LIMIT_TEXT.en);
  return outcomes.map((o, i) => o ?? { status: "skipped", sku: changes[i]?.sku ?? "", kind: changes[i]?.kind ?? "update", reason: "not sent" });
}

async function flipStatuses(flips: Flip[], changes: readonly Change[], deps: WriteDeps, report: (i: number, o: ChangeOutcome) => void): Promise<void> {
  for (let i = 0; i < flips.length; i += UNLIST_BATCH) {
    const batch = flips.slice(i, i + UNLIST_BATCH);
    try {
      // Setting a status is safe to repeat, so the client may retry a lost answer.
      const env = await deps.client.post("/api/v2/product/unlist_item", { item_list: batch.map((f) => ({ item_id: f.itemId, unlist: f.unlist })) });
      const r = (env.response ?? {}) as { failure_list?: { item_id: number; failed_reason?: string }[] };
      const failures = new Map((r.failure_list ?? []).map((f) => [Number(f.item_id), f.failed_reason || "refused"]));
      for (const f of batch) {
        const change = changes[f.index];
        if (!change) continue;
        const reason = failures.get(f.itemId);
        report(f.index, reason ? failed(change, "error_unlist", reason, false, String(f.itemId)) : { status: "applied", sku: change.sku, kind: change.kind, listingId: String(f.itemId) });
      }
    } catch (error) {
      for (const f of batch) {
        const change = changes[f.index];
        if (change) report(f.index, toFailure(change, error, deps.group));
      }
    }
  }
}

async function perform(change: Change, deps: WriteDeps, signal?: AbortSignal): Promise<string> {
  if (change.kind === "create") return create(change.product, deps, signal);
  const itemId = Number(change.listingId);
  const product = change.product;
  const known = deps.known.get(change.listingId);
  // A create whose init_tier_variation never got through left an item without models: finish it
  // (the models carry the prices and stocks, so the item-level ones are not sent).
  const isHalfCreated = change.kind !== "deactivate" && (product?.variants?.length ?? 0) > 0 && known !== undefined && (known.variants?.length ?? 0) === 0;
  if (isHalfCreated && product) {
    const body = change.fields.length > 0 ? await updateItemBody(itemId, product, change.fields, deps.details, () => uploadPhotos(product, deps.photos, signal)) : undefined;
    if (body) await deps.client.post("/api/v2/product/update_item", body, signal ? { signal } : {});
    await initTiersOnce(itemId, product, deps, signal);
    return change.listingId;
  }
  if (product && change.fields.length > 0) {
    const body = await updateItemBody(itemId, product, change.fields, deps.details, () => uploadPhotos(product, deps.photos, signal));
    if (body) await deps.client.post("/api/v2/product/update_item", body, signal ? { signal } : {});
    const hasModels = (known?.variants?.length ?? 0) > 0;
    if (!hasModels) {
      if (change.fields.some((f) => f.field === "price")) await postRows(deps.client, "update_price", { item_id: itemId, price_list: [{ model_id: 0, original_price: product.price }] }, signal);
      if (change.fields.some((f) => f.field === "stock")) await postRows(deps.client, "update_stock", { item_id: itemId, stock_list: [{ model_id: 0, seller_stock: [{ stock: product.stock }] }] }, signal);
    }
  }
  if (change.kind !== "deactivate" && change.variants && change.variants.length > 0 && product) {
    await applyVariantChanges(itemId, change.variants, product, deps, signal);
    const unwritable = change.variants.flatMap((vc) => (vc.kind === "update" ? vc.fields.filter((f) => !VARIANT_WRITABLE.has(f.field)).map((f) => `${vc.sku} ${f.field}`) : []));
    if (unwritable.length > 0) {
      // Said, not skipped silently: an "applied" here would plan the same change on every run.
      throw new ShopeeApiError(
        "SHOPEE_VARIANT_FIELD_UNSUPPORTED",
        `prices and stocks were written; Shopee's API here cannot change a model's options, photo or availability (${unwritable.join(", ")}): change them in Seller Center, or give the variant a new SKU`,
        0,
      );
    }
  }
  return change.listingId;
}

/**
 * Variant fields written to an existing model (update_price / update_stock; a photo through the
 * whole-tier update_tier_variation, as its first-tier option's image).
 * NOTE: renaming an option and a model's availability have no documented single-model write in
 * reference A3, so they are reported.
 */
const VARIANT_WRITABLE: ReadonlySet<string> = new Set(["price", "stock", "images"]);

async function applyVariantChanges(itemId: number, variantChanges: NonNullable<Extract<Change, { kind: "update" }>["variants"]>, product: NonNullable<Extract<Change, { kind: "update" }>["product"]>, deps: WriteDeps, signal?: AbortSignal): Promise<void> {
  const o = signal ? { signal } : {};
  const prices: { model_id: number; original_price: number }[] = [];
  const stocks: { model_id: number; seller_stock: { stock: number }[] }[] = [];
  for (const vc of variantChanges) {
    if (vc.kind !== "update") continue;
    const variant = product.variants?.find((v) => v.sku === vc.sku);
    for (const f of vc.fields) {
      if (f.field === "price") prices.push({ model_id: Number(vc.variantId), original_price: variant?.price ?? Number(f.to) });
      if (f.field === "stock") stocks.push({ model_id: Number(vc.variantId), seller_stock: [{ stock: variant?.stock ?? Number(f.to) }] });
    }
  }
  for (let i = 0; i < prices.length; i += 50) await postRows(deps.client, "update_price", { item_id: itemId, price_list: prices.slice(i, i + 50) }, signal);
  for (let i = 0; i < stocks.length; i += 50) await postRows(deps.client, "update_stock", { item_id: itemId, stock_list: stocks.slice(i, i + 50) }, signal);
  // NOTE: removals first: the tiers below are rebuilt from the catalogue's variants, so a removed
  // option's index may go to a new one, and a model still holding it would make add_model refuse
  // ("Repeat tier_index").
  for (const vc of variantChanges) if (vc.kind === "remove") await deps.client.post("/api/v2/product/delete_model", { item_id: itemId, model_id: Number(vc.variantId) }, o);
  const added = variantChanges.flatMap((vc) => (vc.kind === "add" ? [vc.variant] : []));
  const photoChanged = variantChanges.some((vc) => vc.kind === "update" && vc.fields.some((f) => f.field === "images"));
  if (added.length > 0 || photoChanged) {
    // New options go at the end of their tier (existing indexes stay), then the new models. The
    // tiers are sent whole, so the first tier's option images go with them (a variant's photo is
    // its option's image): leaving them out would drop every variant photo.
    const all = product.variants ?? [];
    const { index } = tiersOf(all);
    const optionImages = await optionImagesOf(product, deps, signal);
    // NOTE: a photo-only change keeps the live tiers as they are (names, options, their order: the
    // models' tier_index point into it), only their images set.
    const standardise_tier_variation = added.length > 0 ? initTierBody(itemId, all, optionImages).standardise_tier_variation : await liveTiersWithImages(itemId, optionImages, deps, signal);
    await deps.client.post("/api/v2/product/update_tier_variation", { item_id: itemId, standardise_tier_variation }, o);
    if (added.length > 0) await deps.client.post("/api/v2/product/add_model", { item_id: itemId, model_list: added.map((v) => ({ tier_index: index(v), original_price: v.price, model_sku: v.sku, seller_stock: [{ stock: v.stock }] })) }, o);
  }
}

/** The item's tiers as they are live (get_model_list), the first tier's options with the catalogue's images. */
async function liveTiersWithImages(itemId: number, optionImages: ReadonlyMap<string, string> | undefined, deps: WriteDeps, signal?: AbortSignal): Promise<unknown[]> {
  const models = ((await deps.client.get("/api/v2/product/get_model_list", [["item_id", String(itemId)]], signal ? { signal } : {})).response ?? {}) as ModelList;
  return readTiers(models).map((tier, t) => ({
    variation_id: 0,
    variation_name: tier.name,
    variation_group_id: 0,
    variation_option_list: tier.options.map((o) => {
      const image = t === 0 ? optionImages?.get(o.option) : undefined;
      return { variation_option_id: 0, variation_option_name: o.option, ...(image ? { image_id: image } : {}) };
    }),
  }));
}

/**
 * update_price / update_stock answer `error: ""` even when rows were refused: those are in
 * `response.failure_list[{model_id, failed_reason}]` (reference A3), so a refused row fails the change.
 */
async function postRows(client: ShopeeClient, api: "update_price" | "update_stock", body: Record<string, unknown>, signal?: AbortSignal): Promise<void> {
  const env = await client.post(`/api/v2/product/${api}`, body, signal ? { signal } : {});
  const failures = ((env.response ?? {}) as { failure_list?: { model_id?: number; failed_reason?: string }[] | null }).failure_list ?? [];
  if (failures.length === 0) return;
  const reasons = failures.map((f) => (f.model_id ? `model ${f.model_id}: ` : "") + (f.failed_reason || "refused")).join("; ");
  throw new ShopeeApiError(`error_${api}`, `${api} refused ${failures.length === 1 ? "a row" : `${failures.length} rows`} (${reasons})`, 200);
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** The item with this item_sku changed since `since` (a lost add_item), if any. */
async function findRecentBySku(client: ShopeeClient, sku: string, since: number, signal?: AbortSignal): Promise<number | undefined> {
  let offset = 0;
  // NOTE: the window ends a minute ahead (clock difference); a server refusing that range
  // (error_update_time_range, reference A3) is asked up to now, then without a range.
  const ranges: (number | undefined)[] = [60, 0, undefined];
  for (let page = 0; page < 100; page += 1) {
    const ahead = ranges[0];
    const query: [string, string][] = [["offset", String(offset)], ["page_size", "100"], ...LISTED_STATUSES.map((s): [string, string] => ["item_status", s])];
    if (ahead !== undefined) query.push(["update_time_from", String(since)], ["update_time_to", String(nowSeconds() + ahead)]);
    let env;
    try {
      env = await client.get("/api/v2/product/get_item_list", query, signal ? { signal } : {});
    } catch (error) {
      if (!(error instanceof ShopeeApiError && error.error === "error_update_time_range" && ranges.length > 1)) throw error;
      ranges.shift();
      offset = 0;
      continue;
    }
    const r = (env.response ?? {}) as { item?: { item_id: number }[]; has_next_page?: boolean; next_offset?: number };
    const ids = (r.item ?? []).map((i) => i.item_id);
    for (let i = 0; i < ids.length; i += 50) {
      const env = await client.get("/api/v2/product/get_item_base_info", [["item_id_list", ids.slice(i, i + 50).join(",")]], signal ? { signal } : {});
      const hit = (((env.response ?? {}) as { item_list?: { item_id: number; item_sku?: string }[] }).item_list ?? []).find((it) => it.item_sku === sku);
      if (hit) return hit.item_id;
    }
    if (!r.has_next_page || !r.next_offset) return undefined;
    offset = r.next_offset;
  }
  return undefined;
}

async function create(product: Extract<Change, { kind: "create" }>["product"], deps: WriteDeps, signal?: AbortSignal): Promise<string> {
  const imageIds = await uploadPhotos(product, deps.photos, signal);
  const body = await addItemBody(product, imageIds, deps.details, deps.logistics, deps.packageCm);
  const itemId = await addItemOnce(body, product.sku, deps, signal);
  const addedAtMs = Date.now();
  const variants = product.variants ?? [];
  if (variants.length > 0) await initTiersOnce(itemId, product, deps, signal, addedAtMs);
  return String(itemId);
}

/** add_item, sent again only after a look-up by SKU shows the lost one did not arrive. */
async function addItemOnce(body: Record<string, unknown>, sku: string, deps: WriteDeps, signal?: AbortSignal): Promise<number> {
  const since = nowSeconds() - LOOKUP_WINDOW_SECONDS;
  let wasLost = false;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const env = await deps.client.post("/api/v2/product/add_item", body, { isUnsafeWrite: true, ...(signal ? { signal } : {}) });
      const id = Number((env.response as { item_id?: number | string } | null | undefined)?.item_id);
      if (!Number.isSafeInteger(id) || id <= 0) throw new ShopeeApiError("error_protocol", "add_item answered without an item_id", 200);
      return id;
    } catch (error) {
      const isLost = error instanceof OutcomeUnknownError || (error instanceof ShopeeApiError && RETRYABLE.has(error.error));
      // A "similar product exists" right after a lost attempt is most likely our own lost item.
      const isMaybeOurs = wasLost && error instanceof ShopeeApiError && error.error === "error_repeated_mtsku";
      if (!isLost && !isMaybeOurs) throw error;
      wasLost = true;
      const found = await findRecentBySku(deps.client, sku, since, signal);
      if (found !== undefined) {
        deps.log.info({ sku }, "shopee: a lost add_item had arrived; using that item");
        return found;
      }
      if (isMaybeOurs || attempt + 1 >= LOST_WRITE_ATTEMPTS) throw error;
    }
  }
}

/**
 * The variants' photos as Shopee carries them: one image per option of the first tier, all or none
 * (reference A3), uploaded where the shop lacks them. Undefined when not every variant has a photo.
 * NOTE: by the resolved photo (DesiredVariant.photos): a bare file name lives in the photo folder.
 */
async function optionImagesOf(product: DesiredProduct, deps: WriteDeps, signal?: AbortSignal): Promise<Map<string, string> | undefined> {
  const variants = product.variants ?? [];
  const first = tiersOf(variants).names[0];
  if (!first || !variants.every((v) => v.images.length > 0)) return undefined;
  const optionImages = new Map<string, string>();
  for (const v of variants) {
    const option = v.options[first] ?? "";
    if (optionImages.has(option)) continue;
    const [id] = await uploadPhotos({ ...product, images: v.images.slice(0, 1), photos: v.photos?.slice(0, 1) ?? [] }, deps.photos, signal);
    if (id) optionImages.set(option, id);
  }
  return optionImages;
}

/**
 * Shopee's guide says to wait ~5 s after add_item before defining variants (reference A3 Variants).
 * NOTE: we do not wait up front (it would slow every create); an init_tier_variation refused within
 * twice that time of its add_item is sent once more when the 5 s are up, whatever the error name
 * (none is documented for "not ready yet").
 */
const ITEM_SETTLE_MS = 5_000;

async function initTiersOnce(itemId: number, product: Extract<Change, { kind: "create" }>["product"], deps: WriteDeps, signal?: AbortSignal, addedAtMs?: number): Promise<void> {
  const variants = product.variants ?? [];
  const optionImages = await optionImagesOf(product, deps, signal);
  const body = initTierBody(itemId, variants, optionImages);
  let hasWaitedForItem = false;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await deps.client.post("/api/v2/product/init_tier_variation", body, { isUnsafeWrite: true, ...(signal ? { signal } : {}) });
      return;
    } catch (error) {
      const isLost = error instanceof OutcomeUnknownError || (error instanceof ShopeeApiError && RETRYABLE.has(error.error));
      const isTooEarly = !isLost && !hasWaitedForItem && addedAtMs !== undefined && error instanceof ShopeeApiError && Date.now() - addedAtMs < 2 * ITEM_SETTLE_MS;
      if (isTooEarly) {
        hasWaitedForItem = true;
        await pacedSleep(Math.max(0, addedAtMs + ITEM_SETTLE_MS - Date.now()), signal);
        continue;
      }
      const isAlready = attempt > 0 && error instanceof ShopeeApiError && error.error === "error_param" && /already has tier/i.test(error.message);
      if (!isLost && !isAlready) throw error;
      const models = ((await deps.client.get("/api/v2/product/get_model_list", [["item_id", String(itemId)]], signal ? { signal } : {})).response ?? {}) as { model?: unknown[] };
      if ((models.model?.length ?? 0) > 0) return;
      if (attempt + 1 >= LOST_WRITE_ATTEMPTS) throw error;
    }
  }
}
