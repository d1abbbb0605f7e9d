// Issue 12.9: the bulk workbook export names the files it wrote ("Written: upload/tokopedia-upload-001.xlsx
// (20 rows)", not "Applied: 20 created"); products that already exist never go to the add template
// (Seller Center's "Tambah Produk Sekaligus" has no product id and would add them a second time) but
// to a separate, clearly named edit list; each workbook carries reference sheets.
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import readXlsxFile from "read-excel-file/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTokopediaBulkAdapter, tokopediaBulkOptionsSchema, type TokopediaBulkOptions } from "../../src/adapters/tokopedia-bulk/index.js";
import { silentLogger } from "../../src/log.js";
import { diffCatalog } from "../../src/plan/diff.js";
import { makeDesired } from "../builders.js";
import { runCli } from "../cli/helpers.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-bulk12-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const HEADER = "Kode Produk,Nama Produk,Deskripsi,Harga,Stok,Berat,Kategori,Etalase,Foto Produk 1";
const row = (i: number, price = 25_000, etalase = ""): string =>
  `K-${String(i).padStart(2, "0")},Produk ${i},Deskripsi ${i}.,${price},5,250 gr,1761,${etalase},https://example.com/${i}.jpg`;
const catalogue = (rows: string[]): string => `${[HEADER, ...rows].join("\n")}\n`;
const sync = (args: string[], lang = "en") =>
  runCli(["--lang", lang, "sync", "katalog.csv", "--marketplace", "tokopedia-bulk", "--yes", ...args], { cwd: dir });

const sheetsOf = async (path: string) => (await readXlsxFile(path)).map((s) => ({ name: s.sheet, rows: s.data }));

describe("issue 12.9: what the export says it wrote", () => {
  it("names the file and its rows, in one language, instead of 'Applied: 20 created'", async () => {
    await writeFile(join(dir, "katalog.csv"), catalogue(Array.from({ length: 20 }, (_, i) => row(i + 1))));
    const en = await sync(["--out-dir", "upload"]);
    expect(en.stderr).toBe("");
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("Written: upload/tokopedia-upload-001.xlsx (20 rows) — new products: upload in Seller Center > Tambah Produk Sekaligus (bulk add)");
    expect(en.stdout).not.toContain("Applied:");
    expect(en.stdout).not.toContain("Ditulis");

    const id = await sync(["--out-dir", "upload-id"], "id");
    expect(id.stdout).toContain("Ditulis: upload-id/tokopedia-upload-001.xlsx (20 baris) — produk baru: upload di Seller Center > Tambah Produk Sekaligus");
    expect(id.stdout).not.toMatch(/Written|Diterapkan/);

    const json = await sync(["--out-dir", "upload-json", "--format", "json"]);
    expect(JSON.parse(json.stdout).result.files).toEqual([{ path: "upload-json/tokopedia-upload-001.xlsx", rows: 20 }]);
  });

  it("changed products go to tokopedia-ubah-001.xlsx, never to the add template, and the output says not to upload it there", async () => {
    await writeFile(join(dir, "katalog.csv"), catalogue([row(1), row(2), row(3)]));
    expect((await sync(["--out-dir", "upload"])).code).toBe(0);
    await writeFile(join(dir, "katalog.csv"), catalogue([row(1), row(2, 27_000), row(3), row(4)]));
    const second = await sync(["--out-dir", "upload-2", "--previous", "upload"]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("Written: upload-2/tokopedia-upload-001.xlsx (1 row) — new products");
    expect(second.stdout).toContain(
      "Written: upload-2/tokopedia-ubah-001.xlsx (1 row) — products that already exist: do NOT upload via Tambah Produk Sekaligus (it would add them a second time); make these changes in Seller Center > Ubah Sekaligus (bulk edit)",
    );
    const [added] = await sheetsOf(join(dir, "upload-2", "tokopedia-upload-001.xlsx"));
    expect(added!.rows.slice(3).map((r) => r[14])).toEqual(["K-04"]);
    const [edits] = await sheetsOf(join(dir, "upload-2", "tokopedia-ubah-001.xlsx"));
    expect(edits!.rows[0]?.[0]).toBe("UBAH PRODUK: jangan upload lewat Tambah Produk Sekaligus");
    expect(edits!.rows.slice(3).map((r) => [r[1], r[16], r[19]])).toEqual([["Harga (Rp)*", "K-02", 27_000]]);

    // As --previous, the folder's edit list is read too: K-02 at its new price is unchanged (K-01
    // and K-03 are not in upload-2, which holds only what the second run wrote).
    const third = await sync(["--out-dir", "upload-3", "--previous", "upload-2", "--dry-run"]);
    expect(third.stdout).toContain("Plan: 2 to create, 0 to update, 0 to deactivate, 0 to reactivate, 2 unchanged.");
  });
});

const open = (input: Record<string, unknown>) =>
  createTokopediaBulkAdapter(tokopediaBulkOptionsSchema.parse(input) as TokopediaBulkOptions, { log: silentLogger(), env: {}, cwd: dir });

describe("issue 12.9: edit list and reference sheets", () => {
  it("an edit row carries the Seller Center Product ID when the previous export is Seller Center's own 'Ubah Sekaligus' file", async () => {
    // The bulk edit export's shape: Product ID and URL columns, headers on the first row.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.addRow(["Product ID", "URL", "Nama Produk", "Deskripsi Produk", "Kategori Kode", "Berat (Gram)", "Minimum Pemesanan *", "Etalase Kode", "Kondisi", "Gambar 1", "SKU Name", "Status", "Jumlah Stok", "Harga (Rp)"]);
    ws.addRow([15245228, "https://www.tokopedia.com/toko/kopi", "Kopi Robusta", "Kopi.", 1760, 250, 1, null, "Baru", "https://example.com/k.jpg", "KP-1", "Aktif", 10, 30_000]);
    await mkdir(join(dir, "ekspor"));
    await wb.xlsx.writeFile(join(dir, "ekspor", "produk.xlsx"));

    const adapter = open({ outDir: "upload", previous: "ekspor/produk.xlsx" });
    const listings = await adapter.listListings();
    const product = makeDesired({ sku: "KP-1", name: "Kopi Robusta", description: "Kopi.", categoryId: "1760", weight: 250, stock: 12, price: 30_000, images: ["https://example.com/k.jpg"] });
    const plan = diffCatalog({ products: [product], listings });
    expect(plan.changes.map((c) => [c.kind, c.sku])).toEqual([["update", "KP-1"]]);
    await adapter.apply(plan.changes);
    expect(await readdir(join(dir, "upload"))).toEqual(["tokopedia-ubah-001.xlsx"]);
    const [edits] = await sheetsOf(join(dir, "upload", "tokopedia-ubah-001.xlsx"));
    expect(edits!.rows.slice(3).map((r) => [r[0], r[1], r[16], r[18]])).toEqual([["15245228", "Jumlah Stok*", "KP-1", 12]]);
    expect(adapter.filesWritten?.().map((f) => [f.path, f.rows])).toEqual([[join(dir, "upload", "tokopedia-ubah-001.xlsx"), 1]]);
  });

  it("each workbook lists the categories, etalase and couriers its rows use", async () => {
    const adapter = open({ outDir: "upload", categories: { Kopi: 1760, Teh: 1761, Jamu: 1770 }, couriers: "1,2,6" });
    await adapter.apply(
      [
        makeDesired({ sku: "A", category: "Kopi", categoryId: "1760", etalase: "12" }),
        makeDesired({ sku: "B", category: "teh", categoryId: "1761", etalase: "Minuman" }),
        makeDesired({ sku: "C", category: "1760", categoryId: "1760" }),
      ].map((product) => ({ kind: "create" as const, sku: product.sku, product })),
    );
    const [, categories, etalase, couriers] = await sheetsOf(join(dir, "upload", "tokopedia-upload-001.xlsx"));
    expect(categories!.rows.slice(0, 3)).toEqual([
      ["Kode Kategori", "Nama di katalog"],
      [1760, "Kopi"],
      [1761, "Teh"],
    ]);
    expect(etalase!.rows.slice(0, 3)).toEqual([
      ["Etalase di katalog", "Nomor Etalase"],
      ["12", 12],
      ["Minuman", "(nama, bukan kode: tidak ditulis; produk masuk etalase bawaan)"],
    ]);
    expect(couriers!.rows.slice(0, 4)).toEqual([["ID Kurir"], [1], [2], [6]]);
  });

  it("a later run that writes no edit list removes the stale one (the folder holds exactly one upload)", async () => {
    await writeFile(join(dir, "katalog.csv"), catalogue([row(1)]));
    await mkdir(join(dir, "upload"));
    await writeFile(join(dir, "upload", "tokopedia-ubah-001.xlsx"), "old");
    expect((await sync(["--out-dir", "upload"])).code).toBe(0);
    expect(await readdir(join(dir, "upload"))).toEqual(["tokopedia-upload-001.xlsx"]);
  });
});
