// Issue 14 audit: marketplace and shop templates, filled in as their own instructions say, are
// catalogues too. Headers are those of the real templates (found with the search tool; see the
// comments in src/catalog/variant-columns.ts): Shopee's mass upload in English and Indonesian,
// TikTok Shop's batch template (rows of one product repeat its name; no parent column),
// Tokopedia's variant template (`Warna (1) - Value`, `Gambar (Warna)`). Fixtures: fixtures/templates/.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { findAdapter } from "../../src/adapters/index.js";
import { loadCatalog } from "../../src/catalog/index.js";
import type { CatalogResult } from "../../src/catalog/types.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures/templates");
const IMG = "https://img.desbumi.example";

async function load(file: string, marketplace: string): Promise<CatalogResult> {
  return loadCatalog(file, { cwd: FIXTURES, rules: findAdapter(marketplace)!.rules });
}
const errors = (r: CatalogResult) => r.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.line, i.column]);
const bySku = (r: CatalogResult) => Object.fromEntries(r.products.map((p) => [p.sku, p]));

/** The batik shirt every template below holds: 2 colours x sizes, 3 SKUs, and a single-SKU keripik. */
const BATIK_OPTIONS = (colour: string, size: string) => [
  ["BTK-01-BM", { [colour]: "Biru", [size]: "M" }, 150_000, 5],
  ["BTK-01-BL", { [colour]: "Biru", [size]: "L" }, 155_000, 3],
  ["BTK-01-RM", { [colour]: "Merah", [size]: "M" }, 150_000, 0],
];
const variantsOf = (r: CatalogResult, sku: string) => (bySku(r)[sku]?.variants ?? []).map((v) => [v.sku, v.options, v.price, v.stock]);

describe.each<[string, string, string, string, string, string]>([
  // file, marketplace, product sku of the batik, option names, the keripik's sku
  ["shopee-mass-upload-en.csv", "shopee", "BTK-01", "Warna", "Ukuran", "KRP-01"],
  ["shopee-mass-upload-id.csv", "shopee", "BTK-01", "Warna", "Ukuran", "KRP-01"],
  ["tiktok-batch-en.csv", "tiktok-shop", "BTK-01-BM", "Variation 1", "Variation 2", "KRP-01"],
  ["tiktok-batch-id.csv", "tiktok-shop", "BTK-01-BM", "Variasi 1", "Variasi 2", "KRP-01"],
  ["tokopedia-variant.csv", "tiktok-shop", "BTK-01-BM", "Warna", "Ukuran Pakaian", "KRP-01"],
])("%s (%s)", (file, marketplace, batik, colour, size, keripik) => {
  test("validates: one product with its variants, one single-SKU product", async () => {
    const r = await load(file, marketplace);
    expect(errors(r)).toEqual([]);
    expect(r.products.map((p) => p.sku).sort()).toEqual([batik, keripik].sort());
    expect(variantsOf(r, batik)).toEqual(BATIK_OPTIONS(colour, size));
    expect(bySku(r)[keripik]!.variants ?? []).toEqual([]);
    const product = bySku(r)[batik]!;
    expect(product.name).toBe("Kemeja Batik Tulis Gajah Oling Banyuwangi");
    expect(product.images).toEqual([`${IMG}/btk-cover.jpg`, `${IMG}/btk-2.jpg`]);
    // Each variant's own photo column (Image per Variation, Foto Variasi, Variant Image, Gambar (Warna)).
    expect(product.variants!.map((v) => v.images)).toEqual([[`${IMG}/btk-biru.jpg`], [`${IMG}/btk-biru.jpg`], [`${IMG}/btk-merah.jpg`]]);
    // Weights in grams whatever the template's unit (Shopee's English `Weight` is kg).
    expect(product.variants!.map((v) => v.weight)).toEqual([300, 320, 300]);
    // The template's own columns with nothing to sync are said once, never an error.
    expect(r.issues.every((i) => i.severity === "warning")).toBe(true);
  });
});

test("Shopee English template: its Mandatory/Optional row and its row of notes under every column are skipped, said once", async () => {
  const r = await load("shopee-mass-upload-en.csv", "shopee");
  expect(r.issues.filter((i) => i.code === "TEMPLATE_ROWS_SKIPPED").map((i) => [i.line, i.args?.lines])).toEqual([[2, "2, 3"]]);
  expect(bySku(r)["BTK-01"]!.min_order).toBe(1);
});

test("Tokopedia variant template: the `- Family` column is the template's, not an unknown column or an option", async () => {
  const r = await load("tokopedia-variant.csv", "tiktok-shop");
  expect(r.issues.map((i) => i.column)).not.toContain("Warna (1) - Family");
  expect(Object.keys(bySku(r)["BTK-01-BM"]!.variants![0]!.options)).toEqual(["Warna", "Ukuran Pakaian"]);
});

describe("unnumbered pairs", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "desbumi-templates-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const loadCsv = async (name: string, lines: string[]) => {
    await writeFile(join(dir, name), `${lines.join("\n")}\n`);
    return loadCatalog(name, { cwd: dir, rules: findAdapter("tiktok-shop")!.rules });
  };
  const D = "Jamu kunyit asam segar buatan kelompok ibu-ibu Desa Wonosobo tanpa pengawet.";

  test("`Tipe Varian` + `Pilihan Varian`: one pair, named by the type cell", async () => {
    const r = await loadCsv("tipe-pilihan.csv", [
      "Kode Induk,SKU,Nama Produk,Deskripsi,Tipe Varian,Pilihan Varian,Harga,Stok,Berat,Foto",
      `JMU-K,JMU-K-250,Jamu Kunyit Asam Segar Wonosobo,${D},Isi,250 ml,15000,10,300,${IMG}/j.jpg`,
      "JMU-K,JMU-K-500,,,Isi,500 ml,25000,5,550,",
    ]);
    expect(errors(r)).toEqual([]);
    expect(variantsOf(r, "JMU-K")).toEqual([["JMU-K-250", { Isi: "250 ml" }, 15_000, 10], ["JMU-K-500", { Isi: "500 ml" }, 25_000, 5]]);
  });

  test("a value column with no name column at all names its option by its header", async () => {
    const r = await loadCsv("pilihan-only.csv", [
      "Kode Induk,SKU,Nama Produk,Deskripsi,Pilihan Varian,Harga,Stok,Berat,Foto",
      `JMU-K,JMU-K-250,Jamu Kunyit Asam Segar Wonosobo,${D},250 ml,15000,10,300,${IMG}/j.jpg`,
      "JMU-K,JMU-K-500,,,500 ml,25000,5,550,",
    ]);
    expect(errors(r)).toEqual([]);
    expect(variantsOf(r, "JMU-K").map((v) => v[1])).toEqual([{ "Pilihan Varian": "250 ml" }, { "Pilihan Varian": "500 ml" }]);
  });
});

describe("Shopify product CSV export", () => {
  test("Handle groups; Title and product cells only on the first row; one Image Src per row adds a product photo; Default Title is no option", async () => {
    const r = await load("shopify-products.csv", "tiktok-shop");
    expect(errors(r)).toEqual([]);
    expect(variantsOf(r, "BTK-01-BM")).toEqual(BATIK_OPTIONS("Warna", "Ukuran"));
    const batik = bySku(r)["BTK-01-BM"]!;
    // Rows 3 and 4 carry photos 2 and 3 beside their variant; row 5 is a photo-only row.
    expect(batik.images).toEqual([`${IMG}/btk-cover.jpg`, `${IMG}/btk-2.jpg`, `${IMG}/btk-3.jpg`, `${IMG}/btk-4.jpg`]);
    expect(batik.variants!.map((v) => [v.images, v.weight, v.status])).toEqual([
      [[`${IMG}/btk-biru.jpg`], 300, "active"],
      [[`${IMG}/btk-biru.jpg`], 320, "active"],
      [[`${IMG}/btk-merah.jpg`], 300, "active"],
    ]);
    // A single-variant product (Option1 Title = Default Title) with a second photo row: single-SKU, draft = inactive.
    const keripik = bySku(r)["KRP-01"]!;
    expect([keripik.variants ?? [], keripik.attributes, keripik.status, keripik.images]).toEqual([[], undefined, "inactive", [`${IMG}/krp.jpg`, `${IMG}/krp-2.jpg`]]);
  });
});

describe("WooCommerce product CSV export", () => {
  test("a variable row is the product (no variant); variation rows name it by id:<ID> or by its SKU; their names repeat the product's", async () => {
    const r = await load("woocommerce-products.csv", "tiktok-shop");
    expect(errors(r)).toEqual([]);
    expect(variantsOf(r, "BTK-01")).toEqual(BATIK_OPTIONS("Warna", "Ukuran"));
    const batik = bySku(r)["BTK-01"]!;
    expect([batik.name, batik.category, batik.weight, batik.line]).toEqual(["Kemeja Batik Tulis Gajah Oling Banyuwangi", "Batik", 300, 2]);
    expect(batik.images).toEqual([`${IMG}/btk-cover.jpg`, `${IMG}/btk-2.jpg`]);
    // A variation's one image is its photo; an empty weight is the product's (Weight (kg) 0.3).
    expect(batik.variants!.map((v) => [v.images, v.weight])).toEqual([[[`${IMG}/btk-biru.jpg`], 300], [[`${IMG}/btk-biru.jpg`], 320], [[`${IMG}/btk-merah.jpg`], 300]]);
    expect(bySku(r)["KRP-01"]!.variants ?? []).toEqual([]);
  });

  describe("inline cases", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "desbumi-woo-"));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });
    const HEADER = "ID,Type,SKU,Name,Description,Stock,Weight (kg),Regular price,Images,Parent,Attribute 1 name,Attribute 1 value(s)";
    const D = "Keripik tempe renyah buatan ibu-ibu Desa Sukorambi Jember tanpa pengawet.";
    const PARENT = `201,variable,KRP-T,Keripik Tempe Renyah Sukorambi Jember,${D},,0.2,,${IMG}/t.jpg,,Rasa,"Original, Pedas"`;
    const ORI = "202,variation,KRP-T-ORI,Keripik Tempe Renyah Sukorambi Jember - Original,,4,,15000,,id:201,Rasa,Original";
    const PDS = "203,variation,KRP-T-PDS,Keripik Tempe Renyah Sukorambi Jember - Pedas,,2,,16000,,id:201,Rasa,Pedas";
    const loadWoo = async (name: string, rows: string[]) => {
      await writeFile(join(dir, name), `${[HEADER, ...rows].join("\n")}\n`);
      return loadCatalog(name, { cwd: dir, rules: findAdapter("tiktok-shop")!.rules });
    };

    test("the order of parent and variation rows does not matter", async () => {
      for (const [i, rows] of [[PARENT, ORI, PDS], [ORI, PARENT, PDS], [ORI, PDS, PARENT]].entries()) {
        const r = await loadWoo(`order-${i}.csv`, rows);
        expect(errors(r)).toEqual([]);
        expect(variantsOf(r, "KRP-T")).toEqual([["KRP-T-ORI", { Rasa: "Original" }, 15_000, 4], ["KRP-T-PDS", { Rasa: "Pedas" }, 16_000, 2]]);
      }
    });

    test("a variable row no variation joins: its empty price and stock are located errors, never a product at Rp 0", async () => {
      const r = await loadWoo("lonely-parent.csv", [PARENT]);
      expect(errors(r)).toEqual([["REQUIRED_VALUE_MISSING", 2, "Stock"], ["REQUIRED_VALUE_MISSING", 2, "Regular price"]]);
      expect(r.products).toEqual([]);
      expect(r.invalidSkus).toContain("KRP-T");
    });

    test("a variation row's own name that is not the product's is a located conflict", async () => {
      const r = await loadWoo("other-name.csv", [PARENT, ORI, "203,variation,KRP-T-PDS,Keripik Singkong Balado,,2,,16000,,id:201,Rasa,Pedas"]);
      expect(errors(r)).toEqual([["VARIANT_FIELD_CONFLICT", 4, "Name"]]);
    });
  });
});

test.each([
  ["shopee-mass-upload-en.csv", "shopee"],
  ["tiktok-batch-en.csv", "tiktok-shop"],
  ["shopify-products.csv", "tiktok-shop"],
  ["woocommerce-products.csv", "tiktok-shop"],
])("%s: a template column that means something else gets no did-you-mean (Height is not weight, Maximum is not Minimum Purchase Quantity)", async (file, marketplace) => {
  const r = await load(file, marketplace);
  expect(r.issues.filter((i) => i.code === "UNKNOWN_COLUMN" && i.args?.suggestion !== undefined).map((i) => [i.column, i.args?.suggestion])).toEqual([]);
});
