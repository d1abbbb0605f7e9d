// Issue 14.2: variants read from the layouts people use; one table line per check (code, line, column).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadCatalog } from "../../src/catalog/index.js";
import type { CatalogResult } from "../../src/catalog/types.js";
import { DEFAULT_RULES, type MarketplaceRules } from "../../src/rules.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures/catalogs-v2");
/** TikTok Shop ID's limits (shared/reference/tiktok-shop-api.md): 3 option types, 100 SKUs. */
const VARIANT_RULES: MarketplaceRules = { ...DEFAULT_RULES, maxOptionTypes: 3, maxVariants: 100 };
const IMG = "https://img.desbumi.example/a.jpg";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-variants-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
async function load(csv: string, rules: MarketplaceRules = VARIANT_RULES): Promise<CatalogResult> {
  const name = `v${n++}.csv`;
  await writeFile(join(dir, name), csv);
  return loadCatalog(name, { cwd: dir, rules });
}
const shape = (r: CatalogResult) => r.issues.map((i) => (i.column === undefined ? [i.code, i.line] : [i.code, i.line, i.column]));
const grouping = (r: CatalogResult) =>
  Object.fromEntries(r.products.map((p) => [p.sku, (p.variants ?? []).map((v) => v.sku).sort()]));

const PARENT_HEADER = "Kode Induk,SKU,Nama Produk,Ukuran,Warna,Harga,Stok,Berat,Foto";

describe("layouts", () => {
  test("parent code + option columns: one product, product fields from the first row, weight inherited", async () => {
    const r = await loadCatalog("batik-kode-induk.csv", { cwd: FIXTURES, rules: VARIANT_RULES });
    expect(r.issues).toEqual([]);
    expect(r.products.map((p) => [p.sku, p.name, p.price, p.stock, p.variants?.length ?? 0])).toEqual([
      ["BTK-LRG", "Kemeja Batik Tulis Lasem Lengan Panjang", 350_000, 15, 6],
      ["BTK-SRG-01", "Sarung Batik Cap Pekalongan", 120_000, 10, 0],
    ]);
    const [m, , xl] = r.products[0]!.variants!;
    expect(m).toEqual({ sku: "BTK-LRG-M-BIRU", options: { Ukuran: "M", Warna: "Biru" }, price: 350_000, stock: 4, weight: 300, images: ["https://img.desbumi.example/batik-lasem-biru.jpg"], status: "active", line: 2 });
    expect(xl?.weight).toBe(320);
  });

  test("no parent column: consecutive rows with the same name and a flavour column", async () => {
    const r = await loadCatalog("keripik-rasa.csv", { cwd: FIXTURES, rules: VARIANT_RULES });
    expect(r.issues).toEqual([]);
    expect(r.products.map((p) => [p.sku, p.variants?.map((v) => v.options) ?? []])).toEqual([
      ["KRP-TMP-ORI", [{ rasa: "Original" }, { rasa: "Pedas" }, { rasa: "Balado" }]],
      ["KRP-SKG", []],
    ]);
    expect(r.products[0]!.images).toEqual(["https://img.desbumi.example/keripik-tempe.jpg"]);
  });

  test("no variant photo column: a later row's one photo is that variant's photo, not a conflict", async () => {
    const r = await load(
      ["sku;nama produk;rasa;harga;stok;berat;foto", "K-ORI;Keripik Tempe 200 gr;Original;15000;4;200;https://img.desbumi.example/ori.jpg", "K-PDS;Keripik Tempe 200 gr;Pedas;15000;2;200;https://img.desbumi.example/pedas.jpg", "K-BLD;Keripik Tempe 200 gr;Balado;15000;2;200;"].join("\n"),
    );
    expect(r.issues).toEqual([]);
    expect(r.products[0]!.images).toEqual(["https://img.desbumi.example/ori.jpg"]);
    expect(r.products[0]!.variants!.map((v) => v.images)).toEqual([[], ["https://img.desbumi.example/pedas.jpg"], []]);
    // Two photos on a later row are still the product's photos written twice: a conflict at that cell.
    const two = await load(["sku;nama produk;rasa;harga;stok;berat;foto", "K-ORI;Keripik Tempe 200 gr;Original;15000;4;200;https://img.desbumi.example/ori.jpg", "K-PDS;Keripik Tempe 200 gr;Pedas;15000;2;200;https://img.desbumi.example/a.jpg|https://img.desbumi.example/b.jpg"].join("\n"));
    expect(shape(two)).toEqual([["VARIANT_FIELD_CONFLICT", 3, "foto"]]);
  });

  test("marketplace pairs: Nama Variasi 1 + Varian untuk Variasi 1, the name written on the first row only", async () => {
    const r = await load(
      ["SKU Induk,SKU,Nama Produk,Nama Variasi 1,Varian untuk Variasi 1,Harga,Stok,Berat,Foto", `JMU-K,JMU-K-250,Jamu Kunyit Asam,Isi,250 ml,15000,10,300,${IMG}`, "JMU-K,JMU-K-500,,,500 ml,25000,5,550,"].join("\n"),
    );
    expect(r.issues).toEqual([]);
    expect(r.products[0]!.variants!.map((v) => v.options)).toEqual([{ Isi: "250 ml" }, { Isi: "500 ml" }]);
  });

  test("Shopify product CSV: Handle groups, Option1 Name/Value, Variant SKU/Price/Inventory Qty/Grams", async () => {
    const r = await load(
      [
        "Handle,Title,Body (HTML),Option1 Name,Option1 Value,Variant SKU,Variant Grams,Variant Inventory Qty,Variant Price,Image Src",
        `kopi-ijen,Kopi Arabika Ijen,Kopi pilihan,Berat,250 g,KOPI-250,250,12,65000,${IMG}`,
        "kopi-ijen,,,,1 kg,KOPI-1000,1000,4,240000,",
      ].join("\n"),
    );
    expect(r.issues).toEqual([]);
    expect(r.products[0]!.variants!.map((v) => [v.sku, v.options, v.weight])).toEqual([
      ["KOPI-250", { Berat: "250 g" }, 250],
      ["KOPI-1000", { Berat: "1 kg" }, 1000],
    ]);
  });

  test("a lone row with an option value is a single product; the option is kept as an attribute", async () => {
    const r = await load(["SKU,Nama Produk,Warna,Harga,Stok,Berat,Foto", `S-1,Selendang Tenun,Merah,90000,3,200,${IMG}`].join("\n"));
    expect(r.products.map((p) => [p.sku, p.variants, p.attributes])).toEqual([["S-1", undefined, { Warna: "Merah" }]]);
  });
});

describe("checks, each located", () => {
  test.each<[string, string[], MarketplaceRules, (string | number)[][]]>([
    [
      "a variant row contradicting the first row's name",
      [`A,A-M,Kemeja Batik,M,Biru,1000,1,100,${IMG}`, "A,A-L,Kemeja Lurik,L,Biru,1000,1,100,"],
      VARIANT_RULES,
      [["VARIANT_FIELD_CONFLICT", 3, "Nama Produk"]],
    ],
    [
      "duplicate option combination",
      [`A,A-M,Kemeja,M,Biru,1000,1,100,${IMG}`, "A,A-M2,,m,biru,1000,1,100,"],
      VARIANT_RULES,
      [["VARIANT_DUPLICATE_OPTIONS", 2, "Ukuran"], ["VARIANT_DUPLICATE_OPTIONS", 3, "Ukuran"]],
    ],
    [
      "a variant missing an option the others have",
      [`A,A-M,Kemeja,M,Biru,1000,1,100,${IMG}`, "A,A-L,,L,,1000,1,100,"],
      VARIANT_RULES,
      [["VARIANT_OPTION_MISSING", 3, "Warna"]],
    ],
    [
      "more option types than the marketplace takes",
      [`A,A-M,Kemeja,M,Biru,1000,1,100,${IMG}`, "A,A-L,,L,Merah,1000,1,100,"],
      { ...VARIANT_RULES, maxOptionTypes: 1 },
      [["TOO_MANY_OPTION_TYPES", 2, "Warna"]],
    ],
    [
      "more variants than the marketplace takes",
      [`A,A-M,Kemeja,M,Biru,1000,1,100,${IMG}`, "A,A-L,,L,Biru,1000,1,100,", "A,A-XL,,XL,Biru,1000,1,100,"],
      { ...VARIANT_RULES, maxVariants: 2 },
      [["TOO_MANY_VARIANTS", 2]],
    ],
    [
      "a marketplace without variants refuses the product, located",
      [`A,A-M,Kemeja,M,Biru,1000,1,100,${IMG}`, "A,A-L,,L,Biru,1000,1,100,"],
      DEFAULT_RULES,
      [["VARIANTS_NOT_SUPPORTED", 2]],
    ],
    [
      "an option value longer than the marketplace takes (Shopee: 20), once per value",
      [`A,A-M,Kemeja,M,Merah Marun Tua Sekali Ya,1000,1,100,${IMG}`, "A,A-L,,L,Merah Marun Tua Sekali Ya,1000,1,100,"],
      { ...VARIANT_RULES, optionValueMaxLength: 20 },
      [["VARIANT_OPTION_TOO_LONG", 2, "Warna"]],
    ],
    [
      "a variant SKU equal to another product's",
      [`A,A-M,Kemeja,M,Biru,1000,1,100,${IMG}`, "A,A-L,,L,Biru,1000,1,100,", `,A-L,Sarung,,,1000,1,100,${IMG}`],
      VARIANT_RULES,
      [["DUPLICATE_SKU", 3, "SKU"], ["DUPLICATE_SKU", 4, "SKU"]],
    ],
    [
      "a continuation row needs no name, photo or weight; a first row does",
      [`A,A-M,,M,Biru,1000,1,,`, "A,A-L,,L,Biru,1000,1,,"],
      VARIANT_RULES,
      [["REQUIRED_VALUE_MISSING", 2, "Nama Produk"], ["REQUIRED_VALUE_MISSING", 2, "Berat"], ["NO_IMAGES", 2, "Foto"]],
    ],
  ])("%s", async (_name, rows, rules, expected) => {
    const r = await load([PARENT_HEADER, ...rows].join("\n"), rules);
    expect(shape(r)).toEqual(expected);
    expect(r.valid).toBe(false);
    expect(r.products.filter((p) => p.sku === "A")).toEqual([]);
  });

  test("an option name longer than the marketplace takes (Shopee: 14), at its name cell", async () => {
    const header = "SKU Induk,SKU,Nama Produk,Nama Variasi 1,Varian untuk Variasi 1,Harga,Stok,Berat,Foto";
    const r = await load([header, `J,J-1,Jamu,Isi Botol Kaca Kecil,250 ml,1000,1,100,${IMG}`, "J,J-2,,,500 ml,1000,1,100,"].join("\n"), { ...VARIANT_RULES, optionNameMaxLength: 14 });
    expect(shape(r)).toEqual([["VARIANT_OPTION_TOO_LONG", 2, "Nama Variasi 1"]]);
    expect(r.issues[0]).toMatchObject({ value: "Isi Botol Kaca Kecil", args: { part: "name", length: 20, max: 14 } });
  });

  test("empty option value of a name/value pair", async () => {
    const r = await load(["SKU Induk,SKU,Nama Produk,Nama Variasi 1,Varian untuk Variasi 1,Harga,Stok,Berat,Foto", `J,J-1,Jamu,Isi,250 ml,1000,1,100,${IMG}`, "J,J-2,,Isi,,1000,1,100,"].join("\n"));
    expect(shape(r)).toEqual([["VARIANT_OPTION_EMPTY", 3, "Varian untuk Variasi 1"]]);
  });

  test("an invalid group keeps every one of its SKUs away from sync", async () => {
    const r = await load([PARENT_HEADER, `A,A-M,Kemeja,M,Biru,1000,1,100,${IMG}`, "A,A-L,,L,Biru,abc,1,100,"].join("\n"));
    expect(shape(r)).toEqual([["INVALID_PRICE", 3, "Harga"]]);
    expect(r.invalidSkus.sort()).toEqual(["A", "A-L", "A-M"]);
  });

  test("XLSX locations: variants carry sheet and cell", async () => {
    // NOTE: the xlsx path shares the pipeline; a CSV suffices for grouping, the xlsx fixture test covers cells.
    const r = await loadCatalog("batik-kode-induk.csv", { cwd: FIXTURES, rules: VARIANT_RULES });
    expect(r.products[0]!.variants![0]!.cell).toBeUndefined();
  });
});

describe("properties", () => {
  const ROWS = [
    `A,A-M-B,Kemeja,M,Biru,1000,1,100,${IMG}`,
    `A,A-L-B,Kemeja,L,Biru,1000,2,100,${IMG}`,
    `A,A-M-M,Kemeja,M,Merah,1000,3,100,${IMG}`,
    `B,B-S,Sarung,S,Hijau,2000,1,200,${IMG}`,
    `B,B-L,Sarung,L,Hijau,2000,1,200,${IMG}`,
    `,C-1,Selendang,,,3000,1,150,${IMG}`,
  ];
  test("the order of rows does not matter for grouping by parent code", async () => {
    const expected = grouping(await load([PARENT_HEADER, ...ROWS].join("\n")));
    expect(expected).toEqual({ A: ["A-L-B", "A-M-B", "A-M-M"], B: ["B-L", "B-S"], "C-1": [] });
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(ROWS, { minLength: ROWS.length, maxLength: ROWS.length }), async (rows) => {
        const r = await load([PARENT_HEADER, ...rows].join("\n"));
        expect(r.issues).toEqual([]);
        expect(grouping(r)).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });

  test("without a parent column: the order of products, and of rows within a product's run, does not matter", async () => {
    const header = "SKU,Nama Produk,Rasa,Harga,Stok,Berat,Foto";
    const blocks = [
      [`T-ORI,Keripik Tempe,Original,15000,4,200,${IMG}`, "T-PDS,Keripik Tempe,Pedas,15000,2,200,", "T-BLD,Keripik Tempe,Balado,16000,1,200,"],
      [`S-ORI,Keripik Singkong,Original,12000,3,250,${IMG}`, "S-BLD,Keripik Singkong,Balado,12000,3,250,"],
      [`K-1,Kopi Robusta,,25000,5,250,${IMG}`],
    ];
    const byName = (r: CatalogResult) => Object.fromEntries(r.products.map((p) => [p.name, (p.variants ?? []).map((v) => v.sku).sort()]));
    const expected = { "Keripik Tempe": ["T-BLD", "T-ORI", "T-PDS"], "Keripik Singkong": ["S-BLD", "S-ORI"], "Kopi Robusta": [] };
    // NOTE: the first row of a run holds the product's photo; a shuffled run moves it with the product cells.
    const withPhotoFirst = (rows: string[]) => rows.map((row, i) => (i === 0 ? row.replace(/,$/, `,${IMG}`) : row.replace(new RegExp(`,${IMG.replace(/[.]/g, "\\.")}$`), ",")));
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(blocks, { minLength: 3, maxLength: 3 }), fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), async (order, seeds) => {
        const rows = order.flatMap((block, i) => withPhotoFirst([...block.slice(seeds[i]! % block.length), ...block.slice(0, seeds[i]! % block.length)]));
        const r = await load([header, ...rows].join("\n"));
        expect(r.issues).toEqual([]);
        expect(byName(r)).toEqual(expected);
      }),
      { numRuns: 20 },
    );
  });
});
