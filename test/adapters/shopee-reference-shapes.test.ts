// The shopee adapter against answers shaped as reference A (shopee-open-platform.md) allows them,
// not only as our mock writes them: an independent server written from the same text must work too.
// Payloads below are written from the reference's field lists; the HTTP cases run through the real
// mock with some answers reshaped on the way back.
import { afterEach, describe, expect, it } from "vitest";
import type { Variant } from "../../src/catalog/types.js";
import type { ShopeeClient } from "../../src/adapters/shopee/client.js";
import { toListing, toVariants, type BaseInfo, type ModelList } from "../../src/adapters/shopee/map.js";
import { listAllListings } from "../../src/adapters/shopee/read.js";
import type { Change, DesiredProduct } from "../../src/plan/types.js";
import { makeDesired } from "../builders.js";
import { reshapeAnswers, SHOPEE_LEAF_ID, startShopeeRig, type ShopeeRig } from "./shopee-rig.js";

let rig: ShopeeRig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

const variant = (sku: string, size: string, price: number, stock = 5): Variant => ({ sku, options: { Ukuran: size }, price, stock, weight: 250, images: [], status: "active", line: 2 });
const product = (over: Partial<DesiredProduct>): DesiredProduct => makeDesired({ categoryId: SHOPEE_LEAF_ID, category: SHOPEE_LEAF_ID, ...over });
const create = (p: DesiredProduct): Change => ({ kind: "create", sku: p.sku, product: p });
const noRef = (): string => "";

describe("reference A3 get_model_list: either tier shape", () => {
  it("reads models from standardise_tier_variation when the deprecated tier_variation is absent", () => {
    const models: ModelList = {
      standardise_tier_variation: [
        { variation_name: "Warna", variation_option_list: [{ variation_option_name: "Merah", image_id: "img-r" }, { variation_option_name: "Biru", image_id: "img-b" }] },
        { variation_name: "Ukuran", variation_option_list: [{ variation_option_name: "S" }, { variation_option_name: "M" }] },
      ],
      model: [
        { model_id: 31, tier_index: [1, 0], model_sku: "K-BS", model_status: "MODEL_NORMAL", price_info: [{ original_price: 20_000 }], stock_info_v2: { summary_info: { total_available_stock: 4 } } },
        { model_id: 32, tier_index: [0, 1], model_sku: "K-RM", model_status: "MODEL_UNAVAILABLE", price_info: [{ original_price: 21_000 }], stock_info_v2: { seller_stock: [{ stock: 2 }, { stock: 3 }] } },
      ],
    };
    expect(toVariants(models, (id) => `ref:${id}`)).toEqual([
      { id: "31", sku: "K-BS", options: { Warna: "Biru", Ukuran: "S" }, price: 20_000, stock: 4, images: ["ref:img-b"], status: "active" },
      { id: "32", sku: "K-RM", options: { Warna: "Merah", Ukuran: "M" }, price: 21_000, stock: 5, images: ["ref:img-r"], status: "inactive" },
    ]);
  });

  it("through the mock: a server that answers only standardise_tier_variation lists the same variants", async () => {
    rig = await startShopeeRig({
      apiFetch: reshapeAnswers({
        "product/get_model_list": (body) => {
          const { tier_variation: _legacy, ...rest } = body.response as Record<string, unknown>;
          return { ...body, response: rest };
        },
      }),
    });
    const p = product({ sku: "MSK-T", name: "Masker Kain Tier", variants: [variant("MSK-T-S", "S", 15_000), variant("MSK-T-M", "M", 16_000)] });
    expect((await rig.adapter.apply([create(p)]))[0]?.status).toBe("applied");
    const [listing] = await rig.adapter.listListings();
    expect(listing?.variants?.map((v) => [v.sku, v.options])).toEqual([
      ["MSK-T-S", { Ukuran: "S" }],
      ["MSK-T-M", { Ukuran: "M" }],
    ]);
  });
});

describe("reference A3 get_item_base_info: optional and varying fields", () => {
  const base: BaseInfo = { item_id: 7, category_id: 100012, item_name: "Masker", item_status: "NORMAL", weight: "0.25" };

  it("price_info as one object (add_item's echo shape) and stock only per location", () => {
    const listing = toListing({ ...base, item_sku: "M-1", price_info: { original_price: 12_000 }, stock_info_v2: { seller_stock: [{ stock: 3 }, { stock: 4 }] } }, undefined, noRef);
    expect([listing.price, listing.stock, listing.weight]).toEqual([12_000, 7, 250]);
  });

  it("absent or null optional fields (description, image, brand, attribute_list, stock) read as empty", () => {
    const listing = toListing({ ...base, price_info: null, stock_info_v2: null }, undefined, noRef);
    expect(listing).toMatchObject({ sku: "", description: "", images: [], price: 0, stock: 0 });
    expect(listing.brand).toBeUndefined();
  });

  it("SELLER_DELETE, SHOPEE_DELETE and the older DELETED items are no listings, even when a server returns them", async () => {
    const items: BaseInfo[] = ["NORMAL", "SELLER_DELETE", "SHOPEE_DELETE", "DELETED", "UNLIST"].map((s, i) => ({ ...base, item_id: i + 1, item_sku: `S-${i}`, item_status: s }));
    const client = {
      get: async (path: string) =>
        path.endsWith("get_item_list")
          ? { error: "", response: { item: items.map((it) => ({ item_id: it.item_id, item_status: it.item_status })), has_next_page: false, next_offset: 0 } }
          : { error: "", response: { item_list: items } },
    } as unknown as ShopeeClient;
    const listings = await listAllListings(client, noRef);
    expect(listings.map((l) => [l.sku, l.status])).toEqual([
      ["S-0", "active"],
      ["S-4", "inactive"],
    ]);
  });
});
