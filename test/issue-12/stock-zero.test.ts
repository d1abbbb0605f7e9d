// Issue 12.7: a row with stock 0 ends with no sellable stock on every adapter. The legacy Tokopedia
// create used to send stock 0 as UNLIMITED ("always available"), so a sold-out row was sellable
// without limit. Checked against the real mock server (which models UNLIMITED as untracked stock).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createMemoryAdapter } from "../../src/adapters/memory/index.js";
import { readListing } from "../../src/adapters/tokopedia/map.js";
import { diffCatalog } from "../../src/plan/diff.js";
import { makeDesired, makeListing } from "../builders.js";
import { MOCK_LEAF_ID, startMockRig, type MockRig } from "../adapters/mock-harness.js";
import { loadCatalog } from "../../src/catalog/index.js";
import { TOKOPEDIA_BULK_RULES } from "../../src/adapters/tokopedia-bulk/definition.js";

let rig: MockRig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

const soldOut = (sku: string) => makeDesired({ sku, name: `Produk ${sku}`, categoryId: MOCK_LEAF_ID, stock: 0 });

describe("issue 12.7: stock 0 is sold out, never 'always available'", () => {
  it("tokopedia: a stock-0 create is active with 0 tracked stock on the mock, and the next plan is empty", async () => {
    rig = await startMockRig();
    const outcomes = await rig.adapter.apply([{ kind: "create", sku: "S-0", product: soldOut("S-0") }]);
    expect(outcomes).toEqual([expect.objectContaining({ status: "applied", sku: "S-0" })]);
    const [stored] = rig.server.listings();
    expect(stored).toMatchObject({ sku: "S-0", stock: 0, status: 1 });
    expect(stored?.isStockUnlimited).not.toBe(true);
    const listings = await rig.adapter.listListings();
    expect(listings[0]).toMatchObject({ sku: "S-0", stock: 0, status: "active" });
    expect(listings[0]?.stockUnlimited).toBeUndefined();
    expect(diffCatalog({ products: [soldOut("S-0")], listings }).changes).toEqual([]);
  });

  it("tokopedia: an edit that also sets stock 0 leaves tracked stock 0 (stock endpoint), still active", async () => {
    rig = await startMockRig({ seed: [{ sku: "S-1", name: "Produk S-1", price: 25_000, stock: 8 }] });
    const [listing] = await rig.adapter.listListings();
    if (!listing) throw new Error("seed missing");
    const wanted = { ...soldOut("S-1"), description: "Habis terjual." };
    const { changes } = diffCatalog({ products: [wanted], listings: [listing] });
    expect(changes.map((c) => c.kind)).toEqual(["update"]);
    const outcomes = await rig.adapter.apply(changes);
    expect(outcomes).toEqual([expect.objectContaining({ status: "applied" })]);
    const [stored] = rig.server.listings();
    expect(stored).toMatchObject({ stock: 0, status: 1, description: "Habis terjual." });
    expect(stored?.isStockUnlimited).not.toBe(true);
    expect(diffCatalog({ products: [wanted], listings: await rig.adapter.listListings() }).changes).toEqual([]);
  });

  it("a listing whose stock is not tracked (made 'always available') is a stock change for a stock-0 row", () => {
    const read = readListing({ basic: { productID: 5, status: 1, Name: "X" }, stock: { useStock: false, value: 0 } });
    expect(read?.stockUnlimited).toBe(true);
    const { changes } = diffCatalog({
      products: [makeDesired({ sku: "U-1", stock: 0 })],
      listings: [makeListing({ sku: "U-1", stock: 0, stockUnlimited: true })],
    });
    expect(changes).toEqual([expect.objectContaining({ kind: "update", fields: [{ field: "stock", from: "unlimited", to: 0 }] })]);
  });

  it("memory: stock 0 stays 0", async () => {
    const adapter = createMemoryAdapter({});
    await adapter.apply([{ kind: "create", sku: "M-0", product: makeDesired({ sku: "M-0", stock: 0 }) }]);
    expect((await adapter.listListings())[0]).toMatchObject({ sku: "M-0", stock: 0 });
  });

  it("tokopedia-bulk: the template cannot hold stock 0 (Seller Center makes it 1), so the row is a located error, never written as 1", async () => {
    const csv = "sku,name,price,stock,weight,images,description,category\nB-0,Produk B,25000,0,250,https://img.example.test/b.jpg,Enak,1760\n";
    const dir = await mkdtemp(join(tmpdir(), "desbumi-stock0-"));
    await writeFile(join(dir, "b.csv"), csv);
    const { issues } = await loadCatalog("b.csv", { cwd: dir, rules: TOKOPEDIA_BULK_RULES });
    await rm(dir, { recursive: true, force: true });
    expect(issues.map((i) => [i.code, i.line, i.column])).toContainEqual(["STOCK_OUT_OF_RANGE", 2, "stock"]);
  });
});
