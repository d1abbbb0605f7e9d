// The shopee adapter against answers shaped as reference A (shopee-open-platform.md) allows them,
// not only as our mock writes them: an independent server written from the same text must work too.
// Payloads below are written from the reference's field lists; the HTTP cases run through the real
// mock with some answers reshaped on the way back.
import { afterEach, describe, expect, it } from "vitest";
import type { Variant } from "../../src/catalog/types.js";
import type { ShopeeClient } from "../../src/adapters/shopee/client.js";
import { toListing, toVariants, type BaseInfo, type ModelList } from "../../src/adapters/shopee/map.js";
import { createDetails, type Channel, type Details, type ItemLimits } from "../../src/adapters/shopee/details.js";
import { addItemBody, logisticInfo } from "../../src/adapters/shopee/payload.js";
import { uploadedImage } from "../../src/adapters/shopee/photos.js";
import { listAllListings } from "../../src/adapters/shopee/read.js";
import { AdapterError } from "../../src/errors.js";
import type { Change, DesiredProduct } from "../../src/plan/types.js";
import { makeDesired } from "../builders.js";
import { DEFAULT_ITEM_LIMITS } from "../../src/mock-server/shopee/limits.js";
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

describe("reference A3 update_price / update_stock: refused rows come back in failure_list", () => {
  it("a refused price or stock row fails the change (the envelope's error is empty)", async () => {
    rig = await startShopeeRig();
    const p = product({ sku: "MSK-P", name: "Masker Kain Harga", price: 15_000, stock: 5 });
    await rig.adapter.apply([create(p)]);
    const [listing] = await rig.adapter.listListings();
    rig.server.setItemLimits({ ...DEFAULT_ITEM_LIMITS, price: { min: 100, max: 20_000 }, stock: { min: 0, max: 10 } });
    const edited = { ...p, price: 30_000, stock: 50 };
    const outcomes = await rig.adapter.apply([
      { kind: "update", sku: p.sku, listingId: listing?.id ?? "", fields: [{ field: "price", from: 15_000, to: 30_000 }], product: edited },
      { kind: "update", sku: p.sku, listingId: listing?.id ?? "", fields: [{ field: "stock", from: 5, to: 50 }], product: edited },
    ]);
    expect(outcomes.map((o) => [o.status, o.status === "failed" ? o.error.code : ""])).toEqual([
      ["failed", "error_update_price"],
      ["failed", "error_update_stock"],
    ]);
    expect([rig.server.items()[0]?.price, rig.server.items()[0]?.stock]).toEqual([15_000, 5]);
  });
});

/** Answers the first call to `path` with `first` (a Response), then passes everything through. */
const firstAnswer =
  (path: string, first: () => Response): ((real: typeof fetch) => typeof fetch) =>
  (real) => {
    let isUsed = false;
    return async (input, init) => {
      const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
      if (!isUsed && url.pathname === `/api/v2/${path}`) {
        isUsed = true;
        return first();
      }
      return real(input, init);
    };
  };
const json = (body: unknown, status = 200): Response => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

describe("reference A4 upload_image: sign type and answer shape", () => {
  it("a server that takes upload_image only Public-signed (as its doc page labels it) gets the photo", async () => {
    rig = await startShopeeRig({ server: { uploadSign: "public" } });
    const outcomes = await rig.adapter.apply([create(product({ sku: "F-PUB", name: "Foto Publik", images: ["https://img.example.test/pub.jpg"] }))]);
    expect(outcomes[0]?.status).toBe("applied");
    expect(rig.server.images()).toHaveLength(1);
    expect(rig.server.items()[0]?.imageIds).toEqual([rig.server.images()[0]?.imageId]);
  });

  it("a server that takes upload_image only Shop-signed gets it on the first try", async () => {
    rig = await startShopeeRig({ server: { uploadSign: "shop" } });
    await rig.adapter.apply([create(product({ sku: "F-SHOP", name: "Foto Toko", images: ["https://img.example.test/shop.jpg"] }))]);
    expect(rig.server.stats().byPath["media_space/upload_image"]).toBe(1);
    expect(rig.server.images()).toHaveLength(1);
  });

  it("reads the image from image_info_list when image_info is absent", async () => {
    rig = await startShopeeRig({
      apiFetch: reshapeAnswers({
        "media_space/upload_image": (body) => {
          const { image_info: _one, ...rest } = body.response as Record<string, unknown>;
          return { ...body, response: rest };
        },
      }),
    });
    expect((await rig.adapter.apply([create(product({ sku: "F-LIST", name: "Foto Daftar", images: ["https://img.example.test/list.jpg"] }))]))[0]?.status).toBe("applied");
    expect(rig.server.items()[0]?.imageIds).toEqual([rig.server.images()[0]?.imageId]);
  });

  it("a per-file error in image_info_list is the upload's error", () => {
    expect(() => uploadedImage({ image_info_list: [{ id: 0, error: "error_image_size", message: "Image is too large." }] })).toThrow(expect.objectContaining({ error: "error_image_size" }));
  });
});

describe("reference A2 envelope and errors: tolerant reading", () => {
  it("an error name with a module prefix (prodct.error_..., PYS #43) is compared without it: error_system_busy is retried", async () => {
    rig = await startShopeeRig({ apiFetch: firstAnswer("product/get_item_list", () => json({ request_id: "r1", error: "product.error_system_busy", message: "System is busy." })), seedItems: [{ sku: "B-1", name: "Barang Satu", price: 10_000, stock: 1 }] });
    expect((await rig.adapter.listListings()).map((l) => l.sku)).toEqual(["B-1"]);
  });

  it("a 429 without a JSON body is throttling: paused and retried", async () => {
    rig = await startShopeeRig({ apiFetch: firstAnswer("product/get_item_list", () => new Response("Too Many Requests", { status: 429 })), seedItems: [{ sku: "B-2", name: "Barang Dua", price: 10_000, stock: 1 }] });
    expect((await rig.adapter.listListings()).map((l) => l.sku)).toEqual(["B-2"]);
    expect(rig.adapter.stats?.().rateLimited).toBe(1);
  });

  it("error_auth without the words access_token in its message still gets one token refresh (as the SDKs do)", async () => {
    rig = await startShopeeRig({ apiFetch: firstAnswer("product/get_item_list", () => json({ request_id: "r2", error: "error_auth", message: "" }, 403)) });
    expect(await rig.adapter.listListings()).toEqual([]);
    expect(rig.adapter.tokenRefreshes()).toBe(1);
  });
});

describe("reference A1 token answers: flat, with expire_in as seconds", () => {
  it("a refresh answer wrapped in `response`, with expire_in as a string, still gives the new pair", async () => {
    rig = await startShopeeRig({
      apiFetch: reshapeAnswers({
        "auth/access_token/get": (body) => {
          const { request_id, error, message, ...rest } = body;
          return { request_id, error, message, response: { ...rest, expire_in: String(rest.expire_in) } };
        },
      }),
    });
    rig.server.expireAccessTokens();
    expect(await rig.adapter.listListings()).toEqual([]);
    expect(rig.adapter.tokenRefreshes()).toBe(1);
    expect(rig.server.tokenCounts().refreshes).toBe(1);
  });
});

describe("reference A3 logistics: what each fee_type needs on add_item", () => {
  it("SIZE_SELECTION gets its first size_id, SIZE_INPUT the package dimension, CUSTOM_PRICE is left out", async () => {
    rig = await startShopeeRig({ adapter: { packageDimensionCm: { length: 30, width: 20, height: 8 } } });
    expect((await rig.adapter.apply([create(product({ sku: "L-1", name: "Masker Kirim" }))]))[0]?.status).toBe("applied");
    const [item] = rig.server.items();
    expect(item?.logistics).toEqual([
      { logistic_id: 8003, enabled: true },
      { logistic_id: 8005, enabled: true },
      { logistic_id: 8007, enabled: true, size_id: "KD-S" },
    ]);
    expect(item?.dimension).toEqual({ package_length: 30, package_width: 20, package_height: 8 });
  });

  const details = (channels: Channel[], limits: ItemLimits = {}): Details => ({
    channels: async () => channels,
    limits: async () => limits,
    attributes: async () => [],
    brandId: async () => undefined,
  });
  const cm = { length: 10, width: 10, height: 10 };

  it("no dimension when no channel prices by size; a dimension when get_item_limit says dimension_mandatory", async () => {
    const fixed: Channel[] = [{ id: 1, name: "Tetap", feeType: "FIXED_DEFAULT_PRICE", sizeIds: [] }];
    expect(await addItemBody(product({}), ["img"], details(fixed), undefined, cm)).not.toHaveProperty("dimension");
    expect(await addItemBody(product({}), ["img"], details(fixed, { isDimensionMandatory: true }), undefined, cm)).toMatchObject({ dimension: { package_length: 10, package_width: 10, package_height: 10 } });
  });

  it("only channels desbumi cannot fill (CUSTOM_PRICE, SIZE_SELECTION without sizes) is error_invalid_logistic_info, named", async () => {
    const none: Channel[] = [
      { id: 2, name: "Kurir Sendiri", feeType: "CUSTOM_PRICE", sizeIds: [] },
      { id: 3, name: "Kargo", feeType: "SIZE_SELECTION", sizeIds: [] },
    ];
    await expect(logisticInfo(details(none), undefined)).rejects.toMatchObject({ error: "error_invalid_logistic_info", message: expect.stringContaining("Kurir Sendiri, Kargo") });
  });
});

describe("reference A3 get_attribute_tree: parameter spelling and answer", () => {
  it("sends category_id_list and the doc sample's category_ids; reads a string category_id and is_mandatory", async () => {
    const queries: [string, string][][] = [];
    const client = {
      get: async (_path: string, query: [string, string][]) => {
        queries.push(query);
        return { error: "", response: { list: [{ category_id: "100014", attribute_tree: [{ attribute_id: 5, name: "Bahan", is_mandatory: true, attribute_value_list: null, attribute_info: { input_type: 2 } }] }] } };
      },
    } as unknown as ShopeeClient;
    const tree = await createDetails(client).attributes(100014);
    expect(queries[0]).toEqual(expect.arrayContaining([["category_id_list", "100014"], ["category_ids", "100014"]]));
    expect(tree).toEqual([{ id: 5, name: "Bahan", mandatory: true, inputType: 2, values: [] }]);
  });
});

describe("reference A3 variants: wait ~5 s after add_item before defining variants", () => {
  it("an init_tier_variation refused right after add_item is sent once more when the 5 s are up", async () => {
    rig = await startShopeeRig({ server: { variationSettleSeconds: 2 } });
    const p = product({ sku: "MSK-5S", name: "Masker Kain Tunggu", variants: [variant("MSK-5S-S", "S", 15_000), variant("MSK-5S-M", "M", 16_000)] });
    expect((await rig.adapter.apply([create(p)]))[0]?.status).toBe("applied");
    expect(rig.server.stats().byPath["product/init_tier_variation"]).toBe(2);
    expect(rig.server.items()[0]?.models.map((m) => m.sku)).toEqual(["MSK-5S-S", "MSK-5S-M"]);
  }, 15_000);
});

describe("reference A3 get_item_list: the offset ceiling and the update_time range", () => {
  it("a server that refuses offsets past its ceiling is listed in update_time windows: every item once", async () => {
    const seedItems = Array.from({ length: 250 }, (_, i) => ({ sku: `W-${String(i).padStart(3, "0")}`, name: `Barang ${i}`, price: 10_000, stock: 1 }));
    rig = await startShopeeRig({ server: { itemListOffsetCap: 100 }, seedItems });
    const skus = (await rig.adapter.listListings()).map((l) => l.sku);
    expect(skus).toHaveLength(250);
    expect(new Set(skus).size).toBe(250);
  });

  it("a lost add_item is still looked up when the server refuses an update_time_to in the future", async () => {
    const strictRange =
      (real: typeof fetch): typeof fetch =>
      async (input, init) => {
        const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
        const to = Number(url.searchParams.get("update_time_to") ?? 0);
        if (url.pathname.endsWith("/get_item_list") && to > Math.floor(Date.now() / 1000)) return json({ request_id: "r", error: "error_update_time_range", message: "update_time_to should not be in the future." });
        return real(input, init);
      };
    rig = await startShopeeRig({ apiFetch: strictRange });
    rig.server.scheduleFault("product/add_item", "drop");
    const outcomes = await rig.adapter.apply([create(product({ sku: "L-R", name: "Kopi Rentang" }))]);
    expect(outcomes[0]).toMatchObject({ status: "applied", listingId: String(rig.server.items()[0]?.itemId) });
    expect(rig.server.items().map((i) => i.sku)).toEqual(["L-R"]);
  });
});

describe("reference A2 common errors about the shop or the app stop the run, not one item", () => {
  it.each([
    ["shop_access_expired", "auth", /desbumi connect shopee/],
    ["shop_banned", "rejected", /shop_banned/],
  ])("%s on add_item is one run-stopping AdapterError", async (code, kind, wording) => {
    rig = await startShopeeRig({ apiFetch: firstAnswer("product/add_item", () => json({ request_id: "r", error: code, message: "" }, 403)) });
    const error = await rig.adapter.apply([create(product({ sku: "S-1", name: "Barang Toko" }))]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdapterError);
    expect(error).toMatchObject({ kind, code });
    expect((error as AdapterError).text.en).toMatch(wording);
  });
});

describe("reference A3 ids as strings", () => {
  it("add_item's item_id and unlist_item's failure_list item_id read as numbers", async () => {
    rig = await startShopeeRig({
      apiFetch: reshapeAnswers({
        "product/add_item": (body) => ({ ...body, response: { ...(body.response as object), item_id: String((body.response as { item_id: number }).item_id) } }),
        "product/unlist_item": (body) => {
          const r = body.response as { success_list: { item_id: number }[] };
          return { ...body, warning: "failed rows", response: { success_list: [], failure_list: r.success_list.map((s) => ({ item_id: String(s.item_id), failed_reason: "Item is in a promotion." })) } };
        },
      }),
    });
    const p = product({ sku: "STR-1", name: "Barang String" });
    const [created] = await rig.adapter.apply([create(p)]);
    expect(created).toMatchObject({ status: "applied", listingId: String(rig.server.items()[0]?.itemId) });
    const [off] = await rig.adapter.apply([{ kind: "deactivate", sku: p.sku, listingId: String(rig.server.items()[0]?.itemId), reason: "catalog-inactive", fields: [] }]);
    expect(off).toMatchObject({ status: "failed", error: { message: "Item is in a promotion." } });
  });
});
