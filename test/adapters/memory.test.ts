import { describe, expect, it } from "vitest";
import { createMemoryAdapter, memory } from "../../src/adapters/memory/index.js";
import { findAdapter } from "../../src/adapters/index.js";
import { silentLogger } from "../../src/log.js";
import { diffCatalog } from "../../src/plan/diff.js";
import { makeDesired } from "../builders.js";
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
