// Issue 14: attributes in the plan. The row's attributes as the target would be sent them
// (sentAttributes) against the listing's, names and values ignoring case and spacing.
import { describe, expect, it } from "vitest";
import { diffAttributes } from "../../src/plan/attribute-diff.js";
import { diffCatalog } from "../../src/plan/diff.js";
import { readPlanFile, writePlanFile } from "../../src/plan/plan-file.js";
import { renderPlanText } from "../../src/plan/render-text.js";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeDesired, makeListing, makePlan } from "../builders.js";
import type { Change } from "../../src/plan/types.js";
import { narrowPlan, type FreshPlan } from "../../src/sync/narrow-plan.js";

describe("diffAttributes", () => {
  it.each([
    ["same values, other case and spacing", { Bahan: "Katun" }, { bahan: " katun" }, undefined],
    ["a value changed", { Bahan: "Sutra", Teknik: "Tulis" }, { Bahan: "Katun", Teknik: "Tulis" }, { from: { Bahan: "Katun" }, to: { Bahan: "Sutra" } }],
    ["one the listing lacks", { Merek: "Batik Lasem" }, {}, { from: {}, to: { Merek: "Batik Lasem" } }],
    ["no listing attributes at all", { Merek: "Batik Lasem" }, undefined, { from: {}, to: { Merek: "Batik Lasem" } }],
    ["one the listing has and the row does not send is no change", { Bahan: "Katun" }, { Bahan: "Katun", Motif: "Parang" }, undefined],
    ["punctuation in values counts", { Berat: "3.5" }, { Berat: "35" }, { from: { Berat: "35" }, to: { Berat: "3.5" } }],
  ])("%s", (_name, sent, live, expected) => {
    expect(diffAttributes(sent, live)).toEqual(expected);
  });
});

describe("diffCatalog: attributes", () => {
  const listing = makeListing({ sku: "BTK-1", id: "7", attributes: { Bahan: "Katun", Teknik: "Tulis" } });

  it("a changed attribute is one field change, old -> new, after the others", () => {
    const product = makeDesired({ sku: "BTK-1", price: 30_000, attributes: { "Atribut bahan": "sutra" }, sentAttributes: { Bahan: "Sutra", Teknik: "Tulis" } });
    const { changes } = diffCatalog({ products: [product], listings: [{ ...listing, price: 25_000 }] });
    expect(changes).toEqual([
      expect.objectContaining({
        kind: "update",
        fields: [
          { field: "price", from: 25_000, to: 30_000 },
          { field: "attributes", from: { Bahan: "Katun" }, to: { Bahan: "Sutra" } },
        ],
      }),
    ]);
  });

  it("a target that cannot read attributes back (no sentAttributes) never changes them", () => {
    const product = makeDesired({ sku: "BTK-1", attributes: { Bahan: "Sutra" } });
    expect(diffCatalog({ products: [product], listings: [listing] })).toMatchObject({ changes: [], unchanged: 1 });
  });

  it("the same attributes are no change", () => {
    const product = makeDesired({ sku: "BTK-1", sentAttributes: { bahan: "KATUN" } });
    expect(diffCatalog({ products: [product], listings: [listing] })).toMatchObject({ changes: [], unchanged: 1 });
  });
});

describe("plans with attribute changes", () => {
  const plan = makePlan({
    changes: [
      {
        kind: "update",
        sku: "BTK-1",
        listingId: "7",
        product: makeDesired({ sku: "BTK-1", sentAttributes: { Bahan: "Sutra", Merek: "Batik Lasem" } }),
        fields: [{ field: "attributes", from: { Bahan: "Katun" }, to: { Bahan: "Sutra", Merek: "Batik Lasem" } }],
      },
    ],
  });

  it("show one line per attribute, old -> new, in both languages", () => {
    const en = renderPlanText(plan, { lang: "en", color: false });
    expect(en).toContain("    attribute Bahan: Katun -> Sutra\n    attribute Merek: (none) -> Batik Lasem\n");
    const id = renderPlanText(plan, { lang: "id", color: false });
    expect(id).toContain("    atribut Bahan: Katun -> Sutra\n    atribut Merek: (tidak ada) -> Batik Lasem\n");
  });

  it("round-trip through plan files, the product's sent attributes included", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "desbumi-plan-")), "plan.json");
    await writePlanFile(file, plan);
    expect(await readPlanFile(file)).toEqual(plan);
  });
});

describe("apply's narrowing with attribute changes", () => {
  const change = (to: Record<string, string>): Change => ({
    kind: "update",
    sku: "BTK-1",
    listingId: "7",
    product: makeDesired({ sku: "BTK-1", sentAttributes: to }),
    fields: [{ field: "attributes", from: { Bahan: "Katun" }, to }],
  });
  const fresh = (c: Change): FreshPlan => ({ plan: { changes: [c] }, products: [{ sku: "BTK-1" }], invalidSkus: [], issues: [] });

  it("sends a saved attributes change the catalogue still asks for, and withholds one whose value moved on", () => {
    const backed = narrowPlan(makePlan({ changes: [change({ Bahan: "Sutra" })] }), fresh(change({ Bahan: "Sutra" })));
    expect(backed.withheld).toEqual([]);
    expect(backed.plan.changes).toHaveLength(1);
    const moved = narrowPlan(makePlan({ changes: [change({ Bahan: "Sutra" })] }), fresh(change({ Bahan: "Rayon" })));
    expect(moved.withheld.map((w) => w.why.en)).toEqual(["not applied: the catalogue no longer asks for this (attributes Bahan: Sutra is not the catalogue's Bahan: Rayon)"]);
  });
});
