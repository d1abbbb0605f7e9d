import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import readXlsxFile from "read-excel-file/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TEMPLATE_COLUMNS } from "../../src/template/columns.js";
import { runCli } from "../cli/helpers.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-template-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const HEADERS = [
  "Kode Produk (SKU)",
  "Nama Produk",
  "Deskripsi",
  "Harga (Rp)",
  "Stok",
  "Berat (gram)",
  "Kategori",
  "Kondisi",
  "Status",
  "Minimum Pemesanan",
  "Etalase",
  "Foto Produk 1",
  "Foto Produk 2",
  "Foto Produk 3",
  "Foto Produk 4",
  "Foto Produk 5",
  // issue 14: variants, brand and certificates
  "Kode Induk",
  "Nama Variasi 1",
  "Varian untuk Variasi 1",
  "Nama Variasi 2",
  "Varian untuk Variasi 2",
  "Foto Variasi",
  "Merek",
  "No. PIRT",
  "No. BPOM",
  "POM TR",
  "Sertifikat Halal",
  "Foto Sertifikat",
];

describe("desbumi template", () => {
  it("writes an xlsx with Indonesian headers, a typed example row and a bilingual note on every header", async () => {
    const run = await runCli(["template", "katalog.xlsx"], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("katalog.xlsx");
    expect(run.stdout).toContain("desbumi validate katalog.xlsx");

    const [sheet, ...others] = await readXlsxFile(join(dir, "katalog.xlsx"));
    // issue 14: a short Indonesian instruction sheet after the catalogue
    expect(others.map((s) => s.sheet)).toEqual(["Petunjuk"]);
    expect(String(others[0]?.data[0]?.[0])).toBe("Petunjuk mengisi katalog desbumi");
    expect(sheet?.sheet).toBe("Katalog");
    expect(sheet?.data[0]).toEqual(HEADERS);
    expect(sheet?.data).toHaveLength(2);
    const example = sheet?.data[1] ?? [];
    expect(example.slice(0, 10)).toEqual([
      "CONTOH-001",
      "Kopi Bubuk Robusta Wonosobo 250 g",
      "Kopi robusta petani Wonosobo, sangrai sedang, giling halus.",
      25000,
      50,
      250,
      "Kopi",
      "Baru",
      "Aktif",
      1,
    ]);
    expect(example[11]).toBe("https://example.com/foto/kopi-robusta-1.jpg");

    // Notes are read with exceljs: read-excel-file does not read comments.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "katalog.xlsx"));
    const ws = wb.getWorksheet("Katalog")!;
    HEADERS.forEach((_, i) => {
      const note = ws.getCell(1, i + 1).note;
      const noteText = typeof note === "string" ? note : (note?.texts ?? []).map((t) => t.text).join("");
      const column = TEMPLATE_COLUMNS[i]!;
      expect(noteText).toContain(column.note.id);
      expect(noteText).toContain(column.note.en);
    });
    expect(ws.getCell("D2").numFmt).toBe('"Rp "#,##0');
  });

  it("writes a CSV that Excel splits in any locale", async () => {
    const run = await runCli(["template", "katalog.csv"], { cwd: dir });
    expect(run.code).toBe(0);
    const csv = await readFile(join(dir, "katalog.csv"), "utf8");
    expect(csv.split("\r\n")).toEqual([
      "sep=,",
      HEADERS.join(","),
      'CONTOH-001,Kopi Bubuk Robusta Wonosobo 250 g,"Kopi robusta petani Wonosobo, sangrai sedang, giling halus.",25000,50,250,Kopi,Baru,Aktif,1,,https://example.com/foto/kopi-robusta-1.jpg,,,,' + ",".repeat(12),
      "",
    ]);
  });

  it("refuses to overwrite an existing file unless --force", async () => {
    await writeFile(join(dir, "katalog.csv"), "punya pengguna");
    const refused = await runCli(["template", "katalog.csv"], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("katalog.csv already exists");
    expect(refused.stderr).toContain("--force");
    expect(await readFile(join(dir, "katalog.csv"), "utf8")).toBe("punya pengguna");

    const forced = await runCli(["template", "katalog.csv", "--force"], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(await readFile(join(dir, "katalog.csv"), "utf8")).toContain("Kode Produk (SKU)");
  });

  it.each(["katalog.txt", "katalog.xls", "katalog"])("%s: unknown extension is a usage error (exit 2)", async (name) => {
    const run = await runCli(["template", name], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(".xlsx or .csv");
    expect(run.stdout).toBe("");
  });

  it("speaks Indonesian with --lang id", async () => {
    const run = await runCli(["--lang", "id", "template", "katalog.xlsx"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Templat katalog ditulis ke katalog.xlsx");
    const again = await runCli(["--lang", "id", "template", "katalog.xlsx"], { cwd: dir });
    expect(again.stderr).toContain("sudah ada");
  });

  it("a missing folder is a usage error, not a crash", async () => {
    const run = await runCli(["template", "tidak-ada/katalog.xlsx"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("does not exist");
  });
});
