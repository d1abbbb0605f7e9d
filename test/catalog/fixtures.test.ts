// One line per scenario: which codes at which lines and columns (wording is not tested here).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadCatalog } from "../../src/catalog/index.js";
import type { Issue } from "../../src/issues.js";

const SCENARIOS = join(import.meta.dirname, "../fixtures/catalogs");
const GROUPS = join(import.meta.dirname, "../../fixtures/catalogs");

type Expected = [code: Issue["code"], line: number, column?: string];

const shape = (issues: Issue[]): Expected[] =>
  issues.map((i) => (i.column === undefined ? [i.code, i.line ?? 0] : [i.code, i.line ?? 0, i.column]) as Expected);
const sorted = (xs: Expected[]): Expected[] => [...xs].sort((a, b) => a[1] - b[1] || String(a).localeCompare(String(b)));

async function expectIssues(name: string, expected: Expected[]): Promise<void> {
  const result = await loadCatalog(name, { cwd: SCENARIOS });
  expect(sorted(shape(result.issues))).toEqual(sorted(expected));
}

describe("scenario fixtures", () => {
  test.each<[string, Expected[]]>([
    ["duplicate-sku.csv", [["DUPLICATE_SKU", 4, "sku"], ["DUPLICATE_SKU", 9, "sku"]]],
    ["duplicate-name.csv", [["DUPLICATE_NAME", 2, "nama produk"], ["DUPLICATE_NAME", 4, "nama produk"]]],
    ["ambiguous-price.csv", [["AMBIGUOUS_NUMBER", 2, "harga"], ["AMBIGUOUS_NUMBER", 3, "harga"], ["AMBIGUOUS_NUMBER", 4, "harga"]]],
    ["invalid-price.csv", [["INVALID_PRICE", 2, "harga"], ["INVALID_PRICE", 3, "harga"], ["INVALID_PRICE", 4, "harga"]]],
    ["price-out-of-range.csv", [["PRICE_OUT_OF_RANGE", 2, "harga"], ["PRICE_OUT_OF_RANGE", 3, "harga"]]],
    ["missing-column.csv", [["MISSING_COLUMN", 1], ["MISSING_COLUMN", 1]]],
    ["no-header.csv", ["sku", "name", "price", "stock", "weight", "images"].map((): Expected => ["MISSING_COLUMN", 1])],
    // issue 14: `warna` is an option column now (a lone row's option becomes an attribute).
    ["unknown-column.csv", [["UNKNOWN_COLUMN", 1, "deskripsii"]]],
    ["duplicate-column.csv", [["DUPLICATE_COLUMN", 1, "price"]]],
    ["title-row.csv", []],
    ["multiline-description.csv", [["AMBIGUOUS_NUMBER", 5, "harga"]]],
    ["crlf-multiline.csv", [["AMBIGUOUS_NUMBER", 4, "harga"]]],
    ["cr-only.csv", [["AMBIGUOUS_NUMBER", 4, "harga"]]],
    ["unclosed-quote.csv", [["MALFORMED_CSV", 5]]],
    ["ragged-row.csv", [["MALFORMED_CSV", 3]]],
    ["sep-line.csv", [["AMBIGUOUS_NUMBER", 4, "berat"]]],
    ["pipe-delimited.csv", []],
    ["required-missing.csv", [
      ["REQUIRED_VALUE_MISSING", 2, "sku"], ["REQUIRED_VALUE_MISSING", 3, "nama produk"], ["REQUIRED_VALUE_MISSING", 4, "harga"],
      ["REQUIRED_VALUE_MISSING", 5, "stok"], ["REQUIRED_VALUE_MISSING", 5, "berat"],
    ]],
    ["invalid-weight.csv", [["INVALID_WEIGHT", 2, "berat"], ["INVALID_WEIGHT", 3, "berat"], ["AMBIGUOUS_NUMBER", 4, "berat"]]],
    ["weight-out-of-range.csv", [["WEIGHT_OUT_OF_RANGE", 2, "berat"], ["WEIGHT_OUT_OF_RANGE", 3, "berat"]]],
    ["invalid-stock.csv", [["INVALID_STOCK", 2, "stok"], ["INVALID_STOCK", 3, "stok"], ["INVALID_STOCK", 4, "stok"], ["STOCK_OUT_OF_RANGE", 5, "stok"]]],
    ["enums.csv", [["INVALID_CONDITION", 2, "kondisi"], ["INVALID_STATUS", 3, "status"], ["INVALID_MIN_ORDER", 4, "min order"], ["INVALID_MIN_ORDER", 6, "min order"]]],
    ["invalid-sku.csv", [["INVALID_SKU", 2, "sku"], ["INVALID_SKU", 3, "sku"], ["INVALID_SKU", 5, "sku"]]],
    ["name-too-long.csv", [["NAME_TOO_LONG", 2, "nama produk"]]],
    ["description-too-long.csv", [["DESCRIPTION_TOO_LONG", 2, "deskripsi"]]],
    ["html-description.csv", [["HTML_IN_DESCRIPTION", 2, "deskripsi"]]],
    // kopi.jpg on line 3 is a local photo reference now (issue 14): validate/sync check the file (PHOTO_NOT_FOUND).
    ["invalid-image-url.csv", [["INVALID_IMAGE_URL", 2, "foto"]]],
    ["too-many-images.csv", [["TOO_MANY_IMAGES", 2, "foto"]]],
    ["no-images.csv", [["NO_IMAGES", 2, "foto"]]],
    ["image-columns.csv", [["NO_IMAGES", 3, "foto produk 1"]]],
    ["header-only.csv", [["EMPTY_FILE", 1]]],
    ["empty.csv", [["EMPTY_FILE", 1]]],
    ["whitespace-only.csv", [["EMPTY_FILE", 1]]],
    ["cp1252.csv", [["ENCODING_GUESSED", 2]]],
    ["utf16le-tab.csv", [["AMBIGUOUS_NUMBER", 3, "harga"]]],
    ["utf16be.csv", []],
    ["zip-named.csv", [["FILE_TYPE_MISMATCH", 1]]],
    ["old-excel.xls", [["FILE_TYPE_MISMATCH", 1]]],
    ["text-named.xlsx", [["FILE_TYPE_MISMATCH", 1]]],
    ["binary-nul.csv", [["FILE_TYPE_MISMATCH", 1]]],
  ])("%s", async (name, expected) => {
    await expectIssues(name, expected);
  });

  test("every scenario file is in the table above", () => {
    const files = readdirSync(SCENARIOS).filter((f) => !f.endsWith(".mjs"));
    expect(files.length).toBeGreaterThanOrEqual(40);
  });
});

describe("what the scenarios carry besides codes", () => {
  test("duplicate SKU names every line and keeps the SKU out of products", async () => {
    const r = await loadCatalog("duplicate-sku.csv", { cwd: SCENARIOS });
    expect(r.issues.map((i) => i.args?.lines)).toEqual(["4, 9", "4, 9"]);
    expect(r.products.map((p) => p.sku)).not.toContain("K-03");
    expect(r.invalidSkus).toEqual(["K-03"]);
    expect(r.rows).toBe(8);
  });

  test("duplicate name carries a value on every line, the first included (the name as the next line writes it)", async () => {
    const r = await loadCatalog("duplicate-name.csv", { cwd: SCENARIOS });
    expect(r.issues.map((i) => [i.line, i.value, i.args?.lines])).toEqual([
      [2, "carica WONOSOBO", "2, 4"],
      [4, "carica WONOSOBO", "2, 4"],
    ]);
    const sku = await loadCatalog("duplicate-sku.csv", { cwd: SCENARIOS });
    expect(sku.issues.map((i) => [i.line, i.value])).toEqual([[4, "K-03"], [9, "K-03"]]);
  });

  test("file-type and missing-column args", async () => {
    const args = async (name: string) => (await loadCatalog(name, { cwd: SCENARIOS })).issues.map((i) => i.args);
    expect(await args("zip-named.csv")).toEqual([{ actual: "xlsx", expected: "csv" }]);
    expect(await args("old-excel.xls")).toEqual([{ actual: "xls" }]);
    expect(await args("text-named.xlsx")).toEqual([{ actual: "csv", expected: "xlsx" }]);
    expect(await args("binary-nul.csv")).toEqual([{ actual: "binary" }]);
    expect(await args("missing-column.csv")).toEqual([{ field: "weight" }, { field: "images" }]);
    expect(await args("unknown-column.csv")).toEqual([{ suggestion: "deskripsi" }]);
  });

  test("unclosed quote: rows above the broken record are still read", async () => {
    const r = await loadCatalog("unclosed-quote.csv", { cwd: SCENARIOS });
    expect(r.products.map((p) => [p.sku, p.line, p.description])).toEqual([["UQ-01", 2, "Enak\ndan wangi"], ["UQ-02", 4, ""]]);
    expect(r.issues[0]?.args).toEqual({ reason: "unclosed_quote" });
  });

  test("Windows-1252 and UTF-16 text is decoded, never U+FFFD", async () => {
    const cp = await loadCatalog("cp1252.csv", { cwd: SCENARIOS });
    expect(cp.products.map((p) => p.name)).toEqual(["Kopi Lanang Jember – 250 gr", "Café Kopi Osing"]);
    const le = await loadCatalog("utf16le-tab.csv", { cwd: SCENARIOS });
    expect(le.products.map((p) => [p.name, p.price])).toEqual([["Kopi Arabika – Ijen", 65000]]);
    const be = await loadCatalog("utf16be.csv", { cwd: SCENARIOS });
    expect(be.products.map((p) => p.name)).toEqual(["Café"]);
  });

  test("values are normalized; leading zeros survive; issue value is the raw cell", async () => {
    const sku = await loadCatalog("invalid-sku.csv", { cwd: SCENARIOS });
    expect(sku.products.map((p) => p.sku)).toEqual(["007"]);
    const long = await loadCatalog("description-too-long.csv", { cwd: SCENARIOS });
    expect(long.issues[0]?.args).toEqual({ length: 2001, max: 2000 });
    expect(long.issues[0]?.value?.length).toBeLessThanOrEqual(201);
    const images = await loadCatalog("image-columns.csv", { cwd: SCENARIOS });
    expect(images.products[0]?.images).toHaveLength(3);
    const title = await loadCatalog("title-row.csv", { cwd: SCENARIOS });
    expect(title.products.map((p) => p.line)).toEqual([5, 6]);
  });
});

describe("group catalogues in fixtures/catalogs", () => {
  const files = readdirSync(GROUPS).filter((f) => f.endsWith(".csv"));

  test("there is one per group", () => {
    expect(files).toEqual(expect.arrayContaining(["muiwo-lipursari.csv", "bumi-adikusuma.csv", "bumi-sejati.csv", "dukuhdempok-jember.csv", "indramayu.csv", "banyuwangi.csv"]));
  });

  test.each(files)("%s validates with no errors", async (name) => {
    const r = await loadCatalog(name, { cwd: GROUPS });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.rows).toBeGreaterThanOrEqual(8);
    expect(r.products).toHaveLength(r.rows);
  });

  test("the semicolon, Windows-1252 and template-header files read as intended", async () => {
    const adikusuma = await loadCatalog("bumi-adikusuma.csv", { cwd: GROUPS });
    expect(adikusuma.products[0]).toMatchObject({ sku: "BA-KOPI-01", price: 55000, weight: 250, line: 2 });
    const sejati = await loadCatalog("bumi-sejati.csv", { cwd: GROUPS });
    expect(sejati.issues.map((i) => [i.code, i.line])).toEqual([["ENCODING_GUESSED", 2]]);
    expect(sejati.products[0]?.name).toBe("Batik Tulis Rogojati – Motif Parang Klitik");
    const jember = await loadCatalog("dukuhdempok-jember.csv", { cwd: GROUPS });
    expect(jember.products[0]).toMatchObject({ sku: "DD-KOPI-250", category: "2982", etalase: "Kopi", weight: 270, price: 38000, images: [expect.any(String), expect.any(String)] });
    const lipursari = await loadCatalog("muiwo-lipursari.csv", { cwd: GROUPS });
    expect(lipursari.products.map((p) => p.line).slice(0, 2)).toEqual([2, 5]);
  });
});
