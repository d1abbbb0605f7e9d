import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { readXlsx } from "../../src/catalog/read-xlsx.js";
import type { RawRow, RowSource } from "../../src/catalog/source.js";

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/xlsx/${name}`, import.meta.url));
const catalogFixture = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/catalogs/${name}`, import.meta.url));

async function collect(source: RowSource): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const row of source.rows) rows.push(row);
  return rows;
}

const rowAt = (rows: RawRow[], line: number): RawRow => {
  const row = rows.find((r) => r.line === line);
  if (!row) throw new Error(`no row ${line}`);
  return row;
};

describe("readXlsx", () => {
  it("keeps cell types: numbers, cached formula values, dates, booleans, text with leading zeros", async () => {
    const source = await readXlsx(fixture("cell-types.xlsx"), { file: "cell-types.xlsx" });
    const rows = await collect(source);
    expect(source.format).toBe("xlsx");
    expect(source.sheet).toBe("Jenis");
    expect(source.issues).toEqual([]);
    const first = rowAt(rows, 1).cells;
    expect(first.slice(0, 3)).toEqual(["teks", 25000, 50000]);
    expect(first[3]).toBeInstanceOf(Date);
    expect((first[3] as Date).toISOString()).toBe("2021-08-17T00:00:00.000Z");
    expect(first.slice(4)).toEqual([true, "Rp 25.000", "007", 0.5]);
    // A formula error (#DIV/0!) and a formula Excel never calculated are empty cells.
    expect(rowAt(rows, 2).cells.slice(0, 3)).toEqual([null, null, "spasi di tepi"]);
  });

  it("reports real row numbers across blank rows", async () => {
    const rows = await collect(await readXlsx(fixture("cell-types.xlsx"), { file: "x.xlsx" }));
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4]);
    expect(rowAt(rows, 3).cells.every((c) => c === null)).toBe(true);
    expect(rowAt(rows, 4).cells[0]).toBe("setelah baris kosong");
  });

  it("keeps leading empty rows and columns so cell references stay exact", async () => {
    const rows = await collect(await readXlsx(fixture("offset-table.xlsx"), { file: "offset-table.xlsx" }));
    expect(rowAt(rows, 1).cells.every((c) => c === null)).toBe(true);
    expect(rowAt(rows, 3).cells[0]).toBeNull();
    expect(rowAt(rows, 3).cells[1]).toBe("Kode Produk (SKU)");
    // G6 = row 6, column index 6.
    expect(rowAt(rows, 6).cells[6]).toBe("berat sekali");
    expect(rowAt(rows, 6).cells[1]).toBe("BP-003");
  });

  it("reads a typed rupiah price as its number and a formula price as its cached value", async () => {
    const source = await readXlsx(catalogFixture("muiwo-wonosobo.xlsx"), { file: "muiwo-wonosobo.xlsx" });
    const rows = await collect(source);
    expect(source.sheet).toBe("Produk");
    expect(rowAt(rows, 1).cells[0]).toBe("Katalog Produk MUIWO Wonosobo 2021");
    expect(rowAt(rows, 1).cells.slice(1).every((c) => c === null)).toBe(true);
    expect(rowAt(rows, 3).cells[3]).toBe("Harga (Rp)");
    expect(rowAt(rows, 4).cells[3]).toBe(25000);
    expect(rowAt(rows, 6).cells[3]).toBe(30000);
    // Formatting below the data does not produce rows.
    expect(Math.max(...rows.map((r) => r.line))).toBe(10);
  });

  it("reads a workbook written by LibreOffice (an independent writer)", async () => {
    const rows = await collect(await readXlsx(fixture("libreoffice-lipursari.xlsx"), { file: "l.xlsx" }));
    expect(rowAt(rows, 2).cells[0]).toBe("Kode Produk");
    expect(rowAt(rows, 3).cells.slice(3, 6)).toEqual([22000, 30, "500 gr"]);
    expect(rowAt(rows, 4).cells[3]).toBe("Rp 12.500");
  });

  it("selects a sheet by name, and tolerates a different case", async () => {
    // Without --sheet the instructions sheet (no catalogue header) is passed over: see sheet-guess.test.ts.
    const first = await readXlsx(fixture("two-sheets.xlsx"), { file: "two-sheets.xlsx" });
    expect(first.sheet).toBe("Produk");
    expect(first.issues.map((i) => i.code)).toEqual(["SHEET_GUESSED"]);
    const petunjuk = await readXlsx(fixture("two-sheets.xlsx"), { file: "two-sheets.xlsx", sheet: "Petunjuk" });
    expect(petunjuk.sheet).toBe("Petunjuk");
    expect(petunjuk.issues).toEqual([]);
    const named = await readXlsx(fixture("two-sheets.xlsx"), { file: "two-sheets.xlsx", sheet: "produk" });
    expect(named.sheet).toBe("Produk");
    const rows = await collect(named);
    expect(rowAt(rows, 1).cells[0]).toBe("Kode Produk (SKU)");
    expect(rows).toHaveLength(4);
  });

  it("an unknown sheet is one SHEET_NOT_FOUND error listing the sheets, with no rows", async () => {
    const source = await readXlsx(fixture("two-sheets.xlsx"), { file: "two-sheets.xlsx", sheet: "Katalog" });
    expect(await collect(source)).toEqual([]);
    expect(source.issues).toEqual([
      {
        code: "SHEET_NOT_FOUND",
        severity: "error",
        file: "two-sheets.xlsx",
        value: "Katalog",
        args: { sheet: "Katalog", sheets: "Petunjuk, Produk" },
      },
    ]);
  });

  it.each([
    ["truncated.xlsx", "damaged"],
    ["csv-named.xlsx", "csv"],
    // An OpenDocument spreadsheet (a zip, but no workbook inside) saved by LibreOffice, renamed.
    ["ods-named.xlsx", "ods"],
  ])("%s becomes one FILE_TYPE_MISMATCH issue saying it is %s, not a crash", async (name, actual) => {
    const source = await readXlsx(fixture(name), { file: name });
    expect(await collect(source)).toEqual([]);
    expect(source.issues).toHaveLength(1);
    expect(source.issues[0]).toMatchObject({ code: "FILE_TYPE_MISMATCH", severity: "error", file: name, line: 1 });
    expect(source.issues[0]?.args).toEqual({ expected: "xlsx", actual });
  });

  it("reads xlsx content whatever the file is called", async () => {
    const rows = await collect(await readXlsx(fixture("workbook-named.csv"), { file: "workbook-named.csv" }));
    expect(rowAt(rows, 1).cells[0]).toBe("Kode Produk (SKU)");
  });

  it("lets a missing file through as a system error for the caller", async () => {
    await expect(readXlsx(fixture("no-such.xlsx"), { file: "no-such.xlsx" })).rejects.toMatchObject({ code: "ENOENT" });
  });
});
