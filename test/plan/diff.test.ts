import { describe, expect, it } from "vitest";
import { diffCatalog } from "../../src/plan/diff.js";
import { makeDesired, makeListing } from "../builders.js";

describe("diffCatalog", () => {
  it("creates new SKUs and counts matching listings as unchanged, sorted by SKU", () => {
    const result = diffCatalog({
      products: [makeDesired({ sku: "B" }), makeDesired({ sku: "A" }), makeDesired({ sku: "C" })],
      listings: [makeListing({ sku: "B" })],
    });
    expect(result.changes.map((c) => [c.kind, c.sku])).toEqual([
      ["create", "A"],
      ["create", "C"],
    ]);
    expect(result.unchanged).toBe(1);
    expect(result.leftAlone).toEqual([]);
  });

  it("matches SKUs as marketplaces do, ignoring case (issue 13.12): a row mw-1 is the listing MW-1, never a second product", () => {
    const look = { name: "Masker Batik", images: ["https://img.example.test/m.jpg"] };
    const same = diffCatalog({ products: [makeDesired({ sku: "mw-lps-002", ...look })], listings: [makeListing({ sku: "MW-LPS-002", id: "9", ...look })] });
    expect(same.changes).toEqual([]);
    expect(same.unchanged).toBe(1);
    const edited = diffCatalog({ products: [makeDesired({ sku: "mw-lps-002", price: 30_000, ...look })], listings: [makeListing({ sku: "MW-LPS-002", id: "9", ...look })] });
    expect(edited.changes.map((c) => [c.kind, c.sku, c.kind === "create" ? "" : c.listingId])).toEqual([["update", "mw-lps-002", "9"]]);
    // An invalid row protects its listing whatever the case; outside listings keep their own spelling.
    const invalid = diffCatalog({ products: [], invalidSkus: ["mw-lps-002"], listings: [makeListing({ sku: "MW-LPS-002", id: "9" }), makeListing({ sku: "Lain-1", id: "10" })], prune: true });
    expect(invalid.changes.map((c) => [c.kind, c.sku])).toEqual([["deactivate", "Lain-1"]]);
    expect(invalid.leftAlone).toEqual([{ sku: "MW-LPS-002", listingId: "9", reason: "invalid-row" }]);
  });

  it("updates only the fields that differ, old -> new", () => {
    const result = diffCatalog({
      products: [makeDesired({ sku: "A", price: 27_500, images: ["https://x.test/1.jpg", "https://x.test/2.jpg"] })],
      listings: [makeListing({ sku: "A", id: "77", images: ["https://x.test/2.jpg", "https://x.test/1.jpg"] })],
    });
    expect(result.changes).toEqual([
      expect.objectContaining({
        kind: "update",
        sku: "A",
        listingId: "77",
        fields: [
          { field: "price", from: 25_000, to: 27_500 },
          { field: "images", from: ["https://x.test/2.jpg", "https://x.test/1.jpg"], to: ["https://x.test/1.jpg", "https://x.test/2.jpg"] },
        ],
      }),
    ]);
  });

  it("compares every listing field", () => {
    const listing = makeListing({ sku: "A" });
    const product = makeDesired({
      sku: "A",
      name: "Baru",
      description: "lain",
      price: 1,
      stock: 2,
      weight: 3,
      categoryId: "99",
      condition: "USED",
      min_order: 4,
      etalase: "555",
      images: [],
    });
    const [change] = diffCatalog({ products: [product], listings: [listing] }).changes;
    expect(change?.kind === "update" && change.fields.map((f) => f.field)).toEqual([
      "name",
      "description",
      "price",
      "stock",
      "weight",
      "category",
      "condition",
      "min_order",
      "etalase",
      "images",
    ]);
  });

  it("compares etalase and category only when the row gives an id", () => {
    const result = diffCatalog({
      products: [makeDesired({ sku: "A", etalase: "Kerajinan", categoryId: "" })],
      listings: [makeListing({ sku: "A", etalase: "1402956", categoryId: "1760" })],
    });
    expect(result.changes).toEqual([]);
    expect(result.unchanged).toBe(1);
  });

  it("reactivates an inactive listing whose row says active, with its other changes", () => {
    const [change] = diffCatalog({
      products: [makeDesired({ sku: "A", stock: 5 })],
      listings: [makeListing({ sku: "A", status: "inactive", stock: 0 })],
    }).changes;
    expect(change).toMatchObject({ kind: "reactivate", fields: [{ field: "stock", from: 0, to: 5 }] });
  });

  it("deactivates a listing whose row says inactive; creates a new inactive row as an inactive listing", () => {
    const result = diffCatalog({
      products: [makeDesired({ sku: "A", status: "inactive" }), makeDesired({ sku: "B", status: "inactive" })],
      listings: [makeListing({ sku: "A" })],
    });
    expect(result.changes).toEqual([
      expect.objectContaining({ kind: "deactivate", sku: "A", reason: "catalog-inactive", fields: [] }),
      { kind: "create", sku: "B", product: expect.objectContaining({ sku: "B", status: "inactive" }) },
    ]);
  });

  it("an inactive row whose listing is inactive too is unchanged", () => {
    const result = diffCatalog({
      products: [makeDesired({ sku: "B", status: "inactive" })],
      listings: [makeListing({ sku: "B", status: "inactive" })],
    });
    expect(result).toMatchObject({ changes: [], unchanged: 1 });
  });

  it("leaves listings outside the catalogue alone unless prune; inactive ones need nothing", () => {
    const listings = [makeListing({ sku: "OLD-1", id: "1" }), makeListing({ sku: "OLD-2", id: "2", status: "inactive" })];
    const kept = diffCatalog({ products: [], listings });
    expect(kept.changes).toEqual([]);
    expect(kept.leftAlone).toEqual([{ sku: "OLD-1", listingId: "1", reason: "not-in-catalog" }]);
    const pruned = diffCatalog({ products: [], listings, prune: true });
    expect(pruned.changes).toEqual([{ kind: "deactivate", sku: "OLD-1", listingId: "1", reason: "pruned", fields: [] }]);
    expect(pruned.leftAlone).toEqual([]);
  });

  it("never touches listings of invalid rows, even with prune", () => {
    const result = diffCatalog({
      products: [],
      listings: [makeListing({ sku: "BAD", id: "9", price: 1 })],
      invalidSkus: ["BAD"],
      prune: true,
    });
    expect(result.changes).toEqual([]);
    expect(result.leftAlone).toEqual([{ sku: "BAD", listingId: "9", reason: "invalid-row" }]);
  });

  it("compares SKUs exactly (case and leading zeros matter)", () => {
    const result = diffCatalog({
      products: [makeDesired({ sku: "007" })],
      listings: [makeListing({ sku: "7", id: "1" }), makeListing({ sku: "msk-001", id: "2" })],
    });
    expect(result.changes.map((c) => [c.kind, c.sku])).toEqual([["create", "007"]]);
    expect(result.leftAlone.map((l) => l.sku)).toEqual(["7", "msk-001"]);
  });

  it("reports duplicate listings of one SKU, keeps the active one with the lowest id in sync", () => {
    const result = diffCatalog({
      products: [makeDesired({ sku: "A", price: 30_000 })],
      listings: [
        makeListing({ sku: "A", id: "20" }),
        makeListing({ sku: "A", id: "100" }),
        makeListing({ sku: "A", id: "3", status: "inactive" }),
      ],
      prune: true,
    });
    expect(result.duplicates).toEqual([{ sku: "A", listingIds: ["20", "100", "3"] }]);
    expect(result.changes).toEqual([expect.objectContaining({ kind: "update", listingId: "20" })]);
    expect(result.leftAlone).toEqual([
      { sku: "A", listingId: "100", reason: "duplicate-sku" },
      { sku: "A", listingId: "3", reason: "duplicate-sku" },
    ]);
  });

  it("never prunes listings without a SKU", () => {
    const result = diffCatalog({ products: [], listings: [makeListing({ sku: "", id: "5" })], prune: true });
    expect(result.changes).toEqual([]);
    expect(result.leftAlone).toEqual([{ sku: "", listingId: "5", reason: "no-sku" }]);
  });

  it("is deterministic whatever the input order", () => {
    const products = ["D", "A", "C"].map((sku) => makeDesired({ sku, price: 9_000 }));
    const listings = ["C", "B", "A"].map((sku) => makeListing({ sku }));
    const a = diffCatalog({ products, listings, prune: true });
    const b = diffCatalog({ products: [...products].reverse(), listings: [...listings].reverse(), prune: true });
    expect(b).toEqual(a);
    expect(a.changes.map((c) => `${c.kind}:${c.sku}`)).toEqual(["update:A", "deactivate:B", "update:C", "create:D"]);
  });
});
