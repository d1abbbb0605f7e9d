// The shopee adapter beyond the contract (issue 16): variants as tiers and models, one update_price
// for a one-variant price edit, photos uploaded once per content, lost add_item and
// init_tier_variation looked up instead of duplicated, REVIEWING/BANNED left alone, the daily
// error_limit stop, throttling, a refused token refreshed, a lapsed authorization, plan-time checks.
import { afterEach, describe, expect, it } from "vitest";
import type { Variant } from "../../src/catalog/types.js";
import { AdapterError } from "../../src/errors.js";
import type { Change, DesiredProduct } from "../../src/plan/types.js";
import { makeDesired } from "../builders.js";
import { SHOPEE_LEAF_ID, startShopeeRig, type ShopeeRig } from "./shopee-rig.js";

let rig: ShopeeRig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

const variant = (sku: string, size: string, price: number, stock = 5): Variant => ({ sku, options: { Ukuran: size }, price, stock, weight: 250, images: [], status: "active", line: 2 });
const product = (over: Partial<DesiredProduct>): DesiredProduct => makeDesired({ categoryId: SHOPEE_LEAF_ID, category: SHOPEE_LEAF_ID, ...over });
const create = (p: DesiredProduct): Change => ({ kind: "create", sku: p.sku, product: p });

describe("shopee adapter: variants and photos", () => {
  it("creates tiers and models, lists them as variants; a one-variant price edit is one update_price", async () => {
    rig = await startShopeeRig();
    const p = product({ sku: "MSK-V", name: "Masker Kain Motif", variants: [variant("MSK-V-S", "S", 15_000), variant("MSK-V-M", "M", 16_000), variant("MSK-V-L", "L", 17_000)] });
    expect((await rig.adapter.apply([create(p)]))[0]?.status).toBe("applied");
    const [listing] = await rig.adapter.listListings();
    expect(listing?.variants?.map((v) => [v.sku, v.options, v.price, v.stock])).toEqual([
      ["MSK-V-S", { Ukuran: "S" }, 15_000, 5],
      ["MSK-V-M", { Ukuran: "M" }, 16_000, 5],
      ["MSK-V-L", { Ukuran: "L" }, 17_000, 5],
    ]);
    const m = listing?.variants?.[1];
    rig.server.resetStats();
    const edited = { ...p, variants: [variant("MSK-V-S", "S", 15_000), variant("MSK-V-M", "M", 18_500), variant("MSK-V-L", "L", 17_000)] };
    const outcomes = await rig.adapter.apply([
      { kind: "update", sku: p.sku, listingId: listing?.id ?? "", fields: [], product: edited, variants: [{ kind: "update", sku: "MSK-V-M", variantId: m?.id ?? "", fields: [{ field: "price", from: 16_000, to: 18_500 }] }] },
    ]);
    expect(outcomes[0]?.status).toBe("applied");
    expect(rig.server.stats().byPath).toEqual({ "product/update_price": 1 });
    expect(rig.server.items()[0]?.models.map((x) => x.price)).toEqual([15_000, 18_500, 17_000]);
  });

  it("a variant field Shopee cannot write (availability) is a failed outcome after its price is written, not a silent success", async () => {
    rig = await startShopeeRig();
    const p = product({ sku: "MSK-W", name: "Masker Kain Warna", variants: [variant("MSK-W-S", "S", 15_000), variant("MSK-W-M", "M", 16_000)] });
    await rig.adapter.apply([create(p)]);
    const [listing] = await rig.adapter.listListings();
    const s = listing?.variants?.[0];
    rig.server.resetStats();
    const edited = { ...p, variants: [{ ...variant("MSK-W-S", "S", 14_000), status: "inactive" as const }, variant("MSK-W-M", "M", 16_000)] };
    const [outcome] = await rig.adapter.apply([
      {
        kind: "update",
        sku: p.sku,
        listingId: listing?.id ?? "",
        fields: [],
        product: edited,
        variants: [{ kind: "update", sku: "MSK-W-S", variantId: s?.id ?? "", fields: [{ field: "price", from: 15_000, to: 14_000 }, { field: "status", from: "active", to: "inactive" }] }],
      },
    ]);
    expect(outcome).toMatchObject({ status: "failed", listingId: listing?.id, error: { code: "SHOPEE_VARIANT_FIELD_UNSUPPORTED", retryable: false, message: expect.stringContaining("MSK-W-S status") } });
    expect(rig.server.stats().byPath).toEqual({ "product/update_price": 1 });
    expect(rig.server.items()[0]?.models.map((x) => x.price)).toEqual([14_000, 16_000]);
  });

  it("uploads a photo once per content, also across runs", async () => {
    rig = await startShopeeRig();
    const shared = "https://img.example.test/same.jpg";
    await rig.adapter.apply([create(product({ sku: "P-1", name: "Jamu Satu", images: [shared] })), create(product({ sku: "P-2", name: "Jamu Dua", images: [shared] }))]);
    expect(rig.server.stats().byPath["media_space/upload_image"]).toBe(1);
    const again = await rig.reopen();
    await again.apply([create(product({ sku: "P-3", name: "Jamu Tiga", images: [shared] }))]);
    expect(rig.server.stats().byPath["media_space/upload_image"]).toBe(1);
    expect((await again.listListings()).map((l) => l.images)).toEqual([[shared], [shared], [shared]]);
  });
});

describe("shopee adapter: lost writes", () => {
  it("a lost add_item is found by SKU, not sent twice", async () => {
    rig = await startShopeeRig();
    rig.server.scheduleFault("product/add_item", "drop");
    const outcomes = await rig.adapter.apply([create(product({ sku: "L-1", name: "Kopi Lost" }))]);
    expect(outcomes[0]).toMatchObject({ status: "applied", listingId: String(rig.server.items()[0]?.itemId) });
    expect(rig.server.items().map((i) => i.sku)).toEqual(["L-1"]);
    expect(rig.server.stats().byPath["product/add_item"]).toBe(1);
  });

  it("a lost add_item that never arrived is sent again once", async () => {
    rig = await startShopeeRig();
    rig.server.scheduleFault("product/add_item", "reset");
    const outcomes = await rig.adapter.apply([create(product({ sku: "L-2", name: "Kopi Reset" }))]);
    expect(outcomes[0]?.status).toBe("applied");
    expect(rig.server.items().map((i) => i.sku)).toEqual(["L-2"]);
    expect(rig.server.stats().byPath["product/add_item"]).toBe(2);
  });

  it("a lost init_tier_variation is checked through get_model_list", async () => {
    rig = await startShopeeRig();
    rig.server.scheduleFault("product/init_tier_variation", "drop");
    const p = product({ sku: "T-1", name: "Batik Tier", variants: [variant("T-1-A", "A", 10_000), variant("T-1-B", "B", 11_000)] });
    expect((await rig.adapter.apply([create(p)]))[0]?.status).toBe("applied");
    expect(rig.server.items()[0]?.models.map((m) => m.sku)).toEqual(["T-1-A", "T-1-B"]);
    expect(rig.server.stats().byPath["product/init_tier_variation"]).toBe(1);
  });
});

describe("shopee adapter: review, limits, tokens", () => {
  it("REVIEWING and BANNED items are reported and not written to", async () => {
    rig = await startShopeeRig({ seed: [{ sku: "R-1", name: "Madu Review", price: 50_000, stock: 3 }, { sku: "B-1", name: "Madu Banned", price: 50_000, stock: 3 }] });
    const [r, b] = rig.server.items();
    rig.server.setItemStatus(r?.itemId ?? 0, "REVIEWING");
    rig.server.setItemStatus(b?.itemId ?? 0, "BANNED");
    const listings = await rig.adapter.listListings();
    expect(listings.map((l) => [l.sku, l.status, l.review?.state])).toEqual([
      ["R-1", "active", "in-review"],
      ["B-1", "inactive", "banned"],
    ]);
    rig.server.resetStats();
    const outcomes = await rig.adapter.apply([
      { kind: "update", sku: "R-1", listingId: String(r?.itemId), fields: [{ field: "price", from: 50_000, to: 1 }], product: product({ sku: "R-1", price: 1 }) },
      { kind: "reactivate", sku: "B-1", listingId: String(b?.itemId), fields: [], product: product({ sku: "B-1" }) },
    ]);
    expect(outcomes.map((o) => (o.status === "failed" ? o.error.code : o.status))).toEqual(["SHOPEE_ITEM_REVIEWING", "SHOPEE_ITEM_BANNED"]);
    expect(rig.server.stats().requests).toBe(0);
  });

  it("error_limit stops the run for the day; nothing after it is sent", async () => {
    rig = await startShopeeRig({ server: { rateLimit: 1000, dailyLimit: 12 } });
    const changes = Array.from({ length: 8 }, (_, i) => create(product({ sku: `D-${i}`, name: `Dodol ${i}` })));
    const outcomes = await rig.adapter.apply(changes);
    const stopped = outcomes.filter((o) => o.status === "failed" && o.error.code === "error_limit");
    expect(stopped.length).toBeGreaterThan(0);
    for (const o of stopped) if (o.status === "failed") expect(o.error, JSON.stringify(o.error)).toMatchObject({ retryable: true, message: expect.stringMatching(/daily API limit.*23:00 WIB/) });
    const applied = outcomes.filter((o) => o.status === "applied").map((o) => o.sku);
    expect(rig.server.items().map((i) => i.sku).sort()).toEqual(applied.sort());
  });

  it("throttling (error_rate_limit) is waited out, nothing is lost", async () => {
    rig = await startShopeeRig({ server: { rateLimit: 4 } });
    const outcomes = await rig.adapter.apply(Array.from({ length: 6 }, (_, i) => create(product({ sku: `Q-${i}`, name: `Kerupuk ${i}` }))));
    expect(outcomes.every((o) => o.status === "applied")).toBe(true);
    expect(rig.adapter.stats?.().rateLimited).toBeGreaterThan(0);
    expect(rig.server.items()).toHaveLength(6);
  });

  it("a refused access token is refreshed once and the call goes on", async () => {
    rig = await startShopeeRig();
    rig.server.expireAccessTokens();
    expect(await rig.adapter.listListings()).toEqual([]);
    expect(rig.adapter.tokenRefreshes()).toBe(1);
    expect(rig.server.tokenCounts().refreshes).toBe(1);
  });

  it("a cancelled authorization is one plain message: run desbumi connect shopee again", async () => {
    rig = await startShopeeRig();
    rig.server.revoke();
    const error = await rig.adapter.listListings().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdapterError);
    expect((error as AdapterError).text.en).toMatch(/Run `desbumi connect shopee` again/);
    expect((error as AdapterError).text.id).toMatch(/Jalankan lagi `desbumi connect shopee`/);
  });

  it("plan-time checks: a missing mandatory attribute and a name below the category's limit", async () => {
    rig = await startShopeeRig();
    const problems = await rig.adapter.checkProducts?.([
      product({ sku: "K-1", name: "Keripik Tempe", categoryId: "100003" }),
      product({ sku: "K-2", name: "Keripik Singkong", categoryId: "100003", attributes: { "masa penyimpanan": "3 Bulan" } }),
      product({ sku: "B-1", name: "Kain Batik", categoryId: "100014", attributes: { Bahan: "Katun", "Teknik Batik": "Printing" } }),
    ], { file: "katalog.csv", columns: { name: { header: "Nama Produk" } } });
    expect(problems?.map((p) => [p.args?.sku, p.code, p.file, p.line, p.column])).toEqual([
      ["K-1", "ATTRIBUTE_MISSING", "katalog.csv", 2, "Masa Penyimpanan"],
      ["B-1", "CATEGORY_LIMIT", "katalog.csv", 2, "Nama Produk"],
      ["B-1", "ATTRIBUTE_VALUE_INVALID", "katalog.csv", 2, "Teknik Batik"],
    ]);
    expect(rig.server.stats().writes).toBe(0);
  });
});

describe("shopee adapter: a read that fails for good", () => {
  it("the daily limit during the listing stops the run with the plain message (no crash)", async () => {
    rig = await startShopeeRig({ server: { rateLimit: 1000, dailyLimit: 0 } });
    const error = await rig.adapter.listListings().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdapterError);
    expect((error as AdapterError).text.en).toMatch(/daily API limit/);
  });
});
