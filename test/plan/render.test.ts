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

  it("names categories and etalase with their ids, groups thousands, and sums up photo changes", () => {
    const edits = makePlan({
      names: { categories: { "2981": "Jamu", "2982": "Kopi" }, etalase: { "1402904": "Minuman Herbal" } },
      changes: [
        {
          kind: "update",
          sku: "BA-KOPI-01",
          listingId: "11",
          product: makeDesired({ sku: "BA-KOPI-01" }),
          fields: [
            { field: "price", from: 1_250_000, to: 55_000 },
            { field: "stock", from: 12_000, to: 25 },
            { field: "weight", from: 1250, to: 2000 },
            { field: "category", from: "2982", to: "2981" },
            { field: "etalase", from: "1402902", to: "1402904" },
            { field: "images", from: ["https://img.example/a/kopi-1.jpg"], to: ["https://img.example/a/kopi-1.jpg", "https://img.example/a/kopi-2.jpg"] },
          ],
        },
        {
          kind: "update",
          sku: "BA-KOPI-02",
          listingId: "12",
          product: makeDesired({ sku: "BA-KOPI-02" }),
          fields: [
            { field: "category", from: "1760", to: "2981" },
            { field: "etalase", from: "1402904", to: "" },
            { field: "images", from: ["https://x.example/p/a.jpg", "https://x.example/p/b.jpg"], to: ["https://x.example/p/b.jpg", "https://x.example/p/a.jpg"] },
          ],
        },
        {
          kind: "update",
          sku: "BA-KOPI-03",
          listingId: "13",
          product: makeDesired({ sku: "BA-KOPI-03" }),
          fields: [{ field: "images", from: ["https://x.example/p/a.jpg", "https://x.example/p/b.jpg", "https://x.example/p/c.jpg"], to: [] }],
        },
      ],
    });
    const en = renderPlanText(edits, { lang: "en", color: false });
    expect(en).toContain(
      [
        "~ update BA-KOPI-01",
        "    price: Rp 1.250.000 -> Rp 55.000",
        "    stock: 12.000 -> 25",
        "    weight: 1.250 g -> 2 kg",
        "    category: Kopi (2982) -> Jamu (2981)",
        "    etalase: 1402902 -> Minuman Herbal (1402904)",
        "    images: 1 photo -> 2 photos (added: kopi-2.jpg)",
        "~ update BA-KOPI-02",
        "    category: 1760 -> Jamu (2981)",
        "    etalase: Minuman Herbal (1402904) -> (no etalase)",
        "    images: 2 photos (order changed)",
        "~ update BA-KOPI-03",
        "    images: 3 photos -> no photos (removed: a.jpg, b.jpg, … (3))",
      ].join("\n"),
    );
    const id = renderPlanText(edits, { lang: "id", color: false });
    expect(id).toContain("    kategori: Kopi (2982) -> Jamu (2981)");
    expect(id).toContain("    foto: 1 foto -> 2 foto (ditambah: kopi-2.jpg)");
    expect(id).toContain("    etalase: Minuman Herbal (1402904) -> (tanpa etalase)");
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

describe("renderPlanText with variants (issue 14)", () => {
  const M = { sku: "BTK-M", options: { Ukuran: "M", Warna: "Merah" }, price: 25_000, stock: 5, weight: 250, images: [], status: "active" as const, line: 3 };
  const L = { ...M, sku: "BTK-L", options: { Ukuran: "L", Warna: "Merah" }, price: 27_000, stock: 2, line: 4 };
  const XL = { ...M, sku: "BTK-XL", options: { Ukuran: "XL", Warna: "Merah" }, price: 29_000, stock: 0, status: "inactive" as const, line: 5 };
  const withVariants = makePlan({
    changes: [
      { kind: "create", sku: "BTK", product: makeDesired({ sku: "BTK", name: "Kemeja Batik", variants: [M, L] }) },
      {
        kind: "update",
        sku: "TNN",
        listingId: "5",
        fields: [],
        product: makeDesired({ sku: "TNN" }),
        variants: [
          { kind: "remove", sku: "TNN-S", variantId: "51" },
          { kind: "update", sku: "TNN-M", variantId: "52", fields: [{ field: "price", from: 25_000, to: 27_000 }] },
          { kind: "update", sku: "TNN-L", variantId: "53", fields: [{ field: "stock", from: 4, to: 0 }, { field: "status", from: "active", to: "inactive" }, { field: "options", from: { Ukuran: "L" }, to: { Ukuran: "XL" } }] },
          { kind: "add", sku: "BTK-XL", variant: XL },
        ],
      },
    ],
    unchanged: 3,
    leftAlone: [{ sku: "KRP", listingId: "6", reason: "has-variants" }],
  });

  it("shows each variant under its product, in English", () => {
    const lines = renderPlanText(withVariants, { lang: "en", color: false }).split("\n");
    expect(lines.slice(3)).toEqual([
      "+ create BTK  Kemeja Batik  Rp 25.000  250 g  stock 10",
      "    + variant BTK-M (Ukuran=M, Warna=Merah) Rp 25.000  stock 5",
      "    + variant BTK-L (Ukuran=L, Warna=Merah) Rp 27.000  stock 2",
      "~ update TNN",
      "    - variant TNN-S",
      "    ~ variant TNN-M price: Rp 25.000 -> Rp 27.000",
      "    ~ variant TNN-L stock: 4 -> 0; status: active -> inactive; options: (Ukuran=L) -> (Ukuran=XL)",
      "    + variant BTK-XL (Ukuran=XL, Warna=Merah) Rp 29.000  stock 0  (inactive)",
      "",
      "Rows without variants whose listings have variants, left alone: 1 (KRP)",
      "Plan: 1 to create, 1 to update, 0 to deactivate, 0 to reactivate, 3 unchanged. Variants: 3 to add, 2 to update, 1 to remove.",
      "",
    ]);
  });

  it("speaks Indonesian", () => {
    const text = renderPlanText(withVariants, { lang: "id", color: false });
    expect(text).toContain("    ~ varian TNN-M harga: Rp 25.000 -> Rp 27.000\n");
    expect(text).toContain("    + varian BTK-XL (Ukuran=XL, Warna=Merah) Rp 29.000  stok 0  (nonaktif)\n");
    expect(text).toContain(" Varian: 3 ditambah, 2 diubah, 1 dihapus.\n");
  });

  it("counts variants in the JSON summary only when there are any", () => {
    expect(JSON.parse(renderPlanJson(withVariants)).summary).toEqual({ create: 1, update: 1, deactivate: 0, reactivate: 0, unchanged: 3, leftAlone: 1, variants: { add: 3, update: 2, remove: 1 } });
    expect(JSON.parse(renderPlanJson(plan)).summary.variants).toBeUndefined();
  });
});
