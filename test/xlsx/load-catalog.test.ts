// .xlsx catalogues end to end: loadCatalog (shared pipeline over readXlsx), the CLI, and the round
// trip catalogue -> bulk-upload workbook -> independent reader.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import readXlsxFile from "read-excel-file/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTokopediaBulkAdapter, tokopediaBulkOptionsSchema } from "../../src/adapters/tokopedia-bulk/index.js";
import { BULK_COLUMNS } from "../../src/adapters/tokopedia-bulk/layout.js";
import { loadCatalog } from "../../src/catalog/index.js";
import type { CatalogProduct } from "../../src/catalog/types.js";
import { silentLogger } from "../../src/log.js";
import { diffCatalog } from "../../src/plan/diff.js";
import type { DesiredProduct } from "../../src/plan/types.js";
import type { Category } from "../../src/adapters/types.js";
import { DEFAULT_CATEGORIES, indexCategories } from "../../src/mock-server/categories.js";
import { resolveDesired } from "../../src/sync/desired.js";
import { runCli } from "../cli/helpers.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const load = (file: string, opts: { sheet?: string } = {}) => loadCatalog(file, { cwd: repo, ...opts });
const MUIWO = "fixtures/catalogs/muiwo-wonosobo.xlsx";
const XLSX = "test/fixtures/xlsx";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-xlsx-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("loadCatalog on .xlsx", () => {
  it("reads the MUIWO workbook: title row skipped, typed rupiah and formula prices, real row numbers", async () => {
    const result = await load(MUIWO);
    expect(result).toMatchObject({ format: "xlsx", valid: true, rows: 7, issues: [] });
    expect(result.products.map((p) => [p.line, p.sheet, p.sku, p.price])).toEqual([
      [4, "Produk", "MW-KOPI-001", 25_000],
      [5, "Produk", "MW-KOPI-002", 65_000],
      [6, "Produk", "MW-CARICA-001", 30_000],
      [7, "Produk", "MW-TEH-001", 18_000],
      [8, "Produk", "MW-KRIPIK-001", 15_000],
      [9, "Produk", "MW-PURWACENG-001", 45_000],
      [10, "Produk", "MW-TAS-001", 120_000],
    ]);
    const [kopi] = result.products;
    expect(kopi).toEqual({
      sku: "MW-KOPI-001",
      name: "Kopi Bubuk Robusta Wonosobo 250 g",
      description: "Kopi robusta petani Wonosobo, sangrai sedang, giling halus.",
      price: 25_000,
      stock: 40,
      weight: 250,
      category: "Kopi",
      condition: "NEW",
      status: "active",
      min_order: 1,
      etalase: "",
      images: ["https://example.com/muiwo/kopi-robusta-1.jpg", "https://example.com/muiwo/kopi-robusta-2.jpg"],
      line: 4,
      sheet: "Produk",
    });
    expect(result.products.find((p) => p.sku === "MW-PURWACENG-001")?.status).toBe("inactive");
  });

  it("names the exact cell of a bad price: Sheet1!D14", async () => {
    const result = await load(`${XLSX}/bad-price.xlsx`);
    expect(result.valid).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "INVALID_PRICE", line: 14, sheet: "Sheet1", cell: "D14", column: "Harga (Rp)", value: "dua puluh ribu" }),
    ]);
    expect(result.invalidSkus).toEqual(["BP-013"]);
    expect(result.products).toHaveLength(12);
  });

  it("keeps cell references exact when the table starts at B3", async () => {
    const result = await load(`${XLSX}/offset-table.xlsx`);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "INVALID_WEIGHT", line: 6, sheet: "Data Produk", cell: "G6", column: "Berat (gram)" }),
    ]);
    expect(result.products.map((p) => p.line)).toEqual([4, 5, 7]);
  });

  it("reads the sheet asked for; an unknown one is one SHEET_NOT_FOUND listing the sheets", async () => {
    const produk = await load(`${XLSX}/two-sheets.xlsx`, { sheet: "Produk" });
    expect(produk).toMatchObject({ valid: true, rows: 3 });
    expect(produk.products.every((p) => p.sheet === "Produk")).toBe(true);
    const unknown = await load(`${XLSX}/two-sheets.xlsx`, { sheet: "Katalog" });
    expect(unknown.issues).toEqual([
      expect.objectContaining({ code: "SHEET_NOT_FOUND", severity: "error", args: { sheet: "Katalog", sheets: "Petunjuk, Produk" } }),
    ]);
  });

  it("reads a workbook LibreOffice wrote, text prices and weights through the same normalizers as CSV", async () => {
    const result = await load(`${XLSX}/libreoffice-lipursari.xlsx`);
    expect(result).toMatchObject({ valid: true, rows: 3 });
    expect(result.products.map((p) => [p.line, p.sku, p.price, p.weight])).toEqual([
      [3, "LP-001", 22_000, 500],
      [4, "LP-002", 12_500, 250],
      [5, "LP-003", 85_000, 350],
    ]);
  });

  it.each([
    ["csv-named.xlsx", { actual: "csv", expected: "xlsx" }],
    ["workbook-named.csv", { actual: "xlsx", expected: "csv" }],
    ["truncated.xlsx", { actual: "damaged", expected: "xlsx" }],
    ["ods-named.xlsx", { actual: "ods", expected: "xlsx" }],
  ])("%s: one clear FILE_TYPE_MISMATCH saying what it really is", async (name, args) => {
    const result = await load(`${XLSX}/${name}`);
    expect(result.valid).toBe(false);
    expect(result.issues).toEqual([expect.objectContaining({ code: "FILE_TYPE_MISMATCH", severity: "error", line: 1, args })]);
  });

  it("desbumi validate prints the cell a person clicks, and --marketplace tokopedia-bulk applies the template's rules", async () => {
    const pretty = await runCli(["validate", join(repo, XLSX, "bad-price.xlsx"), "--format", "pretty"], { cwd: dir });
    expect(pretty.code).toBe(1);
    expect(pretty.stdout).toContain("bad-price.xlsx Sheet1!D14");
    const valid = await runCli(["validate", join(repo, MUIWO), "--marketplace", "tokopedia", "--format", "json"], { cwd: dir });
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.stdout)).toMatchObject({ valid: true, files: [{ rows: 7 }] });
    // The workbook names its categories (Kopi, Carica ...): the API resolves names, but the upload
    // template takes only numeric codes (without a `categories` map in the config), so each is an error.
    const named = await runCli(["validate", join(repo, MUIWO), "--marketplace", "tokopedia-bulk", "--format", "json"], { cwd: dir });
    expect(named.code).toBe(1);
    const namedIssues = (JSON.parse(named.stdout) as { files: { issues: { code: string; cell: string }[] }[] }).files[0]!.issues;
    expect(namedIssues.map((i) => [i.code, i.cell])).toEqual([4, 5, 6, 7, 8, 9, 10].map((row) => ["CATEGORY_NOT_FOUND", `G${row}`]));

    // Stock 0 is fine for the API ("always available") but outside the template's 1..999,999.
    await writeFile(
      join(dir, "habis.csv"),
      "Kode Produk,Nama Produk,Deskripsi,Harga,Stok,Berat,Kategori,Foto Produk 1\nH-1,Kopi Habis,Bubuk kopi,25000,0,250,1761,https://example.com/h.jpg\n",
    );
    const api = await runCli(["validate", "habis.csv", "--marketplace", "tokopedia", "--format", "json"], { cwd: dir });
    expect(api.code).toBe(0);
    const bulk = await runCli(["validate", "habis.csv", "--marketplace", "tokopedia-bulk", "--format", "json"], { cwd: dir });
    expect(bulk.code).toBe(1);
    expect(JSON.parse(bulk.stdout).files[0].issues).toEqual([expect.objectContaining({ code: "STOCK_OUT_OF_RANGE", line: 2 })]);
  });

  it("the template command's output reads back with zero errors", async () => {
    for (const name of ["katalog.xlsx", "katalog.csv"]) {
      expect((await runCli(["template", name], { cwd: dir })).code).toBe(0);
      const result = await loadCatalog(name, { cwd: dir });
      expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(result.products).toEqual([
        expect.objectContaining({
          sku: "CONTOH-001",
          name: "Kopi Bubuk Robusta Wonosobo 250 g",
          price: 25_000,
          stock: 50,
          weight: 250,
          category: "Kopi",
          condition: "NEW",
          status: "active",
          min_order: 1,
          etalase: "",
          images: ["https://example.com/foto/kopi-robusta-1.jpg"],
        }),
      ]);
    }
  });
});

describe("catalogue -> bulk-upload workbook -> independent reader", () => {
  // The category cells are names from the mock marketplace's tree, resolved the way sync does.
  const tree: Category[] = [...indexCategories(DEFAULT_CATEGORIES).leaves.values()].map((leaf) => ({
    id: String(leaf.id),
    name: leaf.name,
    path: leaf.path.map((step) => step.name),
    isLeaf: true,
  }));
  const desired = (products: CatalogProduct[]): DesiredProduct[] => {
    const resolved = resolveDesired({ file: MUIWO, products, categories: tree });
    expect(resolved.issues).toEqual([]);
    return resolved.products;
  };

  it("every normalized product comes back field by field in the template's forms", async () => {
    const catalog = await load(MUIWO);
    // Every row is written, inactive ones too (Status* Nonaktif): the catalogue says they exist.
    const products = desired(catalog.products);
    expect(products.some((p) => p.status === "inactive")).toBe(true);
    const adapter = createTokopediaBulkAdapter(tokopediaBulkOptionsSchema.parse({ outDir: "upload", couriers: "1,2,6" }), {
      log: silentLogger(),
      env: {},
      cwd: dir,
    });
    const plan = diffCatalog({ products: desired(catalog.products), listings: [] });
    expect(plan.changes.map((c) => c.sku)).toEqual(products.map((p) => p.sku).sort());
    const outcomes = await adapter.apply(plan.changes);
    expect(outcomes.every((o) => o.status === "applied")).toBe(true);

    // read-excel-file is a different implementation from the exceljs writer.
    const [sheet] = await readXlsxFile(join(dir, "upload", "tokopedia-upload-001.xlsx"));
    const header = sheet!.data[1] as string[];
    expect(header).toEqual(BULK_COLUMNS.map((c) => c.header));
    const col = (name: string): number => header.indexOf(name);
    const rows = new Map(sheet!.data.slice(3).map((row) => [row[col("SKU Name")] as string, row]));
    expect([...rows.keys()].sort()).toEqual(products.map((p) => p.sku).sort());
    for (const p of products) {
      const row = rows.get(p.sku)!;
      expect({
        name: row[col("Nama Produk*")],
        description: row[col("Deskripsi Produk*")],
        category: row[col("Kode Kategori*")],
        weight: row[col("Berat* (Gram)")],
        min_order: row[col("Minimum Pemesanan*")],
        condition: row[col("Kondisi*")],
        images: ["Foto Produk 1*", "Foto Produk 2", "Foto Produk 3", "Foto Produk 4", "Foto Produk 5"].map((h) => row[col(h)]).filter((v) => v !== null),
        status: row[col("Status*")],
        stock: row[col("Jumlah Stok*")],
        price: row[col("Harga (Rp)*")],
        couriers: row[col("Kurir Pengiriman*")],
      }).toEqual({
        name: p.name,
        description: p.description,
        category: Number(p.categoryId),
        weight: p.weight,
        min_order: p.min_order,
        condition: "Baru",
        images: p.images,
        status: p.status === "active" ? "Aktif" : "Nonaktif",
        stock: p.stock,
        price: p.price,
        couriers: "1,2,6",
      });
    }

    // And the export reads back as listings equal to the catalogue: a second sync has nothing to do.
    const again = createTokopediaBulkAdapter(tokopediaBulkOptionsSchema.parse({ outDir: "next", previous: "upload" }), {
      log: silentLogger(),
      env: {},
      cwd: dir,
    });
    const listings = await again.listListings();
    expect(diffCatalog({ products: desired(catalog.products), listings }).changes).toEqual([]);
  });
});
