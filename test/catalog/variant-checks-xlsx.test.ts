// Issue 14, "each located": every variant check as a one-line table entry pinning code, line,
// column and sheet!cell, read from an XLSX (a CSV has no cells); product-level cells that contradict
// the first row are errors at the contradicting cell, whichever field it is.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadCatalog } from "../../src/catalog/index.js";
import { DEFAULT_RULES, type MarketplaceRules } from "../../src/rules.js";

const RULES: MarketplaceRules = { ...DEFAULT_RULES, maxOptionTypes: 3, maxVariants: 100 };
const IMG = "https://img.desbumi.example/a.jpg";
const D = "Kemeja batik tulis Banyuwangi";
//               A            B      C              D            E           F         G        H        I       J        K
const NAMED = ["Kode Induk", "SKU", "Nama Produk", "Deskripsi", "Kategori", "Ukuran", "Warna", "Harga", "Stok", "Berat", "Foto"];
//               A           B      C              D            E           F                 G                         H        I       J        K
const PAIRED = ["SKU Induk", "SKU", "Nama Produk", "Deskripsi", "Kategori", "Nama Variasi 1", "Varian untuk Variasi 1", "Harga", "Stok", "Berat", "Foto"];
const first = (size: string, colour: string): (string | number)[] => ["A", `A-${size}`, "Kemeja Batik", D, "Batik", size, colour, 150000, 2, 300, IMG];
const later = (size: string, colour: string, over: Partial<Record<"name" | "description" | "category" | "sku", string>> = {}): (string | number)[] =>
  ["A", over.sku ?? `A-${size}-${colour}`, over.name ?? "", over.description ?? "", over.category ?? "", size, colour, 150000, 1, "", ""];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-variant-xlsx-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
async function load(header: string[], rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Produk");
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  const name = `v${n++}.xlsx`;
  await writeFile(join(dir, name), Buffer.from(await wb.xlsx.writeBuffer()));
  return loadCatalog(name, { cwd: dir, rules: RULES });
}

describe("variant checks, located at sheet!cell", () => {
  test.each<[string, string[], (string | number)[][], [string, number, string, string][]]>([
    ["a later row's name contradicts the first row's", NAMED, [first("M", "Biru"), later("L", "Biru", { name: "Kemeja Lurik" })], [["VARIANT_FIELD_CONFLICT", 3, "Nama Produk", "Produk!C3"]]],
    ["a later row's description contradicts the first row's", NAMED, [first("M", "Biru"), later("L", "Biru", { description: "Kemeja lurik Klaten" })], [["VARIANT_FIELD_CONFLICT", 3, "Deskripsi", "Produk!D3"]]],
    ["a later row's category contradicts the first row's", NAMED, [first("M", "Biru"), later("L", "Biru", { category: "Sarung" })], [["VARIANT_FIELD_CONFLICT", 3, "Kategori", "Produk!E3"]]],
    ["a duplicate option combination, at each of its rows", NAMED, [first("M", "Biru"), later("m", "biru")], [["VARIANT_DUPLICATE_OPTIONS", 2, "Ukuran", "Produk!F2"], ["VARIANT_DUPLICATE_OPTIONS", 3, "Ukuran", "Produk!F3"]]],
    ["a variant missing an option the others have", NAMED, [first("M", "Biru"), later("L", "")], [["VARIANT_OPTION_MISSING", 3, "Warna", "Produk!G3"]]],
    [
      "an empty option value of a name/value pair",
      PAIRED,
      [["J", "J-250", "Jamu Kunyit Asam", D, "Jamu", "Isi", "250 ml", 15000, 2, 300, IMG], ["J", "J-500", "", "", "", "Isi", "", 25000, 1, "", ""]],
      [["VARIANT_OPTION_EMPTY", 3, "Varian untuk Variasi 1", "Produk!G3"]],
    ],
    [
      "a variant SKU equal to another product's",
      NAMED,
      [first("M", "Biru"), later("L", "Biru", { sku: "S-1" }), ["", "S-1", "Sarung Tenun", D, "Sarung", "", "", 90000, 1, 200, IMG]],
      [["DUPLICATE_SKU", 3, "SKU", "Produk!B3"], ["DUPLICATE_SKU", 4, "SKU", "Produk!B4"]],
    ],
  ])("%s", async (_name, header, rows, expected) => {
    const r = await load(header, rows);
    expect(r.issues.map((i) => [i.code, i.line, i.column, `${i.sheet}!${i.cell}`])).toEqual(expected);
    expect(r.products.filter((p) => p.sku === "A" || p.sku === "J")).toEqual([]);
  });

  test("a valid group: each variant carries its sheet and the cell of its SKU", async () => {
    const r = await load(NAMED, [first("M", "Biru"), later("L", "Biru")]);
    expect(r.issues).toEqual([]);
    expect(r.products[0]!.variants!.map((v) => [v.sku, v.line, v.sheet, v.cell])).toEqual([["A-M", 2, "Produk", "B2"], ["A-L-Biru", 3, "Produk", "B3"]]);
  });
});
