// Which sheet a workbook is read from when no --sheet is given: the first, unless it has no
// catalogue header and another sheet does (an instructions sheet before the catalogue).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/index.js";
import { formatIssue } from "../../src/report/messages.js";
import { runCli } from "../cli/helpers.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const TWO_SHEETS = join(repo, "test/fixtures/xlsx/two-sheets.xlsx");
const HEADER = ["Kode Produk", "Nama Produk", "Harga", "Stok", "Berat", "Foto"];
const row = (sku: string, name: string) => [sku, name, 25000, 3, "250 gr", `https://img.desbumi.example/${sku}.jpg`];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-sheets-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A workbook with the given sheets, each a list of rows. */
async function workbook(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheet);
    for (const r of rows) ws.addRow(r);
  }
  await wb.xlsx.writeFile(join(dir, name));
  return name;
}

describe("default sheet", () => {
  it("an instructions sheet first: the catalogue sheet is read, with a SHEET_GUESSED warning at its header row", async () => {
    const result = await loadCatalog(TWO_SHEETS, { cwd: dir });
    expect(result).toMatchObject({ valid: true, rows: 3 });
    expect(result.products.every((p) => p.sheet === "Produk")).toBe(true);
    expect(result.issues).toEqual([
      { code: "SHEET_GUESSED", severity: "warning", file: TWO_SHEETS, line: 1, sheet: "Produk", args: { sheet: "Produk", first: "Petunjuk" } },
    ]);
    expect(formatIssue(result.issues[0]!, "en")).toEqual({
      message: 'The first sheet "Petunjuk" has no catalogue header, so sheet "Produk" was read',
      hint: 'Name the sheet to read with --sheet NAME (here: --sheet "Produk"), or put the catalogue on the first sheet',
    });
    expect(formatIssue(result.issues[0]!, "id").message).toBe('Lembar pertama "Petunjuk" tidak punya baris judul katalog, jadi lembar "Produk" yang dibaca');
  });

  it("--sheet still reads exactly the sheet named, without a warning", async () => {
    const petunjuk = await loadCatalog(TWO_SHEETS, { cwd: dir, sheet: "Petunjuk" });
    expect(petunjuk.issues.map((i) => i.code)).toEqual(Array(6).fill("MISSING_COLUMN"));
    expect(petunjuk.issues.every((i) => i.sheet === "Petunjuk" && i.args?.sheets === undefined)).toBe(true);
    const produk = await loadCatalog(TWO_SHEETS, { cwd: dir, sheet: "Produk" });
    expect(produk.issues).toEqual([]);
  });

  it("a first sheet with a header (below a title) is read even when a later sheet has one too", async () => {
    const file = await workbook("both.xlsx", {
      Katalog: [["Katalog MUIWO"], HEADER, row("A-1", "Masker")],
      Arsip: [HEADER, row("B-1", "Lama"), row("B-2", "Lama 2")],
    });
    const result = await loadCatalog(file, { cwd: dir });
    expect(result.issues).toEqual([]);
    expect(result.products.map((p) => [p.sheet, p.sku])).toEqual([["Katalog", "A-1"]]);
  });

  it("an empty first sheet is passed over for the catalogue sheet", async () => {
    const file = await workbook("empty-first.xlsx", { Sheet1: [], Produk: [["Katalog"], [], HEADER, row("A-1", "Masker")] });
    const result = await loadCatalog(file, { cwd: dir });
    expect(result.products.map((p) => [p.sheet, p.line])).toEqual([["Produk", 4]]);
    expect(result.issues).toEqual([expect.objectContaining({ code: "SHEET_GUESSED", line: 3, sheet: "Produk", args: { sheet: "Produk", first: "Sheet1" } })]);
  });

  it("no sheet has a header: the first sheet's MISSING_COLUMN errors as before, naming the other sheets", async () => {
    const file = await workbook("none.xlsx", { Petunjuk: [["Isi katalog di lembar lain."]], Catatan: [["catatan"]], Harga: [["Kode", "Harga"]] });
    const result = await loadCatalog(file, { cwd: dir });
    expect(result.valid).toBe(false);
    expect(result.issues.map((i) => [i.code, i.sheet, i.line, i.args?.sheets])).toEqual(Array(6).fill(["MISSING_COLUMN", "Petunjuk", 1, "Catatan, Harga"]));
    const { hint } = formatIssue(result.issues[0]!, "en");
    expect(hint).toMatch(/; or, if the catalogue is on another sheet \(Catatan, Harga\), choose it with --sheet NAME$/);
    expect(formatIssue(result.issues[0]!, "id").hint).toMatch(/lembar lain \(Catatan, Harga\), pilih lembar itu dengan --sheet NAMA$/);
  });

  it("desbumi validate on the workbook: exit 0, and the warning says which sheet it read", async () => {
    const run = await runCli(["validate", TWO_SHEETS, "--format", "pretty", "--lang", "en"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('two-sheets.xlsx Produk!1:1');
    expect(run.stdout).toContain('so sheet "Produk" was read');
    const strict = await runCli(["validate", TWO_SHEETS, "--strict"], { cwd: dir });
    expect(strict.code).toBe(1);
  });
});
