import { describe, expect, it } from "vitest";
import { createMemoryAdapter, memory } from "../../src/adapters/memory/index.js";
import { findAdapter } from "../../src/adapters/index.js";
import { silentLogger } from "../../src/log.js";
import { diffCatalog } from "../../src/plan/diff.js";
import { makeDesired } from "../builders.js";
import type { Change } from "../../src/plan/types.js";
import { testAdapter } from "./contract.js";

testAdapter("memory", async (seed) => ({
  adapter: createMemoryAdapter({ listings: seed.map((s) => ({ ...s, categoryId: "1760" })) }),
  categoryId: "1760",
}));

describe("memory adapter", () => {
  it("is registered and validates its options strictly", async () => {
    expect(findAdapter("memory")).toBe(memory);
    expect(memory.optionsSchema.safeParse({ nope: 1 }).success).toBe(false);
    const adapter = await memory.create(memory.optionsSchema.parse({}), { log: silentLogger(), env: {}, cwd: "." });
    expect(await adapter.listListings()).toEqual([]);
  });

  it("fails injected SKUs the given number of times", async () => {
    const adapter = createMemoryAdapter({ failures: { "X-1": { code: "BOOM", retryable: true, times: 1 } } });
    const change = { kind: "create" as const, sku: "X-1", product: makeDesired({ sku: "X-1", categoryId: "1761" }) };
    const [first] = await adapter.apply([change]);
    expect(first).toMatchObject({ status: "failed", error: { code: "BOOM", retryable: true } });
    const [second] = await adapter.apply([change]);
    expect(second).toMatchObject({ status: "applied" });
  });

  it("enforces the marketplace rules on writes", async () => {
    const adapter = createMemoryAdapter();
    const outcomes = await adapter.apply([
      { kind: "create", sku: "P-1", product: makeDesired({ sku: "P-1", price: 50, categoryId: "1760" }) },
      { kind: "create", sku: "P-2", product: makeDesired({ sku: "P-2", categoryId: "35" }) },
      { kind: "create", sku: "P-3", product: makeDesired({ sku: "P-3", categoryId: "1760" }) },
      { kind: "create", sku: "P-3", product: makeDesired({ sku: "P-3", name: "Lain", categoryId: "1760" }) },
    ]);
    expect(outcomes.map((o) => (o.status === "failed" ? o.error.code : o.status))).toEqual([
      "INVALID_VALUE",
      "CATEGORY_NOT_FOUND",
      "applied",
      "SKU_TAKEN",
    ]);
  });

  it("creates an inactive product as an inactive listing, which then matches its row", async () => {
    const adapter = createMemoryAdapter();
    const product = makeDesired({ sku: "N-1", status: "inactive", categoryId: "1760" });
    const [outcome] = await adapter.apply([{ kind: "create", sku: "N-1", product }]);
    expect(outcome).toMatchObject({ status: "applied", kind: "create" });
    const listings = await adapter.listListings();
    expect(listings.map((l) => [l.sku, l.status])).toEqual([["N-1", "inactive"]]);
    expect(diffCatalog({ products: [product], listings })).toMatchObject({ changes: [], unchanged: 1 });
  });

  it("updates an unknown listing as a failed outcome", async () => {
    const adapter = createMemoryAdapter();
    const [outcome] = await adapter.apply([
      { kind: "deactivate", sku: "Z", listingId: "999999", reason: "pruned", fields: [] },
    ]);
    expect(outcome).toMatchObject({ status: "failed", listingId: "999999", error: { code: "LISTING_NOT_FOUND" } });
  });
});

describe("memory adapter variants (issue 14)", () => {
  const v = (sku: string, size: string, price = 20_000) => ({ sku, options: { Ukuran: size }, price, stock: 4, weight: 200, images: [], status: "active" as const, line: 2 });
  const shirt = (variants: ReturnType<typeof v>[], overrides = {}) => makeDesired({ sku: "KMJ", name: "Kemeja", categoryId: "1760", variants, ...overrides });

  it("seeds listings with variants and reports them with ids, lowest price and total stock", async () => {
    const adapter = createMemoryAdapter({ listings: [{ sku: "KMJ", name: "Kemeja", price: 1, variants: [{ sku: "KMJ-S", options: { Ukuran: "S" }, price: 21_000, stock: 2 }, { sku: "KMJ-M", options: { Ukuran: "M" }, price: 20_000 }] }] });
    const [listing] = await adapter.listListings();
    expect(listing).toMatchObject({ price: 20_000, stock: 12 });
    expect(listing?.variants?.map((x) => [x.sku, x.id !== "", x.status])).toEqual([
      ["KMJ-S", true, "active"],
      ["KMJ-M", true, "active"],
    ]);
  });

  it("refuses what a marketplace refuses: a variant SKU another listing has (any case), two variants with the same options, more than its limit", async () => {
    const adapter = createMemoryAdapter({ listings: [{ sku: "kmj-s", name: "Lain", price: 5_000 }] });
    const tooMany = Array.from({ length: 101 }, (_, i) => v(`B-${i}`, `U${i}`));
    const outcomes = await adapter.apply([
      { kind: "create", sku: "KMJ", product: shirt([v("KMJ-S", "S"), v("KMJ-M", "M")]) },
      { kind: "create", sku: "KMJ", product: shirt([v("KMJ-X", "M"), v("KMJ-Y", "m")], { name: "Kemeja 2" }) },
      { kind: "create", sku: "B", product: shirt(tooMany, { sku: "B", name: "Kemeja 3" }) },
    ]);
    expect(outcomes.map((o) => (o.status === "failed" ? `${o.error.code} ${o.error.message}` : o.status))).toEqual([
      "SKU_TAKEN SKU [KMJ-S] is already used in this shop",
      "INVALID_VALUE Two variants have the same options (Ukuran=m)",
      "INVALID_VALUE At most 100 variants per product",
    ]);
  });

  it("counts one write per endpoint a marketplace would use: prices together, stocks together, other edits apart", async () => {
    const adapter = createMemoryAdapter({ listings: [{ id: "9", sku: "KMJ", name: "Kemeja", price: 1, variants: [{ id: "91", sku: "KMJ-S", options: { Ukuran: "S" }, price: 21_000 }, { id: "92", sku: "KMJ-M", options: { Ukuran: "M" }, price: 20_000 }] }] });
    const writes = async (change: Change): Promise<number> => {
      const before = adapter.stats?.().writeRequests ?? 0;
      const [outcome] = await adapter.apply([change]);
      expect(outcome?.status).toBe("applied");
      return (adapter.stats?.().writeRequests ?? 0) - before;
    };
    const product = shirt([v("KMJ-S", "S"), v("KMJ-M", "M")]);
    const update = (fields: Extract<Change, { kind: "update" }>["fields"], variants: Extract<Change, { kind: "update" }>["variants"]): Change => ({ kind: "update", sku: "KMJ", listingId: "9", fields, product, variants });
    expect(await writes(update([], [{ kind: "update", sku: "KMJ-S", variantId: "91", fields: [{ field: "price", from: 21_000, to: 22_000 }] }, { kind: "update", sku: "KMJ-M", variantId: "92", fields: [{ field: "price", from: 20_000, to: 23_000 }] }]))).toBe(1);
    expect(await writes(update([], [{ kind: "update", sku: "KMJ-S", variantId: "91", fields: [{ field: "price", from: 22_000, to: 1_000 }, { field: "stock", from: 10, to: 0 }] }]))).toBe(2);
    expect(await writes(update([{ field: "name", from: "Kemeja", to: "Kemeja Batik" }], [{ kind: "update", sku: "KMJ-M", variantId: "92", fields: [{ field: "stock", from: 10, to: 1 }] }]))).toBe(2);
    expect(await writes(update([], [{ kind: "add", sku: "KMJ-L", variant: v("KMJ-L", "L") }]))).toBe(1);
    const [listing] = await adapter.listListings();
    expect(listing?.variants?.map((x) => [x.sku, x.price, x.stock])).toEqual([
      ["KMJ-S", 1_000, 0],
      ["KMJ-M", 23_000, 1],
      ["KMJ-L", 20_000, 4],
    ]);
    expect(listing).toMatchObject({ name: "Kemeja Batik", price: 1_000, stock: 5 });
  });

  it("refuses a change naming a variant the listing does not have, and changes nothing", async () => {
    const adapter = createMemoryAdapter({ listings: [{ id: "9", sku: "KMJ", name: "Kemeja", price: 1, variants: [{ id: "91", sku: "KMJ-S", options: { Ukuran: "S" }, price: 21_000 }] }] });
    const [outcome] = await adapter.apply([{ kind: "update", sku: "KMJ", listingId: "9", fields: [], product: shirt([v("KMJ-S", "S")]), variants: [{ kind: "add", sku: "KMJ-M", variant: v("KMJ-M", "M") }, { kind: "remove", sku: "KMJ-X", variantId: "77" }] }]);
    expect(outcome).toMatchObject({ status: "failed", error: { code: "VARIANT_NOT_FOUND" } });
    expect((await adapter.listListings())[0]?.variants?.map((x) => x.sku)).toEqual(["KMJ-S"]);
  });
});
