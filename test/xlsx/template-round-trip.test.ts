// Issue 14: `template` -> fill -> `validate`. The xlsx template has the variant, photo and
// certificate columns and a Petunjuk sheet that the reader ignores (no SHEET_* issue for it);
// the example row stays EXAMPLE_ROW-flagged until replaced; filled rows read as variants with
// brand and certificates; local photos and certificate files are found in foto/.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../cli/helpers.js";
import { jpeg } from "../photos/fixtures.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-template-trip-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Doc {
  valid: boolean;
  files: { issues: { code: string; severity: string; line: number; column?: string }[]; products: { sku: string; brand?: string; certificates?: Record<string, unknown>; variants: { sku: string; options: Record<string, string>; images: string[] }[] }[] }[];
}
const validate = async (file: string): Promise<{ code: number; doc: Doc }> => {
  const r = await runCli(["validate", file, "--marketplace", "memory", "--format", "json"], { cwd: dir });
  return { code: r.code, doc: JSON.parse(r.stdout) as Doc };
};

describe("template -> fill -> validate (xlsx)", () => {
  it("as written: only EXAMPLE_ROW, nothing about the Petunjuk sheet", async () => {
    expect((await runCli(["template", "katalog.xlsx"], { cwd: dir })).code).toBe(0);
    const { code, doc } = await validate("katalog.xlsx");
    expect(code).toBe(0);
    expect(doc.files[0]!.issues.map((i) => [i.code, i.severity, i.line])).toEqual([["EXAMPLE_ROW", "warning", 2]]);
  });

  it("filled with a product with variants, brand, PIRT and local files: valid, read as one product with its variants", async () => {
    expect((await runCli(["template", "katalog.xlsx"], { cwd: dir })).code).toBe(0);
    await mkdir(join(dir, "foto"));
    await writeFile(join(dir, "foto", "keripik.jpg"), jpeg(800, 800));
    await writeFile(join(dir, "foto", "keripik-pedas.jpg"), jpeg(800, 800));
    await writeFile(join(dir, "foto", "pirt.pdf"), "%PDF-1.4\n%\u00e2\u00e3\n");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "katalog.xlsx"));
    const ws = wb.getWorksheet("Katalog")!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const put = (row: number, values: Record<string, string | number>): void => {
      for (const [header, value] of Object.entries(values)) ws.getCell(row, headers.indexOf(header) + 1).value = value;
    };
    ws.spliceRows(2, 1); // the example row goes
    const product = { "Nama Produk": "Keripik Singkong Lereng Kawi 200 gr", Deskripsi: "Renyah.", Kategori: "Makanan > Keripik", "Foto Produk 1": "keripik.jpg", Merek: "Tanpa Merek", "No. PIRT": "P-IRT 206330501002025", "Foto Sertifikat": "pirt.pdf" };
    put(2, { ...product, "Kode Produk (SKU)": "KRP-ORI", "Kode Induk": "KRP", "Harga (Rp)": 15000, Stok: 10, "Berat (gram)": 200, "Nama Variasi 1": "Rasa", "Varian untuk Variasi 1": "Original" });
    put(3, { "Kode Produk (SKU)": "KRP-PDS", "Kode Induk": "KRP", "Harga (Rp)": 16000, Stok: 5, "Nama Variasi 1": "Rasa", "Varian untuk Variasi 1": "Pedas", "Foto Variasi": "keripik-pedas.jpg" });
    await wb.xlsx.writeFile(join(dir, "katalog.xlsx"));

    const { code, doc } = await validate("katalog.xlsx");
    expect(doc.files[0]!.issues).toEqual([]);
    expect(code).toBe(0);
    const [p] = doc.files[0]!.products;
    expect(p).toMatchObject({ sku: "KRP", brand: "", certificates: { pirt: "P-IRT 206330501002025", files: ["pirt.pdf"] } });
    expect(p!.variants.map((v) => [v.sku, v.options, v.images])).toEqual([
      ["KRP-ORI", { Rasa: "Original" }, []],
      ["KRP-PDS", { Rasa: "Pedas" }, ["keripik-pedas.jpg"]],
    ]);
  });

  it("a wrong certificate number in the filled template is located at its cell", async () => {
    expect((await runCli(["template", "katalog.xlsx"], { cwd: dir })).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "katalog.xlsx"));
    const ws = wb.getWorksheet("Katalog")!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    ws.getCell(2, 1).value = "KOPI-1";
    ws.getCell(2, headers.indexOf("Foto Produk 1") + 1).value = "https://cdn.toko.example/kopi.jpg";
    ws.getCell(2, headers.indexOf("No. BPOM") + 1).value = "MD 12345";
    await wb.xlsx.writeFile(join(dir, "katalog.xlsx"));
    const r = await runCli(["validate", "katalog.xlsx", "--marketplace", "memory", "--format", "json"], { cwd: dir });
    const issues = (JSON.parse(r.stdout) as { files: { issues: { code: string; sheet?: string; cell?: string }[] }[] }).files[0]!.issues;
    const column = String.fromCharCode(65 + headers.indexOf("No. BPOM"));
    expect(issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([["CERTIFICATE_NUMBER_INVALID", "Katalog", `${column}2`]]);
    expect(r.code).toBe(1);
  });
});
