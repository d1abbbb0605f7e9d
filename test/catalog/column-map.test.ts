// CatalogResult.columns: where each field is in the file, for issues located after reading.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { loadCatalog, normalizeRows } from "../../src/catalog/index.js";
import type { RawRow } from "../../src/catalog/source.js";
import { resolveDesired } from "../../src/sync/desired.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-columns-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const IMG = "https://img.desbumi.example/1.jpg";

test("a CSV: header text as written and 0-based index; images at the first image column", async () => {
  await writeFile(
    join(dir, "k.csv"),
    `Katalog Desa\nKode Produk (SKU);Nama Produk;Harga (Rp);Stok;Berat (kg);Foto Produk 1;Foto Produk 2;Kategori\nA-1;Kopi;Rp 25.000;3;0,5;${IMG};;Kopi Bubuk\n`,
  );
  const result = await loadCatalog("k.csv", { cwd: dir });
  expect(result.columns).toEqual({
    sku: { header: "Kode Produk (SKU)", index: 0 },
    name: { header: "Nama Produk", index: 1 },
    price: { header: "Harga (Rp)", index: 2 },
    stock: { header: "Stok", index: 3 },
    weight: { header: "Berat (kg)", index: 4 },
    images: { header: "Foto Produk 1", index: 5 },
    category: { header: "Kategori", index: 7 },
  });
});

test("no header row: no column map", async () => {
  await writeFile(join(dir, "empty.csv"), "");
  expect((await loadCatalog("empty.csv", { cwd: dir })).columns).toBeUndefined();
});

test("sheet rows: sync's category issues point at the category cell", async () => {
  const rows: RawRow[] = [
    { line: 1, cells: ["Katalog Bumi Sejati"] },
    { line: 3, cells: ["SKU", "Nama", "Harga", "Stok", "Berat", "Foto", null, "Kode Kategori"] },
    { line: 4, cells: ["BS-1", "Batik Tulis", 250000, 2, 300, IMG, null, ""] },
    { line: 5, cells: ["BS-2", "Batik Cap", 150000, 2, 300, IMG, null, "Sepatu"] },
  ];
  const catalog = await normalizeRows(
    { format: "xlsx", sheet: "Produk", rows: (async function* () { yield* rows; })(), issues: [] },
    { file: "k.xlsx" },
  );
  expect(catalog.columns?.category).toEqual({ header: "Kode Kategori", index: 7 });
  const desired = resolveDesired({ file: "k.xlsx", products: catalog.products, columns: catalog.columns });
  expect(desired.issues.map((i) => [i.code, i.sheet, i.cell, i.column, i.line])).toEqual([
    ["CATEGORY_MISSING", "Produk", "H4", "Kode Kategori", 4],
    ["CATEGORY_NOT_FOUND", "Produk", "H5", "Kode Kategori", 5],
  ]);
});
