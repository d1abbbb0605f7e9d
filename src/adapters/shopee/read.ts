// Reading the shop: get_item_list in pages of 100, get_item_base_info in batches of 50, and
// get_model_list for items with models (reference A3); categories from get_category (Indonesian).
import pLimit from "p-limit";
import type { Category } from "../types.js";
import type { ShopeeClient } from "./client.js";
import { ShopeeApiError } from "./errors.js";
import { DELETED_STATUSES, toListing, type BaseInfo, type ModelList } from "./map.js";
import type { Listing } from "../../plan/types.js";

/**
 * NOTE: REVIEWING and BANNED are listed too (the issue names NORMAL and UNLIST): an item under
 * review that a sync did not see would be created a second time.
 */
export const LISTED_STATUSES = ["NORMAL", "UNLIST", "REVIEWING", "BANNED"] as const;
const PAGE_SIZE = 100;
const BASE_INFO_BATCH = 50;
const READ_CONCURRENCY = 4;

type Window = { from: number; to: number } | undefined;

/** One update_time window's item ids, page by page, into `ids`; or why the server stopped it. */
async function listWindow(client: ShopeeClient, window: Window, ids: Set<number>, signal?: AbortSignal): Promise<"done" | "offset-cap" | "range-refused"> {
  let offset = 0;
  for (;;) {
    const query: [string, string][] = [["offset", String(offset)], ["page_size", String(PAGE_SIZE)], ...LISTED_STATUSES.map((s): [string, string] => ["item_status", s])];
    if (window) query.push(["update_time_from", String(window.from)], ["update_time_to", String(window.to)]);
    let env;
    try {
      env = await client.get("/api/v2/product/get_item_list", query, signal ? { signal } : {});
    } catch (error) {
      const isOffsetCap = error instanceof ShopeeApiError && error.error === "error_param" && /offset/i.test(error.message) && offset > 0;
      const isRangeTooWide = error instanceof ShopeeApiError && error.error === "error_update_time_range" && window !== undefined;
      if (isOffsetCap) return "offset-cap";
      if (isRangeTooWide) return "range-refused";
      throw error;
    }
    const r = (env.response ?? {}) as { item?: { item_id: number; item_status?: string }[] | null; has_next_page?: boolean; next_offset?: number };
    for (const it of r.item ?? []) if (!DELETED_STATUSES.has(it.item_status ?? "")) ids.add(Number(it.item_id));
    if (!r.has_next_page || r.next_offset === undefined || r.next_offset <= offset) return "done";
    offset = r.next_offset;
  }
}

/** Before the first Shopee shop (2015-01-01), so every item's update_time is after it. */
const EARLIEST_UPDATE_TIME = 1_420_070_400;

/**
 * Every item id with the listed statuses.
 * NOTE (open question "the get_item_list offset ceiling"): its value is not published. When the
 * server refuses an offset ("get items offset over limit"), the shop is listed again in
 * update_time windows, each halved until it fits under the ceiling, oldest first (an item edited
 * meanwhile moves to the newest window, listed last); error_update_time_range halves a window too.
 */
export async function listItemIds(client: ShopeeClient, signal?: AbortSignal): Promise<number[]> {
  const ids = new Set<number>();
  if ((await listWindow(client, undefined, ids, signal)) === "done") return [...ids];
  const walk = async (from: number, to: number): Promise<void> => {
    const got = await listWindow(client, { from, to }, ids, signal);
    if (got === "done" || (got === "range-refused" && to <= from)) return;
    if (to <= from) throw new ShopeeApiError("error_param", `more items changed in second ${from} than get_item_list pages through`, 200);
    const mid = Math.floor((from + to) / 2);
    await walk(from, mid);
    await walk(mid + 1, to);
  };
  // Five minutes ahead: the clock difference the signature check allows.
  await walk(EARLIEST_UPDATE_TIME, Math.floor(Date.now() / 1000) + 300);
  return [...ids];
}

export async function readItems(client: ShopeeClient, ids: readonly number[], signal?: AbortSignal): Promise<{ info: BaseInfo; models?: ModelList }[]> {
  const limit = pLimit(READ_CONCURRENCY);
  const batches: number[][] = [];
  for (let i = 0; i < ids.length; i += BASE_INFO_BATCH) batches.push(ids.slice(i, i + BASE_INFO_BATCH));
  const infos = (
    await Promise.all(
      batches.map((batch) =>
        limit(async () => {
          const env = await client.get("/api/v2/product/get_item_base_info", [["item_id_list", batch.join(",")]], signal ? { signal } : {});
          return ((env.response ?? {}) as { item_list?: BaseInfo[] }).item_list ?? [];
        }),
      ),
    )
  ).flat();
  return Promise.all(
    infos.map((info) =>
      info.has_model
        ? limit(async () => {
            const env = await client.get("/api/v2/product/get_model_list", [["item_id", String(info.item_id)]], signal ? { signal } : {});
            return { info, models: (env.response ?? {}) as ModelList };
          })
        : { info },
    ),
  );
}

/** `imageHash`: the content sha256 of the file an image id was uploaded from (Listing.photoHashes), or null. */
export async function listAllListings(client: ShopeeClient, imageRef: (id: string, index: number) => string, signal?: AbortSignal, imageHash?: (id: string) => string | null): Promise<Listing[]> {
  const items = await readItems(client, await listItemIds(client, signal), signal);
  // NOTE: a deleted item is still answered for 90 days (reference A3 delete_item); it is no listing.
  return items
    .filter(({ info }) => !DELETED_STATUSES.has(info.item_status))
    .map(({ info, models }) => toListing(info, models, imageRef, imageHash))
    .sort((a, b) => Number(a.id) - Number(b.id));
}

interface RawCategory {
  category_id: number;
  parent_category_id: number;
  display_category_name?: string;
  original_category_name?: string;
  has_children: boolean;
}

export async function fetchCategories(client: ShopeeClient, signal?: AbortSignal): Promise<Category[]> {
  const env = await client.get("/api/v2/product/get_category", [["language", "id"]], signal ? { signal } : {});
  const raw = ((env.response ?? {}) as { category_list?: RawCategory[] }).category_list ?? [];
  const byId = new Map(raw.map((c) => [c.category_id, c]));
  const nameOf = (c: RawCategory): string => c.display_category_name || c.original_category_name || String(c.category_id);
  return raw.map((c) => {
    const path: string[] = [];
    for (let node: RawCategory | undefined = c, depth = 0; node && depth < 20; node = byId.get(node.parent_category_id), depth += 1) path.unshift(nameOf(node));
    return { id: String(c.category_id), name: nameOf(c), path, isLeaf: !c.has_children };
  });
}
