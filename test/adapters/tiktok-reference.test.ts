// The tiktok-shop adapter against what shared/reference/tiktok-shop-api.md promises, where our
// mock used to be kinder than the reference (an independent server written from the same text
// would have broken us). Each test names the reference section it holds the adapter to.
import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Variant } from "../../src/catalog/types.js";
import { diffCatalog } from "../../src/plan/diff.js";
import type { Change, DesiredProduct } from "../../src/plan/types.js";
import { makeDesired } from "../builders.js";
import { TIKTOK_LEAF_ID, WAREHOUSE_ID, makePng, startTikTokRig, type TikTokRig } from "./tiktok-rig.js";

let rig: TikTokRig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

const variant = (sku: string, size: string, stock: number, status: Variant["status"] = "active"): Variant => ({ sku, options: { Ukuran: size }, price: 150_000, stock, weight: 300, images: [], status, line: 2 });
const shirt = (variants: Variant[]): DesiredProduct =>
  makeDesired({ sku: "KMJ", name: "Kemeja Batik Cap Lengan Pendek Motif Parang", categoryId: TIKTOK_LEAF_ID, category: TIKTOK_LEAF_ID, price: 150_000, stock: 9, variants });

describe("tiktok-shop against the reference", () => {
  it("§4.6 no per-SKU deactivate: a variant stopped with quantity 0 reads back inactive, and a rerun plans nothing (issue 15 leftover)", async () => {
    rig = await startTikTokRig();
    const adapter = await rig.adapter();
    const desired = shirt([variant("KMJ-S", "S", 4), variant("KMJ-M", "M", 5, "inactive")]);
    const [created] = await adapter.apply([{ kind: "create", sku: "KMJ", product: desired }]);
    expect(created?.status).toBe("applied");
    const sku = rig.mock.state.products[0]?.skus.find((s) => s.seller_sku === "KMJ-M");
    expect(sku?.inventory.map((i) => i.quantity)).toEqual([0]);
    expect(sku?.status).toBe("NORMAL");
    const listing = (await adapter.listListings())[0];
    expect(listing?.variants?.find((v) => v.sku === "KMJ-M")).toMatchObject({ status: "inactive", stock: 5 });
    expect(diffCatalog({ products: [desired], listings: [listing!] }).changes).toEqual([]);

    // A new run (a fresh adapter reading its .desbumi/ cache) still knows; turning it on sends the stock.
    const again = await rig.adapter();
    const on = shirt([variant("KMJ-S", "S", 4), variant("KMJ-M", "M", 5)]);
    const plan = diffCatalog({ products: [on], listings: await again.listListings() });
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]).toMatchObject({ kind: "update", variants: [{ kind: "update", sku: "KMJ-M", fields: [{ field: "status", from: "inactive", to: "active" }] }] });
    expect((await again.apply(plan.changes)).map((o) => o.status)).toEqual(["applied"]);
    expect(rig.mock.state.products[0]?.skus.find((s) => s.seller_sku === "KMJ-M")?.inventory.map((i) => i.quantity)).toEqual([5]);
    const back = await again.listListings();
    expect(back[0]?.variants?.find((v) => v.sku === "KMJ-M")).toMatchObject({ status: "active", stock: 5 });
    expect(diffCatalog({ products: [on], listings: back }).changes).toEqual([]);
  });

  it("§4.6: a variant someone restocked in Seller Center reads as active again, so the plan stops it again", async () => {
    rig = await startTikTokRig();
    const adapter = await rig.adapter();
    const desired = shirt([variant("KMJ-S", "S", 4), variant("KMJ-M", "M", 5, "inactive")]);
    await adapter.apply([{ kind: "create", sku: "KMJ", product: desired }]);
    const product = rig.mock.state.products[0]!;
    product.skus.find((s) => s.seller_sku === "KMJ-M")!.inventory[0]!.quantity = 7;
    product.update_time += 10;
    const plan = diffCatalog({ products: [desired], listings: await adapter.listListings() });
    expect(plan.changes[0]).toMatchObject({ kind: "update", variants: [{ kind: "update", sku: "KMJ-M", fields: [{ field: "stock", from: 7, to: 5 }, { field: "status", from: "active", to: "inactive" }] }] });
  });

  it("§4.3 Get Product is not for FREEZE: a frozen product is read from its search row instead of failing the read", async () => {
    rig = await startTikTokRig();
    const frozen = rig.seed({ sku: "BEKU-1", name: "Kopi Robusta Bubuk Lereng Kawi 250 gr", price: 45_000, stock: 3 });
    frozen.status = "FREEZE";
    rig.seed({ sku: "HIDUP-1", name: "Kopi Arabika Bubuk Lereng Kawi 250 gr", price: 55_000, stock: 2 });
    const adapter = await rig.adapter();
    const listings = await adapter.listListings();
    expect(listings.map((l) => [l.sku, l.status, l.review?.state])).toEqual([
      ["BEKU-1", "inactive", "banned"],
      ["HIDUP-1", "active", "live"],
    ]);
  });

  describe("§4 table / §10.11: Update Price and Update Inventory take ACTIVATE products only", () => {
    const title = "Kopi Robusta Bubuk Lereng Kawi Kemasan 250 gr";
    const single = (over: Partial<DesiredProduct> = {}) => makeDesired({ sku: "KOPI-1", name: title, categoryId: TIKTOK_LEAF_ID, category: TIKTOK_LEAF_ID, price: 45_000, stock: 8, ...over });
    const priceAndStock = (listingId: string, kind: "update" | "reactivate" = "update"): Change => ({
      kind,
      sku: "KOPI-1",
      listingId,
      fields: [
        { field: "price", from: 45_000, to: 47_500 },
        { field: "stock", from: 8, to: 3 },
      ],
      product: single({ price: 47_500, stock: 3 }),
    });

    it("a product the read saw in review gets its price and stock through a partial edit of its SKUs", async () => {
      rig = await startTikTokRig({ reviewDelayMs: 3_600_000 });
      const adapter = await rig.adapter();
      await adapter.apply([{ kind: "create", sku: "KOPI-1", product: single() }]);
      const listing = (await adapter.listListings())[0]!;
      expect(listing.review?.state).toBe("in-review");
      const skuId = rig.mock.state.products[0]!.skus[0]!.id;
      rig.mock.resetStats();
      const [outcome] = await adapter.apply([priceAndStock(listing.id)]);
      expect(outcome?.status).toBe("applied");
      const routes = rig.mock.stats().byRoute;
      expect(routes["POST /product/202309/products/{id}/prices/update"]).toBeUndefined();
      expect(routes["POST /product/202309/products/{id}/inventory/update"]).toBeUndefined();
      expect(routes["POST /product/202309/products/{id}/partial_edit"]).toBe(1);
      const skus = rig.mock.state.products[0]!.skus;
      expect(skus.map((s) => [s.id, s.seller_sku, s.price.amount, s.inventory.map((i) => i.quantity)])).toEqual([[skuId, "KOPI-1", "47500", [3]]]);
    });

    it("without a read this run, a 12052901 answer from the price endpoint falls back to the partial edit", async () => {
      rig = await startTikTokRig({ reviewDelayMs: 3_600_000 });
      const first = await rig.adapter();
      await first.apply([{ kind: "create", sku: "KOPI-1", product: single() }]);
      const skuId = rig.mock.state.products[0]!.skus[0]!.id;
      const fresh = await rig.adapter();
      const [outcome] = await fresh.apply([priceAndStock(rig.mock.state.products[0]!.id)]);
      expect(outcome?.status).toBe("applied");
      expect(rig.mock.state.products[0]!.skus.map((s) => [s.id, s.price.amount, s.inventory[0]?.quantity])).toEqual([[skuId, "47500", 3]]);
    });

    it("a deactivated product turned on again: price and stock go with the edit, then it is activated", async () => {
      rig = await startTikTokRig();
      const seeded = rig.seed({ sku: "KOPI-1", name: title, price: 45_000, stock: 8, status: "inactive" });
      const adapter = await rig.adapter();
      const listing = (await adapter.listListings())[0]!;
      expect(listing.status).toBe("inactive");
      const [outcome] = await adapter.apply([priceAndStock(listing.id, "reactivate")]);
      expect(outcome?.status).toBe("applied");
      expect(seeded.skus.map((s) => [s.price.amount, s.inventory[0]?.quantity])).toEqual([["47500", 3]]);
      expect(["PENDING", "ACTIVATE"]).toContain(seeded.status);
    });
  });

  it.each([
    [["202509"], 1],
    [["202309"], 2],
  ] as const)("§4 table / §11: partial edit is sent as 202509 first and falls back to 202309 once per run (server serves %j)", async (versions, firstCalls) => {
    rig = await startTikTokRig({ editVersions: versions });
    const a = rig.seed({ sku: "ED-1", name: "Kopi Robusta Bubuk Lereng Kawi 250 gr", price: 45_000, stock: 3 });
    const b = rig.seed({ sku: "ED-2", name: "Kopi Arabika Bubuk Lereng Kawi 250 gr", price: 55_000, stock: 3 });
    const adapter = await rig.adapter();
    await adapter.listListings();
    const rename = (sku: string, id: string, name: string): Change => ({ kind: "update", sku, listingId: id, fields: [{ field: "name", from: "", to: name }], product: makeDesired({ sku, name, categoryId: TIKTOK_LEAF_ID, category: TIKTOK_LEAF_ID }) });
    rig.mock.resetStats();
    expect((await adapter.apply([rename("ED-1", a.id, "Kopi Robusta Bubuk Asli Lereng Kawi 250 gr")])).map((o) => o.status)).toEqual(["applied"]);
    expect(rig.mock.stats().byRoute["POST /product/202309/products/{id}/partial_edit"]).toBe(firstCalls);
    expect((await adapter.apply([rename("ED-2", b.id, "Kopi Arabika Bubuk Asli Lereng Kawi 250 gr")])).map((o) => o.status)).toEqual(["applied"]);
    expect(rig.mock.stats().byRoute["POST /product/202309/products/{id}/partial_edit"]).toBe(firstCalls + 1);
    expect([a.title, b.title]).toEqual(["Kopi Robusta Bubuk Asli Lereng Kawi 250 gr", "Kopi Arabika Bubuk Asli Lereng Kawi 250 gr"]);
  });

  it("§4.2 certifications[] on an edit (issue 15 leftover): moving a product to a category that requires a certification sends its certificate", async () => {
    rig = await startTikTokRig();
    const adapter = await rig.adapter();
    const name = "Jamu Kunyit Asam Segar Racikan Ibu Desa 250 ml";
    const [created] = await adapter.apply([{ kind: "create", sku: "JMU-1", product: makeDesired({ sku: "JMU-1", name, categoryId: TIKTOK_LEAF_ID, category: TIKTOK_LEAF_ID }) }]);
    expect(created?.status).toBe("applied");
    const photo = join(rig.cwd, "izin-edar.png");
    const bytes = makePng(600, 800, 77);
    await writeFile(photo, bytes);
    const certified = makeDesired({
      sku: "JMU-1",
      name,
      categoryId: "600201",
      category: "600201",
      certificates: { pomTr: "POM TR 123456789", files: ["izin-edar.png"] },
      certificatePhotos: [{ ref: "izin-edar.png", source: "file", path: photo, sha256: createHash("sha256").update(bytes).digest("hex"), mime: "image/png", bytes: bytes.length, width: 600, height: 800 }],
    });
    const id = rig.mock.state.products[0]!.id;
    const [edited] = await adapter.apply([{ kind: "update", sku: "JMU-1", listingId: id, fields: [{ field: "category", from: TIKTOK_LEAF_ID, to: "600201" }], product: certified }]);
    expect(edited).toMatchObject({ status: "applied" });
    const product = rig.mock.state.products[0]!;
    expect(product.category_id).toBe("600201");
    expect(product.certifications).toEqual([{ id: "700201", images: [{ uri: expect.stringMatching(/^tos-/) }] }]);
    expect(rig.mock.stats().byRoute["POST /product/202309/images/upload"]).toBe(2); // the product photo and the certificate
  });

  it("§4.6 Update Inventory: a SKU stocked in two warehouses gets both listed (12019028), the other one unchanged", async () => {
    rig = await startTikTokRig();
    const seeded = rig.seed({ sku: "DUA-1", name: "Gula Aren Cetak Asli Lereng Kawi 500 gr", price: 25_000, stock: 3 });
    seeded.skus[0]!.inventory.push({ warehouse_id: "7300000000000000002", quantity: 6 });
    const adapter = await rig.adapter();
    const listing = (await adapter.listListings())[0]!;
    expect(listing.stock).toBe(3);
    const product = makeDesired({ sku: "DUA-1", name: seeded.title, categoryId: TIKTOK_LEAF_ID, category: TIKTOK_LEAF_ID, price: 25_000, stock: 5 });
    const [outcome] = await adapter.apply([{ kind: "update", sku: "DUA-1", listingId: listing.id, fields: [{ field: "stock", from: 3, to: 5 }], product }]);
    expect(outcome?.status).toBe("applied");
    expect(seeded.skus[0]!.inventory).toEqual([
      { warehouse_id: WAREHOUSE_ID, quantity: 5 },
      { warehouse_id: "7300000000000000002", quantity: 6 },
    ]);
  });

  it("§4.4 deactivate takes live products only: an inactive row is created with no sellable stock, reads inactive in review, and is deactivated after it", async () => {
    rig = await startTikTokRig({ reviewDelayMs: 3_600_000, deactivateInReview: false });
    const adapter = await rig.adapter();
    const row = makeDesired({ sku: "KOPI-9", name: "Kopi Luwak Liar Lereng Kawi Kemasan 100 gr", categoryId: TIKTOK_LEAF_ID, category: TIKTOK_LEAF_ID, price: 150_000, stock: 6, status: "inactive" });
    const [outcome] = await adapter.apply([{ kind: "create", sku: "KOPI-9", product: row }]);
    const product = rig.mock.state.products[0]!;
    expect(outcome).toMatchObject({ status: "applied", listingId: product.id });
    expect(product.status).toBe("PENDING");
    expect(product.skus[0]?.inventory.map((i) => i.quantity)).toEqual([0]);
    // in review: reads as the inactive row, so the next sync has nothing to do
    const inReview = await adapter.listListings();
    expect(inReview[0]).toMatchObject({ status: "inactive", stock: 6 });
    expect(diffCatalog({ products: [row], listings: inReview }).changes).toEqual([]);
    // approved (live, quantity 0): the sync after the review deactivates it, then nothing to do
    product.auditDueMs = 0;
    const approved = diffCatalog({ products: [row], listings: await adapter.listListings() });
    expect(approved.changes.map((c) => c.kind)).toEqual(["deactivate"]);
    expect((await adapter.apply(approved.changes)).map((o) => o.status)).toEqual(["applied"]);
    expect(product.status).toBe("SELLER_DEACTIVATED");
    expect(diffCatalog({ products: [row], listings: await adapter.listListings() }).changes).toEqual([]);
    // turned on: the row's stock is sent, then it is activated
    const on = { ...row, status: "active" as const };
    const plan = diffCatalog({ products: [on], listings: await adapter.listListings() });
    expect(plan.changes.map((c) => c.kind)).toEqual(["reactivate"]);
    expect((await adapter.apply(plan.changes)).map((o) => o.status)).toEqual(["applied"]);
    expect(product.skus[0]?.inventory.map((i) => i.quantity)).toEqual([6]);
    expect(product.status).toBe("PENDING");
  });
});
