// Hidden rows and formula-error cells: facts read-excel-file does not give, read from the sheet XML
// (src/catalog/xlsx-sheet-facts.ts) and reported by the pipeline as HIDDEN_ROW and FORMULA_ERROR.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/index.js";
import { findSheetPath, scanSheetXml } from "../../src/catalog/xlsx-sheet-facts.js";
import type { Issue } from "../../src/issues.js";
import { formatIssue } from "../../src/report/messages.js";

const HEADER = ["Kode Produk", "Nama Produk", "Deskripsi", "Harga (Rp)", "Stok", "Berat", "Foto", "Catatan"];
const product = (sku: string, name: string): ExcelJS.CellValue[] => [sku, name, "Enak", 25000, 3, "250 gr", `https://img.desbumi.example/${sku}.jpg`, ""];
const divZero: ExcelJS.CellFormulaValue = { formula: "D4/0", result: { error: "#DIV/0!" } };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-facts-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Build = (ws: ExcelJS.Worksheet) => void;

async function workbook(sheets: Record<string, Build>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, build] of Object.entries(sheets)) build(wb.addWorksheet(name));
  const path = join(dir, "katalog.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

const brief = (i: Issue) => ({ code: i.code, severity: i.severity, line: i.line, sheet: i.sheet, cell: i.cell, column: i.column, value: i.value });

/** Title row 1 and blank row 2 hidden, header on row 3, data from row 4. */
const catalogue: Build = (ws) => {
  ws.getCell("A1").value = "Katalog KWT Melati";
  ws.addRow([]);
  ws.addRow(HEADER);
  ws.addRow(product("KM-1", "Kopi"));
  ws.addRow(product("KM-2", "Teh"));
  ws.getCell("D5").value = divZero;
  ws.addRow(product("KM-3", "Gula Aren"));
  ws.getCell("C6").value = { formula: "VLOOKUP(A6,X!A:B,2,0)", result: { error: "#REF!" } };
  ws.getCell("H6").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  ws.getRow(7).hidden = true; // blank and hidden: nothing to say
  ws.getRow(8).values = product("KM-4", "Keripik");
  ws.getRow(8).hidden = true;
  ws.getCell("E9").value = { formula: "E4+", result: { error: "#NAME?" } };
  ws.getRow(1).hidden = true;
  ws.getRow(2).hidden = true;
};

describe("formula-error cells", () => {
  it("a required cell with #DIV/0! is FORMULA_ERROR at that cell, not 'empty but required'", async () => {
    const result = await loadCatalog(await workbook({ Produk: catalogue }), { cwd: dir });
    const at5 = result.issues.filter((i) => i.line === 5).map(brief);
    expect(at5).toEqual([{ code: "FORMULA_ERROR", severity: "error", line: 5, sheet: "Produk", cell: "D5", column: "Harga (Rp)", value: "#DIV/0!" }]);
    expect(result.issues.find((i) => i.line === 5)!.args).toEqual({ error: "#DIV/0!", field: "price" });
    expect(result.products.map((p) => p.sku)).not.toContain("KM-2");
    expect(result.invalidSkus).toContain("KM-2");
    expect(result.valid).toBe(false);
  });

  it("an error in an optional column stops the row too; one in an ignored column is not reported", async () => {
    const result = await loadCatalog(await workbook({ Produk: catalogue }), { cwd: dir });
    expect(result.issues.filter((i) => i.line === 6).map(brief)).toEqual([
      { code: "FORMULA_ERROR", severity: "error", line: 6, sheet: "Produk", cell: "C6", column: "Deskripsi", value: "#REF!" },
    ]);
    expect(result.products.map((p) => p.sku)).not.toContain("KM-3");
  });

  it("a last row holding only an error cell is read (read-excel-file drops it as empty)", async () => {
    const result = await loadCatalog(await workbook({ Produk: catalogue }), { cwd: dir });
    const at9 = result.issues.filter((i) => i.line === 9);
    expect(at9.map((i) => [i.code, i.cell])).toContainEqual(["FORMULA_ERROR", "E9"]);
    expect(at9.find((i) => i.cell === "E9")!.code).toBe("FORMULA_ERROR");
    expect(result.rows).toBe(5);
  });

  it("says which error the cell shows, in both languages", async () => {
    const result = await loadCatalog(await workbook({ Produk: catalogue }), { cwd: dir });
    const issue = result.issues.find((i) => i.code === "FORMULA_ERROR" && i.cell === "D5")!;
    expect(formatIssue(issue, "en")).toEqual({ message: "The cell shows a formula error (#DIV/0!)", hint: "Fix the formula or type the value" });
    expect(formatIssue(issue, "id")).toEqual({ message: "Sel ini menampilkan galat rumus (#DIV/0!)", hint: "Perbaiki rumusnya atau ketik nilainya langsung" });
  });
});

describe("hidden rows", () => {
  it("a hidden data row is still read (and synced) with a HIDDEN_ROW warning; hidden title and blank rows say nothing", async () => {
    const result = await loadCatalog(await workbook({ Produk: catalogue }), { cwd: dir });
    const hidden = result.issues.filter((i) => i.code === "HIDDEN_ROW");
    expect(hidden.map(brief)).toEqual([
      { code: "HIDDEN_ROW", severity: "warning", line: 8, sheet: "Produk", cell: undefined, column: undefined, value: undefined },
    ]);
    expect(result.products.find((p) => p.sku === "KM-4")).toMatchObject({ line: 8, sheet: "Produk", name: "Keripik", price: 25000 });
    expect(formatIssue(hidden[0]!, "en")).toEqual({
      message: "Row 8 is hidden in the spreadsheet but desbumi still reads it (and sync lists it)",
      hint: "To stop selling it, set Status to nonaktif (or delete the row)",
    });
    expect(formatIssue(hidden[0]!, "id").message).toBe("Baris 8 disembunyikan di spreadsheet, tetapi desbumi tetap membacanya (dan sync ikut mencantumkannya)");
  });

  it("a workbook with only hidden rows as facts stays valid (warnings only)", async () => {
    const path = await workbook({
      Produk: (ws) => {
        ws.addRow(HEADER);
        ws.addRow(product("A-1", "Kopi"));
        ws.addRow(product("A-2", "Teh"));
        ws.getRow(3).hidden = true;
      },
    });
    const result = await loadCatalog(path, { cwd: dir });
    expect(result.valid).toBe(true);
    expect(result.products.map((p) => p.sku)).toEqual(["A-1", "A-2"]);
    expect(result.issues.filter((i) => i.code !== "UNKNOWN_COLUMN").map((i) => [i.code, i.line])).toEqual([["HIDDEN_ROW", 3]]);
  });

  it("facts come from the sheet that is read (--sheet), not from the first one", async () => {
    const path = await workbook({
      Lama: (ws) => {
        ws.addRow(HEADER);
        ws.addRow(product("L-1", "Lama"));
        ws.getRow(2).hidden = true;
      },
      Baru: (ws) => {
        ws.addRow(HEADER);
        ws.addRow(product("B-1", "Kopi"));
        ws.addRow(product("B-2", "Teh"));
        ws.getCell("D3").value = divZero;
      },
    });
    const result = await loadCatalog(path, { cwd: dir, sheet: "Baru" });
    expect(result.issues.filter((i) => i.code !== "UNKNOWN_COLUMN").map((i) => [i.code, i.sheet, i.cell ?? i.line])).toEqual([["FORMULA_ERROR", "Baru", "D3"]]);
  });
});

describe("scanSheetXml / findSheetPath", () => {
  it("counts rows and cells without r, reads prefixed tags and single quotes, ignores error cells without a value", () => {
    const xml =
      "<x:worksheet><x:sheetData>" +
      "<x:row><x:c t='s'><x:v>0</x:v></x:c></x:row>" +
      "<x:row hidden='1'><x:c/><x:c t='e'><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c></x:row>" +
      '<row r="5" hidden="true"><c r="AA5" t="e"><v>#N/A</v></c><c r="AB5" t="e"/></row>' +
      "</x:sheetData></x:worksheet>";
    const facts = scanSheetXml(xml);
    expect([...facts.hiddenRows]).toEqual([2, 5]);
    expect([...facts.errorCells].map(([row, cells]) => [row, [...cells]])).toEqual([
      [2, [[1, "#DIV/0!"]]],
      [5, [[26, "#N/A"]]],
    ]);
  });

  it("maps the n-th sheet to its XML through the relationship id, as read-excel-file does", () => {
    const workbook =
      '<workbook xmlns:r="r"><sheets><sheet name="A &amp; B" sheetId="7" r:id="rId9"/><sheet name="Dua" sheetId="1" r:id="rId2"/></sheets></workbook>';
    const rels =
      '<Relationships><Relationship Id="rId2" Type="t/worksheet" Target="/xl/worksheets/sheetX.xml"/><Relationship Id="rId9" Type="t/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
    expect(findSheetPath(workbook, rels, 0)).toBe("xl/worksheets/sheet1.xml");
    expect(findSheetPath(workbook, rels, 1)).toBe("xl/worksheets/sheetX.xml");
    expect(findSheetPath(workbook, rels, 2)).toBeUndefined();
  });
});
