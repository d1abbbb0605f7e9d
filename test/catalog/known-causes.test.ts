// Issue 12.15: where the cause is known, the message says it. One line per case: the codes, lines
// and columns (plus the facts the wording needs); then what the wording says, in both languages.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { loadCatalog } from "../../src/catalog/index.js";
import type { Issue } from "../../src/issues.js";
import { formatIssue } from "../../src/report/messages.js";

const HEADER = "sku,nama,deskripsi,harga,stok,berat,kategori,foto";
const row = (cells: Partial<Record<"harga" | "berat" | "deskripsi", string>> = {}): string =>
  `K-1,Kopi Robusta,${cells.deskripsi ?? "Kopi petani."},${cells.harga ?? "25000"},10,${cells.berat ?? "250"},Kopi,https://img.desbumi.example/k.jpg`;

type Expected = [code: Issue["code"], line: number, column: string | undefined, args?: Record<string, string | number>];

async function issuesOf(name: string, content: string | Buffer): Promise<Issue[]> {
  const dir = await mkdtemp(join(tmpdir(), "desbumi-causes-"));
  await writeFile(join(dir, name), content);
  return (await loadCatalog(name, { cwd: dir })).issues;
}

const shape = (issues: Issue[], withArgs: boolean): Expected[] =>
  issues.map((i): Expected => (withArgs && i.args ? [i.code, i.line ?? 0, i.column, i.args] : [i.code, i.line ?? 0, i.column]));

describe("known causes are named (issue 12.15)", () => {
  test.each<[string, string, Expected[]]>([
    // An unquoted decimal comma splits the row: one cell more than the header, joined it is a decimal.
    ["0,5 kg unquoted in the weight column", `${HEADER}\n${row({ berat: "0,5 kg" })}\n`, [["DECIMAL_COMMA_SPLIT", 2, "berat", { joined: "0,5 kg", expected: 8, actual: 9 }]]],
    ["Rp 12,5 unquoted in the price column", `${HEADER}\n${row()}\n${row({ harga: "Rp 12,5" })}\n`, [["DECIMAL_COMMA_SPLIT", 3, "harga", { joined: "Rp 12,5", expected: 8, actual: 9 }]]],
    // A comma that is not a decimal stays a broken layout.
    ["an unquoted comma in the description", `${HEADER}\n${row({ deskripsi: "Kopi, enak" })}\n`, [["MALFORMED_CSV", 2, undefined, { reason: "extra_cells", expected: 8, actual: 9 }]]],
    // Excel turned a weight into a date.
    ["05/01/2026 in the weight column", `${HEADER}\n${row({ berat: "05/01/2026" })}\n`, [["WEIGHT_IS_DATE", 2, "berat", { date: "05/01/2026" }]]],
    ["1-Mei in the weight column", `${HEADER}\n${row({ berat: "1-Mei" })}\n`, [["WEIGHT_IS_DATE", 2, "berat", { date: "1-Mei" }]]],
    // A script is a script, not "HTML (such as <b>)".
    ["<script> in the description", `${HEADER}\n${row({ deskripsi: "<script>alert(1)</script> Kopi" })}\n`, [["SCRIPT_IN_TEXT", 2, "deskripsi", { field: "description", found: "<script" }]]],
    // Berat (kg) 1/3 is 333.33 g: not whole grams, and the rounded value is suggested.
    ["1/3 in a Berat (kg) column", `${HEADER.replace("berat", "Berat (kg)")}\n${row({ berat: "1/3" })}\n`, [["INVALID_WEIGHT", 2, "Berat (kg)", { field: "weight", reason: "fraction", grams: 333.33, suggested: 333 }]]],
  ])("%s", async (_name, csv, expected) => {
    expect(shape(await issuesOf("k.csv", csv), true)).toEqual(expected);
  });

  test("an xlsx date cell in the weight column is WEIGHT_IS_DATE at that cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Katalog");
    ws.addRow(HEADER.split(","));
    ws.addRow(["K-1", "Kopi Robusta", "Kopi petani.", 25000, 10, new Date(Date.UTC(2026, 4, 1)), "Kopi", "https://img.desbumi.example/k.jpg"]);
    const issues = await issuesOf("k.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    expect(issues.map((i) => [i.code, i.line, i.column, i.cell, i.args])).toEqual([["WEIGHT_IS_DATE", 2, "berat", "F2", { date: "01/05/2026" }]]);
  });

  test("the wording names the cause and the fix, in both languages", async () => {
    const say = async (csv: string, lang: "en" | "id") => {
      const [issue] = await issuesOf("k.csv", csv);
      const { message, hint } = formatIssue(issue!, lang);
      return `${message} | ${hint}`;
    };
    const comma = `${HEADER}\n${row({ berat: "0,5 kg" })}\n`;
    expect(await say(comma, "en")).toMatch(/unquoted decimal comma in "0,5 kg" splits the row.*Put the cell in quotes \("0,5 kg"\), or save the CSV with semicolons/);
    expect(await say(comma, "id")).toMatch(/Koma desimal tanpa tanda kutip di "0,5 kg" memecah baris.*titik koma/);
    const date = `${HEADER}\n${row({ berat: "05/01/2026" })}\n`;
    expect(await say(date, "en")).toMatch(/Weight "05\/01\/2026" is a date: Excel turned the weight into a date \| Format the weight column as Text or Number/);
    expect(await say(date, "id")).toContain("Excel mengubah angka berat menjadi tanggal");
    const script = `${HEADER}\n${row({ deskripsi: "<script>alert(1)</script> Kopi" })}\n`;
    expect(await say(script, "en")).toContain("contains a script (<script): marketplaces strip scripts or refuse the listing");
    expect(await say(script, "en")).not.toContain("such as <b>");
    const third = `${HEADER.replace("berat", "Berat (kg)")}\n${row({ berat: "1/3" })}\n`;
    expect(await say(third, "en")).toBe('Weight "1/3" comes to 333.33 g, not a whole number of grams | Write the weight in whole grams, e.g. 333 gr');
    expect(await say(third, "id")).toBe('Berat "1/3" sama dengan 333,33 gram, bukan angka gram yang utuh | Tulis berat dalam gram utuh, misalnya 333 gr');
  });
});
