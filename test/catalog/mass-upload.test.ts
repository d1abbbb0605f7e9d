// Issue 14: a marketplace's own mass-upload workbook is a catalogue too. Shopee's "Template" sheet
// has a row of column keys, a section row, the display names, a "Wajib/Opsional" row and a row of
// column notes before the first product (data from row 6), beside an instructions sheet and an
// example sheet. The header is found by content and the guidance rows are skipped, said once.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { findAdapter } from "../../src/adapters/index.js";
import { loadCatalog } from "../../src/catalog/index.js";
import { formatIssue } from "../../src/report/messages.js";

// Shopee's own rules: its template is for Shopee, which takes variants (2 tiers).
const rules = findAdapter("shopee")!.rules;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-mass-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const IMG = "https://images.desbumi.example/a.jpg";
const KEYS = ["ps_category|1|0", "ps_product_name|1|0", "ps_product_description|1|0", "ps_sku_parent_short|0|0", "et_title_variation_integration_no|0|0", "et_title_variation_1|0|0", "et_title_option_for_variation_1|0|0", "et_title_variation_2|0|0", "et_title_option_for_variation_2|0|0", "ps_price|1|1", "ps_stock|0|1", "ps_sku_short|0|0", "ps_item_cover_image|0|3", "ps_weight|1|1"];
const NAMES = ["Kategori", "Nama Produk", "Deskripsi Produk", "SKU Induk", "Kode Integrasi Variasi", "Nama Variasi 1", "Varian untuk Variasi 1", "Nama Variasi 2", "Varian untuk Variasi 2", "Harga", "Stok", "Kode Variasi", "Foto Sampul", "Berat"];
const MARKS = ["Wajib", "Wajib", "Wajib", "Opsional", "Opsional", "Opsional", "Opsional", "Opsional", "Opsional", "Wajib", "Wajib", "Opsional", "Wajib", "Wajib"];
const NOTES = ["Pilih kategori", "Masukkan nama produk 10-255 karakter", "Deskripsi 20-3000 karakter", "", "Isi nomor integrasi untuk produk bervariasi", "Misal: Warna", "Misal: Merah", "Misal: Ukuran", "Misal: S", "Harga dalam Rupiah", "Jumlah stok", "", "URL foto sampul", "Berat dalam gram"];
const DESC = "Kemeja batik tulis buatan kelompok Desbumi Banyuwangi, bahan katun halus.";
const PRODUCTS: (string | number)[][] = [
  ["100017", "Kemeja Batik Tulis Gajah Oling", DESC, "BTK-01", "V1", "Warna", "Biru", "Ukuran", "M", 150000, 5, "BTK-01-BM", IMG, 300],
  ["", "", "", "BTK-01", "V1", "Warna", "Biru", "Ukuran", "L", 155000, 3, "BTK-01-BL", "", 300],
  ["100017", "Kemeja Batik Tulis Gajah Oling", DESC, "BTK-01", "V1", "Warna", "Merah", "Ukuran", "M", 150000, 0, "BTK-01-RM", "", 300],
  ["100018", "Keripik Singkong Pedas 250 gr", "Keripik singkong pedas renyah tanpa pengawet, 250 gram.", "", "", "", "", "", "", 15000, 20, "KRP-01", IMG, 250],
];

async function workbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  await writeFile(join(dir, name), Buffer.from(await wb.xlsx.writeBuffer()));
  return name;
}

function template(wb: ExcelJS.Workbook, rows = PRODUCTS): void {
  const guide = wb.addWorksheet("Pedoman");
  guide.addRow(["Panduan pengisian template mass upload"]);
  guide.addRow(["Isi rincian produk mulai baris keenam"]);
  const t = wb.addWorksheet("Template");
  t.addRow(KEYS);
  t.addRow(["basic", "", "", "", "", "", "", "", "", "sales"]);
  t.addRow(NAMES);
  t.addRow(MARKS);
  t.addRow(NOTES);
  for (const r of rows) t.addRow(r);
}

describe("Shopee mass-upload workbook, as the facilitator filled it", () => {
  test("products with tiers and models are read; the guidance rows are skipped and said once", async () => {
    const file = await workbook("mass.xlsx", template);
    const r = await loadCatalog(file, { cwd: dir, rules, sheet: "Template" });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    const skipped = r.issues.filter((i) => i.code === "TEMPLATE_ROWS_SKIPPED");
    expect(skipped.map((i) => [i.line, i.args?.lines, i.severity])).toEqual([[4, "4, 5", "warning"]]);
    expect(formatIssue(skipped[0]!, "en").message).toMatch(/^Rows 4, 5 below the header hold the template's guidance/);
    expect(formatIssue(skipped[0]!, "id").message).toMatch(/^Baris 4, 5 di bawah judul kolom berisi petunjuk template/);
    const byParent = Object.fromEntries(r.products.map((p) => [p.sku, p]));
    expect(Object.keys(byParent).sort()).toEqual(["BTK-01", "KRP-01"]);
    expect((byParent["BTK-01"]!.variants ?? []).map((v) => [v.sku, v.options, v.price, v.stock])).toEqual([
      ["BTK-01-BM", { Warna: "Biru", Ukuran: "M" }, 150000, 5],
      ["BTK-01-BL", { Warna: "Biru", Ukuran: "L" }, 155000, 3],
      ["BTK-01-RM", { Warna: "Merah", Ukuran: "M" }, 150000, 0],
    ]);
    expect(byParent["KRP-01"]!.variants ?? []).toEqual([]);
  });

  test("without --sheet the instructions sheet is passed over for the template", async () => {
    const file = await workbook("mass-default.xlsx", template);
    const r = await loadCatalog(file, { cwd: dir, rules });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(r.products.map((p) => p.sku).sort()).toEqual(["BTK-01", "KRP-01"]);
  });

  test("an example sheet before the template, with a header and example products, is passed over", async () => {
    const file = await workbook("mass-example-first.xlsx", (wb) => {
      const ex = wb.addWorksheet("Contoh");
      ex.addRow(NAMES);
      ex.addRow(["100017", "Contoh Kemeja Batik Tulis Motif Parang", DESC, "", "", "", "", "", "", 99000, 1, "CONTOH-1", IMG, 100]);
      template(wb);
    });
    const r = await loadCatalog(file, { cwd: dir, rules });
    expect(r.products.map((p) => p.sku).sort()).toEqual(["BTK-01", "KRP-01"]);
    const guessed = r.issues.find((i) => i.code === "SHEET_GUESSED")!;
    expect(guessed.sheet).toBe("Template");
    expect(formatIssue(guessed, "en").message).toBe('The first sheet "Contoh" looks like an example or instructions, so sheet "Template" was read');
    expect(formatIssue(guessed, "id").message).toBe('Lembar pertama "Contoh" tampaknya contoh atau petunjuk, jadi lembar "Template" yang dibaca');
  });

  test("only rows before the first product qualify: a later 'Wajib' row is a broken product row", async () => {
    const rows = [PRODUCTS[3]!, MARKS];
    const file = await workbook("mass-late.xlsx", (wb) => template(wb, rows));
    const r = await loadCatalog(file, { cwd: dir, rules, sheet: "Template" });
    const late = r.issues.filter((i) => i.line === 7);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((i) => i.severity === "error")).toBe(true);
  });

  test("a first row without SKU but with a price is a product row with its error, never skipped", async () => {
    const rows = [["100018", "Keripik Balado 250 gr", "Keripik singkong balado renyah tanpa pengawet.", "", "", "", "", "", "", 15000, 20, "", IMG, 250]];
    const file = await workbook("mass-nosku.xlsx", (wb) => template(wb, rows));
    const r = await loadCatalog(file, { cwd: dir, rules, sheet: "Template" });
    expect(r.issues.map((i) => [i.code, i.line])).toContainEqual(["REQUIRED_VALUE_MISSING", 6]);
  });

  test("the same layout as CSV (exported from the workbook)", async () => {
    const csv = [NAMES, MARKS, NOTES, ...PRODUCTS].map((r) => r.map((c) => `"${String(c)}"`).join(";")).join("\n");
    await writeFile(join(dir, "mass.csv"), `${csv}\n`);
    const r = await loadCatalog("mass.csv", { cwd: dir, rules });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(r.issues.filter((i) => i.code === "TEMPLATE_ROWS_SKIPPED").map((i) => i.args?.lines)).toEqual(["2, 3"]);
    expect(r.products.map((p) => p.sku).sort()).toEqual(["BTK-01", "KRP-01"]);
  });
});
