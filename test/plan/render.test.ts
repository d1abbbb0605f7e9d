import { describe, expect, it } from "vitest";
import { renderPlanText } from "../../src/plan/render-text.js";
import { renderPlanJson } from "../../src/plan/render-json.js";
import { makeDesired, makePlan } from "../builders.js";

const plan = makePlan({
  changes: [
    { kind: "create", sku: "MSK-001", product: makeDesired({ sku: "MSK-001", name: "Masker Kain Batik", weight: 1500 }) },
    {
      kind: "update",
      sku: "MSK-002",
      listingId: "11",
      product: makeDesired({ sku: "MSK-002" }),
      fields: [
        { field: "price", from: 25_000, to: 27_500 },
        { field: "condition", from: "NEW", to: "USED" },
      ],
    },
    { kind: "deactivate", sku: "OLD-9", listingId: "12", reason: "pruned", fields: [] },
    {
      kind: "reactivate",
      sku: "TEH-1",
      listingId: "13",
      product: makeDesired({ sku: "TEH-1" }),
      fields: [{ field: "stock", from: 0, to: 1200 }],
    },
  ],
  unchanged: 40,
  leftAlone: [{ sku: "LAIN-1", listingId: "14", reason: "not-in-catalog" }],
});

describe("renderPlanText", () => {
  it("reads like terraform plan, in English", () => {
    expect(renderPlanText(plan, { lang: "en", color: false })).toMatchInlineSnapshot(`
      "Target: practice shop (mock marketplace)  [PRACTICE SHOP — not a real shop]
      Catalogue: catalogs/muiwo.csv

      + create MSK-001  Masker Kain Batik  Rp 25.000  1,5 kg  stock 10
      ~ update MSK-002
          price: Rp 25.000 -> Rp 27.500
          condition: new -> used
      - deactivate OLD-9 (not in catalogue)
      ↻ reactivate TEH-1
          stock: 0 -> 1.200

      Not in catalogue, left alone: 1 listing (use --prune to deactivate): LAIN-1
      Plan: 1 to create, 1 to update, 1 to deactivate, 1 to reactivate, 40 unchanged.
      "
    `);
  });

  it("speaks Indonesian", () => {
    expect(renderPlanText(plan, { lang: "id", color: false })).toMatchInlineSnapshot(`
      "Tujuan: practice shop (mock marketplace)  [TOKO LATIHAN — bukan toko sungguhan]
      Katalog: catalogs/muiwo.csv

      + buat MSK-001  Masker Kain Batik  Rp 25.000  1,5 kg  stok 10
      ~ ubah MSK-002
          harga: Rp 25.000 -> Rp 27.500
          kondisi: baru -> bekas
      - nonaktifkan OLD-9 (tidak ada di katalog)
      ↻ aktifkan lagi TEH-1
          stok: 0 -> 1.200

      Tidak ada di katalog, dibiarkan: 1 produk (pakai --prune untuk menonaktifkan): LAIN-1
      Rencana: 1 dibuat, 1 diubah, 1 dinonaktifkan, 1 diaktifkan lagi, 40 tidak berubah.
      "
    `);
  });

  it("says when there is nothing to do", () => {
    expect(renderPlanText(makePlan({ unchanged: 3, practiceShop: false, target: "Tokopedia shop 480829" }), { lang: "en", color: false }))
      .toMatchInlineSnapshot(`
        "Target: Tokopedia shop 480829
        Catalogue: catalogs/muiwo.csv

        No changes: the shop already matches the catalogue.
        Plan: 0 to create, 0 to update, 0 to deactivate, 0 to reactivate, 3 unchanged.
        "
      `);
  });

  it("marks the create of an inactive row and counts it as a create", () => {
    const inactive = makePlan({
      changes: [{ kind: "create", sku: "BA-SNK-03", product: makeDesired({ sku: "BA-SNK-03", name: "Kue Kering", status: "inactive" }) }],
    });
    const en = renderPlanText(inactive, { lang: "en", color: false });
    expect(en).toContain("+ create BA-SNK-03  Kue Kering  Rp 25.000  250 g  stock 10  (inactive: created but not for sale)");
    expect(en).toContain("Plan: 1 to create,");
    expect(renderPlanText(inactive, { lang: "id", color: false })).toContain("(nonaktif: dibuat tapi tidak dijual)");
  });

  it("colours only when asked", () => {
    expect(renderPlanText(plan, { lang: "en", color: false })).not.toContain("\u001b[");
    expect(renderPlanText(plan, { lang: "en", color: true })).toContain("\u001b[");
  });
});

describe("renderPlanJson", () => {
  it("is a versioned document with counts", () => {
    const doc = JSON.parse(renderPlanJson(plan));
    expect(doc).toMatchObject({ format: "desbumi-plan", version: 1, target: plan.target });
    expect(doc.summary).toEqual({ create: 1, update: 1, deactivate: 1, reactivate: 1, unchanged: 40, leftAlone: 1 });
    expect(Object.keys(doc).slice(0, 2)).toEqual(["format", "version"]);
  });
});
