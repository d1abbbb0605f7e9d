// tiktok-shop write paths beyond the contract (issue 15 item 3): a lost create is looked up by SKU
// instead of created twice, the daily listing limit stops creating with a clear retryable failure,
// stock 0 ends with no sellable quantity, photos are uploaded once per content, pages of 100.
import { afterEach, describe, expect, it } from "vitest";
import type { Change } from "../../src/plan/types.js";
import { makeDesired } from "../builders.js";
import { TIKTOK_LEAF_ID, startTikTokRig, type TikTokRig } from "./tiktok-rig.js";

let rig: TikTokRig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

const create = (sku: string, over: Parameters<typeof makeDesired>[0] = {}): Change => ({
  kind: "create",
  sku,
  product: makeDesired({ sku, name: `Keripik Tempe Sagu Desa Lipursari ${sku}`, categoryId: TIKTOK_LEAF_ID, category: TIKTOK_LEAF_ID, ...over }),
});

describe("tiktok-shop writes", () => {
  it("a create whose answer is lost is found by its SKU, not created again", async () => {
    let dropped = 0;
    rig = await startTikTokRig({ onRequest: ({ route }) => (route === "POST /product/202309/products" && dropped++ === 0 ? "commit-then-drop" : undefined) }, { maxRetries: 0 });
    const adapter = await rig.adapter();
    const [outcome] = await adapter.apply([create("LOST-1")]);
    expect(outcome).toMatchObject({ status: "applied", sku: "LOST-1" });
    expect(rig.mock.state.products).toHaveLength(1);
    if (outcome?.status === "applied") expect(outcome.listingId).toBe(rig.mock.state.products[0]?.id);
    expect(rig.mock.stats().byRoute["POST /product/202502/products/search"]).toBe(1);
  });

  it("the daily listing limit stops creating for the run, retryable, with a plain message", async () => {
    rig = await startTikTokRig({ dailyListingLimit: 2 }, { concurrency: 1 });
    const adapter = await rig.adapter();
    const outcomes = await adapter.apply(["Q-1", "Q-2", "Q-3", "Q-4"].map((s) => create(s)));
    expect(outcomes.map((o) => o.status)).toEqual(["applied", "applied", "failed", "failed"]);
    const failed = outcomes[3];
    if (failed?.status === "failed") {
      expect(failed.error).toMatchObject({ code: "12052093", retryable: true });
      expect(failed.error.message).toMatch(/daily listing limit.*next run/);
    }
    expect(rig.mock.stats().byRoute["POST /product/202309/products"]).toBe(3);
  });

  it("stock 0 is never sellable: quantity 0 on create and on a stock update", async () => {
    rig = await startTikTokRig();
    const adapter = await rig.adapter();
    const [created] = await adapter.apply([create("ZERO-1", { stock: 0 }), create("ZERO-2", { stock: 4 })]);
    expect(created?.status).toBe("applied");
    const listings = new Map((await adapter.listListings()).map((l) => [l.sku, l]));
    expect(listings.get("ZERO-1")?.stock).toBe(0);
    const two = listings.get("ZERO-2");
    await adapter.apply([{ kind: "update", sku: "ZERO-2", listingId: two?.id ?? "", fields: [{ field: "stock", from: 4, to: 0 }], product: makeDesired({ sku: "ZERO-2", stock: 0, categoryId: TIKTOK_LEAF_ID }) }]);
    const quantities = rig.mock.state.products.map((p) => p.skus[0]?.inventory.map((i) => i.quantity));
    expect(quantities).toEqual([[0], [0]]);
  });

  it("the same photo content is uploaded once for several products; the cache survives a new run", async () => {
    rig = await startTikTokRig();
    const same = "https://img.example.test/same.jpg";
    const adapter = await rig.adapter();
    await adapter.apply([create("P-1", { images: [same] }), create("P-2", { images: [same] })]);
    await adapter.close();
    const again = await rig.adapter();
    await again.apply([create("P-3", { images: [same] })]);
    expect(rig.mock.stats().byRoute["POST /product/202309/images/upload"]).toBe(1);
    expect(new Set(rig.mock.state.products.map((p) => p.main_images[0]?.uri)).size).toBe(1);
  });

  it("reads every page of 100 to the last, and skips Get Product for products it already knows", async () => {
    rig = await startTikTokRig();
    for (let i = 0; i < 230; i++) rig.seed({ sku: `PG-${i}`, name: `Kopi Bubuk Desa Nomor ${i}`, price: 10_000, stock: 1 });
    rig.seed({ name: "Produk buatan tangan tanpa SKU", price: 10_000, stock: 1 });
    const adapter = await rig.adapter();
    const listings = await adapter.listListings();
    expect(listings).toHaveLength(231);
    expect(listings.filter((l) => l.sku === "")).toHaveLength(1);
    expect(rig.mock.stats().byRoute["POST /product/202502/products/search"]).toBe(3);
    rig.mock.resetStats();
    await (await rig.adapter()).listListings();
    expect(rig.mock.stats().byRoute).toEqual({ "GET /logistics/202309/warehouses": 1, "POST /product/202502/products/search": 3 });
  });
});

describe("tiktok-shop variants (issue 15 item 2)", () => {
  const variant = (sku: string, options: Record<string, string>, price: number, stock: number) => ({ sku, options, price, stock, weight: 300, images: [], status: "active" as const, line: 2 });
  // 3 option types (the ID market's maximum), 2 x 2 x 1 = 4 SKUs.
  const VARIANTS = [
    variant("KMJ-S-MR", { Ukuran: "S", Warna: "Merah", Lengan: "Pendek" }, 150_000, 4),
    variant("KMJ-S-BR", { Ukuran: "S", Warna: "Biru", Lengan: "Pendek" }, 150_000, 4),
    variant("KMJ-M-MR", { Ukuran: "M", Warna: "Merah", Lengan: "Pendek" }, 155_000, 2),
    variant("KMJ-M-BR", { Ukuran: "M", Warna: "Biru", Lengan: "Pendek" }, 155_000, 0),
  ];
  const shirt = (variants = VARIANTS) =>
    makeDesired({ sku: "KMJ", name: "Kemeja Batik Cap Lengan Pendek Motif Parang", categoryId: TIKTOK_LEAF_ID, category: TIKTOK_LEAF_ID, price: variants[0]!.price, stock: 10, variants });
  const writes = (r: TikTokRig, route: string): number => r.mock.stats().byRoute[route] ?? 0;

  it("a create sends every SKU with its sales attributes; stock 0 is quantity 0; the listing reads back with options by name", async () => {
    rig = await startTikTokRig();
    const adapter = await rig.adapter();
    const [outcome] = await adapter.apply([{ kind: "create", sku: "KMJ", product: shirt() }]);
    expect(outcome?.status).toBe("applied");
    const skus = rig.mock.state.products[0]!.skus;
    expect(skus.map((s) => [s.seller_sku, s.sales_attributes.map((a) => `${a.name}=${a.value_name}`).join(","), s.price.amount, s.inventory[0]?.quantity])).toEqual([
      ["KMJ-S-MR", "Ukuran=S,Warna=Merah,Lengan=Pendek", "150000", 4],
      ["KMJ-S-BR", "Ukuran=S,Warna=Biru,Lengan=Pendek", "150000", 4],
      ["KMJ-M-MR", "Ukuran=M,Warna=Merah,Lengan=Pendek", "155000", 2],
      ["KMJ-M-BR", "Ukuran=M,Warna=Biru,Lengan=Pendek", "155000", 0],
    ]);
    const [listing] = await adapter.listListings();
    expect(listing?.variants?.find((v) => v.sku === "KMJ-M-BR")).toMatchObject({ options: { Ukuran: "M", Warna: "Biru", Lengan: "Pendek" }, price: 155_000, stock: 0 });
  });

  it("price only of one SKU = one price request; stock only = one inventory request; neither re-sends the product", async () => {
    rig = await startTikTokRig();
    const adapter = await rig.adapter();
    await adapter.apply([{ kind: "create", sku: "KMJ", product: shirt() }]);
    const [listing] = await adapter.listListings();
    const id = (sku: string): string => listing!.variants!.find((v) => v.sku === sku)!.id;
    rig.mock.resetStats();
    const priced = shirt([VARIANTS[0]!, { ...VARIANTS[1]!, price: 149_000 }, VARIANTS[2]!, VARIANTS[3]!]);
    const price: Change = { kind: "update", sku: "KMJ", listingId: listing!.id, fields: [], product: priced, variants: [{ kind: "update", sku: "KMJ-S-BR", variantId: id("KMJ-S-BR"), fields: [{ field: "price", from: 150_000, to: 149_000 }] }] };
    expect((await adapter.apply([price]))[0]?.status).toBe("applied");
    expect(writes(rig, "POST /product/202309/products/{id}/prices/update")).toBe(1);
    const stocked = shirt([VARIANTS[0]!, { ...VARIANTS[1]!, price: 149_000 }, { ...VARIANTS[2]!, stock: 0 }, VARIANTS[3]!]);
    const stock: Change = { kind: "update", sku: "KMJ", listingId: listing!.id, fields: [], product: stocked, variants: [{ kind: "update", sku: "KMJ-M-MR", variantId: id("KMJ-M-MR"), fields: [{ field: "stock", from: 2, to: 0 }] }] };
    expect((await adapter.apply([stock]))[0]?.status).toBe("applied");
    expect(writes(rig, "POST /product/202309/products/{id}/inventory/update")).toBe(1);
    expect(writes(rig, "POST /product/202309/products/{id}/partial_edit")).toBe(0);
    const skus = rig.mock.state.products[0]!.skus;
    expect(skus.find((s) => s.seller_sku === "KMJ-S-BR")?.price.amount).toBe("149000");
    expect(skus.find((s) => s.seller_sku === "KMJ-M-MR")?.inventory[0]?.quantity).toBe(0);
    // The other SKUs kept their ids (no SKU was replaced).
    expect(skus.map((s) => s.id).sort()).toEqual(listing!.variants!.map((v) => v.id).sort());
  });
});
