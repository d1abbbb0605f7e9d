// Per-run lookups: attribute trees and item limits per category, enabled logistics channels, brands
// (reference A3). Fetched once per category per run; a failed fetch is not cached.
import type { ShopeeClient } from "./client.js";

export interface AttributeDef {
  id: number;
  name: string;
  mandatory: boolean;
  inputType: number;
  values: { id: number; name: string }[];
}

export interface Range {
  min: number;
  max: number;
}

export interface ItemLimits {
  price?: Range;
  stock?: Range;
  name?: Range;
  images?: Range;
  description?: Range;
  /** dimension_limit.dimension_mandatory: new items of the category must carry a package size. */
  isDimensionMandatory?: boolean;
}

export interface Channel {
  id: number;
  name: string;
  /** SIZE_SELECTION | SIZE_INPUT | FIXED_DEFAULT_PRICE | CUSTOM_PRICE (reference A3); absent when not given. */
  feeType?: string;
  /** size_list's size ids, in the order given. */
  sizeIds: (string | number)[];
}

const range = (raw: unknown): Range | undefined => {
  const r = raw as { min_limit?: number; max_limit?: number } | undefined;
  return typeof r?.min_limit === "number" && typeof r.max_limit === "number" ? { min: r.min_limit, max: r.max_limit } : undefined;
};

function once<K, V>(load: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const cache = new Map<K, Promise<V>>();
  return (key) => {
    let hit = cache.get(key);
    if (!hit) {
      hit = load(key).catch((error: unknown) => {
        cache.delete(key);
        throw error;
      });
      cache.set(key, hit);
    }
    return hit;
  };
}

export interface Details {
  attributes(categoryId: number): Promise<AttributeDef[]>;
  limits(categoryId: number): Promise<ItemLimits>;
  channels(): Promise<Channel[]>;
  brandId(name: string, categoryId: number): Promise<number | undefined>;
}

export function createDetails(client: ShopeeClient): Details {
  const attributes = once(async (categoryId: number) => {
    // NOTE: the parameter is category_id_list, but the doc's own sample writes category_ids
    // (reference A3): both are sent, so a server reading either one answers.
    const id = String(categoryId);
    const env = await client.get("/api/v2/product/get_attribute_tree", [["category_id_list", id], ["category_ids", id], ["language", "id"]]);
    const list = ((env.response ?? {}) as { list?: { category_id: number | string; attribute_tree?: unknown[] | null }[] | null }).list ?? [];
    const tree = ((list.find((l) => Number(l.category_id) === categoryId) ?? (list.length === 1 ? list[0] : undefined))?.attribute_tree ?? []) as {
      attribute_id: number;
      name: string;
      mandatory?: boolean;
      is_mandatory?: boolean;
      attribute_value_list?: { value_id: number; name: string }[] | null;
      attribute_info?: { input_type?: number } | null;
    }[];
    return tree.map((a) => ({
      id: a.attribute_id,
      name: a.name,
      mandatory: (a.mandatory ?? a.is_mandatory) === true,
      inputType: a.attribute_info?.input_type ?? 3,
      values: (a.attribute_value_list ?? []).map((v) => ({ id: v.value_id, name: v.name })),
    }));
  });
  const limits = once(async (categoryId: number): Promise<ItemLimits> => {
    const r = ((await client.get("/api/v2/product/get_item_limit", [["category_id", String(categoryId)]])).response ?? {}) as Record<string, unknown>;
    const out: ItemLimits = {};
    const set = (key: "price" | "stock" | "name" | "images" | "description", raw: unknown): void => {
      const value = range(raw);
      if (value) out[key] = value;
    };
    set("price", r.price_limit);
    set("stock", r.stock_limit);
    set("name", r.item_name_length_limit);
    set("images", r.item_image_count_limit);
    set("description", r.item_description_length_limit);
    if ((r.dimension_limit as { dimension_mandatory?: unknown } | undefined)?.dimension_mandatory === true) out.isDimensionMandatory = true;
    return out;
  });
  const channels = once(async (_: "all") => {
    type RawChannel = { logistics_channel_id: number; logistics_channel_name: string; enabled: boolean; mask_channel_id?: number | null; fee_type?: string | null; size_list?: { size_id?: string | number }[] | null };
    const list = (((await client.get("/api/v2/logistics/get_channel_list", [])).response ?? {}) as { logistics_channel_list?: RawChannel[] | null }).logistics_channel_list ?? [];
    // Only channels the shop enabled and that are not masked behind another (reference A3).
    return list
      .filter((c) => c.enabled && !c.mask_channel_id)
      .map((c): Channel => ({
        id: Number(c.logistics_channel_id),
        name: c.logistics_channel_name,
        ...(c.fee_type ? { feeType: c.fee_type } : {}),
        sizeIds: (c.size_list ?? []).flatMap((s) => (s.size_id !== undefined && s.size_id !== null && s.size_id !== "" ? [s.size_id] : [])),
      }));
  });
  const brands = once(async (categoryId: number) => {
    const out: { id: number; name: string }[] = [];
    let offset = 0;
    for (let page = 0; page < 50; page += 1) {
      const r = ((await client.get("/api/v2/product/get_brand_list", [["category_id", String(categoryId)], ["status", "1"], ["offset", String(offset)], ["page_size", "100"]])).response ?? {}) as {
        brand_list?: { brand_id: number; original_brand_name: string; display_brand_name?: string }[];
        has_next_page?: boolean;
        next_offset?: number;
      };
      for (const b of r.brand_list ?? []) out.push({ id: b.brand_id, name: b.display_brand_name || b.original_brand_name }, { id: b.brand_id, name: b.original_brand_name });
      if (!r.has_next_page || !r.next_offset) break;
      offset = r.next_offset;
    }
    return out;
  });
  const fold = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, " ");
  return {
    attributes,
    limits,
    channels: () => channels("all"),
    async brandId(name, categoryId) {
      return (await brands(categoryId)).find((b) => fold(b.name) === fold(name))?.id;
    },
  };
}
