// The contract every marketplace adapter passes (unstorage's testDriver idea): list, create,
// update (price-only, stock-only, other fields), deactivate, reactivate, a failing item becomes a
// failed outcome, abort leaves unsent changes skipped, close.
import { afterEach, describe, expect, it } from "vitest";
import type { MarketplaceAdapter } from "../../src/adapters/types.js";
import type { Variant } from "../../src/catalog/types.js";
import { diffCatalog } from "../../src/plan/diff.js";
import type { Change, ChangeOutcome, DesiredProduct, Listing } from "../../src/plan/types.js";
import { makeDesired } from "../builders.js";

/** A listing to put in the shop before the test, directly (not through the adapter). */
export interface SeedListing {
  sku: string;
  name: string;
  price: number;
  stock: number;
  status?: "active" | "inactive";
}

export interface AdapterHarness {
  adapter: MarketplaceAdapter;
  /** A leaf category id this marketplace accepts. */
  categoryId: string;
  /** Stop whatever the harness started (the adapter is closed by the suite). */
  teardown?(): Promise<void>;
}

/** Builds a fresh, isolated shop holding `seed` (so every test starts from a reset shop). */
export type HarnessSetup = (seed: readonly SeedListing[]) => Promise<AdapterHarness>;

export function testAdapter(name: string, setup: HarnessSetup): void {
  describe(`adapter contract: ${name}`, () => {
    let harness: AdapterHarness | undefined;
    let closed = false;

    const open = async (seed: readonly SeedListing[] = []): Promise<AdapterHarness> => {
      harness = await setup(seed);
      closed = false;
      return harness;
    };
    const product = (h: AdapterHarness, overrides: Partial<DesiredProduct>): DesiredProduct =>
      makeDesired({ categoryId: h.categoryId, category: h.categoryId, ...overrides });
    const bySku = (listings: readonly Listing[]): Map<string, Listing> => new Map(listings.map((l) => [l.sku, l]));

    afterEach(async () => {
      if (harness && !closed) await harness.adapter.close();
      await harness?.teardown?.();
      harness = undefined;
    });

    it("lists the shop's listings with ids, fields and status", async () => {
      const { adapter } = await open([
        { sku: "L-1", name: "Jamu Kunyit Asam", price: 15_000, stock: 20 },
        { sku: "L-2", name: "Kopi Bubuk Robusta", price: 30_000, stock: 5, status: "inactive" },
        { sku: "L-3", name: "Teh Tubruk", price: 8_000, stock: 1 },
      ]);
      expect(adapter.capabilities.canList).toBe(true);
      const listings = bySku(await adapter.listListings());
      expect([...listings.keys()].sort()).toEqual(["L-1", "L-2", "L-3"]);
      expect(listings.get("L-1")).toMatchObject({ name: "Jamu Kunyit Asam", price: 15_000, stock: 20, status: "active" });
      expect(listings.get("L-2")).toMatchObject({ price: 30_000, stock: 5, status: "inactive" });
      const ids = [...listings.values()].map((l) => l.id);
      expect(new Set(ids).size).toBe(3);
      for (const id of ids) expect(id).toMatch(/^\S+$/);
    });

    it("lists categories, including the leaf the harness names", async () => {
      const h = await open();
      if (!h.adapter.capabilities.canListCategories || !h.adapter.listCategories) return;
      const categories = await h.adapter.listCategories();
      const leaf = categories.find((c) => c.id === h.categoryId);
      expect(leaf?.isLeaf).toBe(true);
      expect(leaf?.path.at(-1)).toBe(leaf?.name);
    });

    it("creates listings and reports each one's new id", async () => {
      const h = await open();
      const changes: Change[] = ["C-1", "C-2", "C-3"].map((sku, i) => ({
        kind: "create",
        sku,
        product: product(h, { sku, name: `Keripik Tempe ${i + 1}`, price: 12_000 + i * 1000, stock: 7, weight: 250 }),
      }));
      const intents: string[] = [];
      const reported: ChangeOutcome[] = [];
      const outcomes = await h.adapter.apply(changes, {
        onIntent: (c) => intents.push(c.sku),
        onOutcome: (o) => {
          expect(intents).toContain(o.sku);
          reported.push(o);
        },
      });
      expect(outcomes.map((o) => [o.sku, o.status])).toEqual([
        ["C-1", "applied"],
        ["C-2", "applied"],
        ["C-3", "applied"],
      ]);
      expect(reported).toHaveLength(3);
      const listings = bySku(await h.adapter.listListings());
      for (const outcome of outcomes) {
        if (outcome.status !== "applied") throw new Error("not applied");
        const listing = listings.get(outcome.sku);
        expect(listing?.id).toBe(outcome.listingId);
      }
      expect(listings.get("C-2")).toMatchObject({
        name: "Keripik Tempe 2",
        price: 13_000,
        stock: 7,
        weight: 250,
        categoryId: h.categoryId,
        condition: "NEW",
        status: "active",
        min_order: 1,
        images: ["https://img.example.test/C-2.jpg"],
      });
    });

    it("updates price only, stock only, and other fields", async () => {
      const h = await open([
        { sku: "U-1", name: "Kopi Arabika", price: 50_000, stock: 10 },
        { sku: "U-2", name: "Teh Hijau", price: 20_000, stock: 10 },
        { sku: "U-3", name: "Jamu Beras Kencur", price: 10_000, stock: 10 },
      ]);
      const ids = bySku(await h.adapter.listListings());
      const id = (sku: string): string => ids.get(sku)?.id ?? "";
      const changes: Change[] = [
        {
          kind: "update",
          sku: "U-1",
          listingId: id("U-1"),
          fields: [{ field: "price", from: 50_000, to: 55_000 }],
          product: product(h, { sku: "U-1", name: "Kopi Arabika", price: 55_000, stock: 10 }),
        },
        {
          kind: "update",
          sku: "U-2",
          listingId: id("U-2"),
          fields: [{ field: "stock", from: 10, to: 3 }],
          product: product(h, { sku: "U-2", name: "Teh Hijau", price: 20_000, stock: 3 }),
        },
        {
          kind: "update",
          sku: "U-3",
          listingId: id("U-3"),
          fields: [
            { field: "name", from: "Jamu Beras Kencur", to: "Jamu Beras Kencur Segar" },
            { field: "description", from: "", to: "Diminum dingin." },
            { field: "weight", from: 250, to: 600 },
            { field: "price", from: 10_000, to: 11_000 },
          ],
          product: product(h, {
            sku: "U-3",
            name: "Jamu Beras Kencur Segar",
            description: "Diminum dingin.",
            weight: 600,
            price: 11_000,
            stock: 10,
          }),
        },
      ];
      const outcomes = await h.adapter.apply(changes);
      expect(outcomes.map((o) => o.status)).toEqual(["applied", "applied", "applied"]);
      for (const o of outcomes) if (o.status === "applied") expect(o.listingId).toBe(id(o.sku));
      const after = bySku(await h.adapter.listListings());
      expect(after.get("U-1")).toMatchObject({ price: 55_000, stock: 10, name: "Kopi Arabika" });
      expect(after.get("U-2")).toMatchObject({ price: 20_000, stock: 3, status: "active" });
      expect(after.get("U-3")).toMatchObject({
        name: "Jamu Beras Kencur Segar",
        description: "Diminum dingin.",
        weight: 600,
        price: 11_000,
      });
    });

    it("deactivates and reactivates (with a field change applied first)", async () => {
      const h = await open([
        { sku: "S-1", name: "Batik Tulis Parang", price: 450_000, stock: 2 },
        { sku: "S-2", name: "Anyaman Pandan", price: 35_000, stock: 4, status: "inactive" },
      ]);
      const ids = bySku(await h.adapter.listListings());
      const outcomes = await h.adapter.apply([
        { kind: "deactivate", sku: "S-1", listingId: ids.get("S-1")?.id ?? "", reason: "pruned", fields: [] },
        {
          kind: "reactivate",
          sku: "S-2",
          listingId: ids.get("S-2")?.id ?? "",
          fields: [{ field: "price", from: 35_000, to: 37_500 }],
          product: product(h, { sku: "S-2", name: "Anyaman Pandan", price: 37_500, stock: 4 }),
        },
      ]);
      expect(outcomes.map((o) => [o.sku, o.kind, o.status])).toEqual([
        ["S-1", "deactivate", "applied"],
        ["S-2", "reactivate", "applied"],
      ]);
      const after = bySku(await h.adapter.listListings());
      expect(after.get("S-1")?.status).toBe("inactive");
      expect(after.get("S-2")).toMatchObject({ status: "active", price: 37_500 });
    });

    it("turns a refused item into a failed outcome and still applies the others", async () => {
      const h = await open([{ sku: "F-0", name: "Kerupuk Udang", price: 9_000, stock: 9 }]);
      const outcomes = await h.adapter.apply([
        { kind: "create", sku: "F-1", product: product(h, { sku: "F-1", name: "Kerupuk Udang" }) },
        { kind: "create", sku: "F-2", product: product(h, { sku: "F-2", name: "Kerupuk Ikan" }) },
      ]);
      const [dup, ok] = outcomes;
      expect(dup?.status).toBe("failed");
      if (dup?.status === "failed") {
        expect(dup.error.code).toMatch(/\S/);
        expect(dup.error.message).toMatch(/\S/);
        expect(dup.error.retryable).toBe(false);
      }
      expect(ok?.status).toBe("applied");
      const skus = (await h.adapter.listListings()).map((l) => l.sku).sort();
      expect(skus).toEqual(["F-0", "F-2"]);
    });

    it("skips every change when aborted before applying", async () => {
      const h = await open();
      const controller = new AbortController();
      controller.abort();
      const outcomes = await h.adapter.apply(
        [{ kind: "create", sku: "A-1", product: product(h, { sku: "A-1", name: "Kue Kering Nastar" }) }],
        { signal: controller.signal },
      );
      expect(outcomes).toMatchObject([{ sku: "A-1", status: "skipped" }]);
      expect(await h.adapter.listListings()).toEqual([]);
    });

    it("on abort mid-run, reports in-flight items and skips the unsent ones", async () => {
      const h = await open();
      const controller = new AbortController();
      const changes: Change[] = Array.from({ length: 30 }, (_, i) => {
        const sku = `M-${String(i).padStart(2, "0")}`;
        return { kind: "create", sku, product: product(h, { sku, name: `Madu Hutan ${i}` }) };
      });
      const reported: ChangeOutcome[] = [];
      const outcomes = await h.adapter.apply(changes, {
        signal: controller.signal,
        onOutcome: (o) => {
          reported.push(o);
          controller.abort();
        },
      });
      expect(outcomes).toHaveLength(30);
      expect(reported).toHaveLength(30);
      const applied = outcomes.filter((o) => o.status === "applied").map((o) => o.sku);
      const skipped = outcomes.filter((o) => o.status === "skipped");
      expect(applied.length).toBeGreaterThan(0);
      expect(skipped.length).toBeGreaterThan(0);
      expect(applied.length + skipped.length).toBe(30);
      const listed = (await h.adapter.listListings()).map((l) => l.sku).sort();
      expect(listed).toEqual(applied.sort());
    });

    // ---- variants (issue 14): only for adapters whose rules take them (maxVariants > 0).
    const takesVariants = (h: AdapterHarness): boolean => (h.adapter.rules.maxVariants ?? 0) > 0 && (h.adapter.rules.maxOptionTypes ?? 0) >= 2;
    const variant = (sku: string, size: string, price: number, stock = 5): Variant => ({
      sku,
      options: { Ukuran: size, Warna: "Merah" },
      price,
      stock,
      weight: 300,
      images: [],
      status: "active",
      line: 2,
    });
    const batik = (h: AdapterHarness, variants: Variant[]): DesiredProduct =>
      product(h, {
        sku: "VAR-1",
        name: "Kemeja Batik Tulis Lengan Panjang Motif Parang",
        description: "Kemeja batik tulis dari kain katun, dijahit warga desa.",
        weight: 300,
        price: variants[0]!.price,
        stock: variants.reduce((n, v) => n + v.stock, 0),
        variants,
      });
    const SML = [variant("VAR-1-S", "S", 150_000), variant("VAR-1-M", "M", 155_000), variant("VAR-1-L", "L", 160_000)];
    /** Create the batik shirt through the adapter; the plan of the same row against the shop is then empty. */
    const createBatik = async (h: AdapterHarness): Promise<DesiredProduct> => {
      const desired = batik(h, SML);
      const outcomes = await h.adapter.apply([{ kind: "create", sku: desired.sku, product: desired }]);
      expect(outcomes.map((o) => [o.sku, o.status])).toEqual([["VAR-1", "applied"]]);
      return desired;
    };
    const planAgainstShop = async (h: AdapterHarness, desired: DesiredProduct) => diffCatalog({ products: [desired], listings: await h.adapter.listListings() });
    const skusOf = (listing: Listing | undefined): string[] => (listing?.variants ?? []).map((v) => v.sku.toUpperCase()).sort();

    it("creates a product with variants, and planning the same row again finds nothing to do", async () => {
      const h = await open();
      if (!takesVariants(h)) return;
      const desired = await createBatik(h);
      const listings = await h.adapter.listListings();
      expect(listings).toHaveLength(1);
      expect(skusOf(listings[0])).toEqual(["VAR-1-L", "VAR-1-M", "VAR-1-S"]);
      const m = listings[0]?.variants?.find((v) => v.sku.toUpperCase() === "VAR-1-M");
      expect(m).toMatchObject({ price: 155_000, stock: 5 });
      expect(m?.id).toMatch(/^\S+$/);
      const again = await planAgainstShop(h, desired);
      expect(again.changes).toEqual([]);
      expect(again.unchanged).toBe(1);
    });

    it("a price edit of one variant is one update with no product fields, sent as one cheap write", async () => {
      const h = await open();
      if (!takesVariants(h)) return;
      await createBatik(h);
      const edited = batik(h, [SML[0]!, { ...SML[1]!, price: 157_500 }, SML[2]!]);
      const plan = await planAgainstShop(h, edited);
      expect(plan.changes).toHaveLength(1);
      const [change] = plan.changes;
      expect(change).toMatchObject({ kind: "update", sku: "VAR-1", fields: [], variants: [{ kind: "update", sku: "VAR-1-M", fields: [{ field: "price", from: 155_000, to: 157_500 }] }] });
      expect(h.adapter.capabilities.cheapFields).toContain("price");
      const before = h.adapter.stats?.().writeRequests;
      const outcomes = await h.adapter.apply(plan.changes);
      expect(outcomes.map((o) => o.status)).toEqual(["applied"]);
      if (before !== undefined) expect((h.adapter.stats?.().writeRequests ?? 0) - before).toBe(1);
      const after = (await h.adapter.listListings())[0];
      expect(after?.variants?.find((v) => v.sku.toUpperCase() === "VAR-1-M")?.price).toBe(157_500);
      expect((await planAgainstShop(h, edited)).changes).toEqual([]);
    });

    it("adds and removes a variant; stock 0 leaves a variant unsellable; a rerun finds nothing to do", async () => {
      const h = await open();
      if (!takesVariants(h)) return;
      await createBatik(h);
      const edited = batik(h, [{ ...SML[0]!, stock: 0 }, SML[1]!, variant("VAR-1-XL", "XL", 165_000, 3)]);
      const plan = await planAgainstShop(h, edited);
      expect(plan.changes).toHaveLength(1);
      const kinds = plan.changes[0]?.kind === "update" ? (plan.changes[0].variants ?? []).map((v) => `${v.kind} ${v.sku}`) : [];
      expect(kinds).toEqual(["remove VAR-1-L", "update VAR-1-S", "add VAR-1-XL"]);
      const outcomes = await h.adapter.apply(plan.changes);
      expect(outcomes.map((o) => (o.status === "failed" ? `${o.error.code}: ${o.error.message}` : o.status))).toEqual(["applied"]);
      const after = (await h.adapter.listListings())[0];
      expect(skusOf(after)).toEqual(["VAR-1-M", "VAR-1-S", "VAR-1-XL"]);
      expect(after?.variants?.find((v) => v.sku.toUpperCase() === "VAR-1-S")?.stock).toBe(0);
      expect(after?.variants?.find((v) => v.sku.toUpperCase() === "VAR-1-XL")).toMatchObject({ price: 165_000, stock: 3 });
      expect((await planAgainstShop(h, edited)).changes).toEqual([]);
    });

    it("closes cleanly", async () => {
      const h = await open();
      await h.adapter.listListings();
      await expect(h.adapter.close()).resolves.toBeUndefined();
      closed = true;
    });
  });
}
