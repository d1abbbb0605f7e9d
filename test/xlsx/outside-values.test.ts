// Issue 13.20: a workbook whose values come from outside it (macros, links to other workbooks,
// WEBSERVICE/FILTERXML formulas) validated silently with the cached values. Now a warning at the
// file (and the cell, where it is known) says the values may not be what the facilitator sees.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/index.js";
import type { Issue } from "../../src/issues.js";
import { formatIssue } from "../../src/report/messages.js";
import { escapeXml, rowXml, workbookParts, zipParts, type Part } from "./xlsx-builder.js";

const HEADER = ["Kode Produk", "Nama Produk", "Harga", "Stok", "Berat", "Foto"];
const PHOTO = "https://img.desbumi.example/kopi.jpg";
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-xlsx-outside-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A catalogue whose price cell C2 holds `formula` (cached value 25000), plus `extra` parts. */
function catalogue(formula: string | undefined, extra: Part[] = [], contentTypes?: string): Buffer {
  const price = formula === undefined ? "<c r=\"C2\"><v>25000</v></c>" : `<c r="C2"><f>${escapeXml(formula)}</f><v>25000</v></c>`;
  const row2 = rowXml(["KP-1", "Kopi Arabika", null, 3, 250, PHOTO], 2).replace('<c r="D2">', `${price}<c r="D2">`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${rowXml(HEADER, 1)}${row2}</sheetData></worksheet>`;
  return zipParts(workbookParts([{ name: "Produk", xml }], { extra, ...(contentTypes ? { contentTypes } : {}) }));
}

const EXTERNAL_LINK_PARTS: Part[] = [
  { name: "xl/externalLinks/externalLink1.xml", data: `<externalLink ${NS}><externalBook r:id="rId1" xmlns:r="r"/></externalLink>` },
  {
    name: "xl/externalLinks/_rels/externalLink1.xml.rels",
    data: '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///C:/Data/harga%20juni.xlsx" TargetMode="External"/></Relationships>',
  },
];
const MACRO_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>';

async function read(name: string, bytes: Buffer): Promise<{ valid: boolean; issues: Issue[]; price: number | undefined }> {
  await writeFile(join(dir, name), bytes);
  const result = await loadCatalog(name, { cwd: dir });
  return { valid: result.valid, issues: result.issues, price: result.products[0]?.price };
}

const where = (i: Issue): (string | number | undefined)[] => [i.code, i.severity, i.cell ?? "file", i.args?.kind];

describe("values from outside the workbook (issue 13.20)", () => {
  it.each<[string, string | undefined, Part[], string | undefined, (string | number | undefined)[][]]>([
    ["a VBA project (xl/vbaProject.bin)", undefined, [{ name: "xl/vbaProject.bin", data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) }], undefined, [["MACRO", "warning", "file", "vba"]]],
    ["a macro-enabled workbook type ([Content_Types].xml)", undefined, [], MACRO_TYPES, [["MACRO", "warning", "file", "vba"]]],
    ["an Excel 4 macro sheet (xl/macrosheets/)", undefined, [{ name: "xl/macrosheets/sheet1.xml", data: "<xm:macrosheet/>" }], undefined, [["MACRO", "warning", "file", "xlm"]]],
    ["a link to another workbook (xl/externalLinks/)", undefined, EXTERNAL_LINK_PARTS, undefined, [["EXTERNAL_LINK", "warning", "file", "workbook"]]],
    ["a price taken from another workbook ([1]Harga!B2)", "[1]Harga!B2", EXTERNAL_LINK_PARTS, undefined, [["EXTERNAL_LINK", "warning", "file", "workbook"], ["EXTERNAL_LINK", "warning", "C2", "workbook"]]],
    ["a price taken from a named workbook ('C:\\data\\[harga.xlsx]Sheet1'!B2)", "'C:\\data\\[harga.xlsx]Sheet1'!B2*1", [], undefined, [["EXTERNAL_LINK", "warning", "C2", "workbook"]]],
    ["a price from the web (_xlfn.WEBSERVICE)", '_xlfn.VALUE(_xlfn.WEBSERVICE("http://127.0.0.1:9/harga"))', [], undefined, [["EXTERNAL_LINK", "warning", "C2", "web"]]],
    ["a price from FILTERXML", 'FILTERXML(A9,"//harga")', [], undefined, [["EXTERNAL_LINK", "warning", "C2", "web"]]],
  ])("%s", async (_, formula, extra, contentTypes, expected) => {
    const r = await read(`k-${expected.length}-${Math.random().toString(36).slice(2)}.xlsx`, catalogue(formula, extra, contentTypes));
    expect(r.issues.map(where)).toEqual(expected);
    // Warnings only: the cached value is still read and the catalogue stays valid.
    expect(r.valid).toBe(true);
    expect(r.price).toBe(25000);
  });

  it("formulas within the workbook say nothing; only the one reaching outside is warned about", async () => {
    const rows = [rowXml(HEADER, 1)];
    const formulas = ["SUM(Stok!B2:B9)*2", "Tabel1[@Harga]*1", 'CONCATENATE("[1]Harga!",B2)', "SUMIF(Tabel1[Kat],\"a\",Tabel1[Harga])&Sheet1!A1", '_xlfn.WEBSERVICE("http://127.0.0.1:9/h")'];
    formulas.forEach((f, i) => {
      const line = i + 2;
      rows.push(rowXml([`KP-${line}`, `Kopi ${line}`, null, 3, 250, PHOTO], line).replace(`<c r="D${line}">`, `<c r="C${line}"><f>${escapeXml(f)}</f><v>25000</v></c><c r="D${line}">`));
    });
    const xml = `<?xml version="1.0"?><worksheet ${NS}><sheetData>${rows.join("")}</sheetData></worksheet>`;
    const r = await read("inside.xlsx", zipParts(workbookParts([{ name: "Produk", xml }])));
    expect(r.issues.map(where)).toEqual([["EXTERNAL_LINK", "warning", "C6", "web"]]);
  });

  it("the cell warning is located at Produk!C2 and quotes the formula", async () => {
    const r = await read("web.xlsx", catalogue('_xlfn.WEBSERVICE("http://127.0.0.1:9/harga")'));
    expect(r.issues).toEqual([
      { code: "EXTERNAL_LINK", severity: "warning", file: "web.xlsx", line: 2, sheet: "Produk", cell: "C2", value: '_xlfn.WEBSERVICE("http://127.0.0.1:9/harga")', args: { kind: "web" } },
    ]);
  });

  it("says what is wrong and how to fix it, in both languages", async () => {
    const file = (await read("linked.xlsx", catalogue("[1]Harga!B2", EXTERNAL_LINK_PARTS))).issues;
    const macro = (await read("macro.xlsm", catalogue(undefined, [], MACRO_TYPES))).issues;
    const [atFile, atCell] = file;
    expect(formatIssue(atFile!, "en").message).toBe("This workbook links to another workbook (harga juni.xlsx); desbumi reads the values as last saved, which may not be what you see in Excel");
    expect(formatIssue(atFile!, "id").message).toBe("Buku kerja ini terhubung ke buku kerja lain (harga juni.xlsx); desbumi membaca nilai yang terakhir tersimpan, yang bisa berbeda dari yang terlihat di Excel");
    expect(formatIssue(atCell!, "en").message).toBe(`This cell's formula "[1]Harga!B2" takes its value from another workbook; desbumi reads the value as last saved, which may not be what you see in Excel`);
    expect(formatIssue(atCell!, "en").hint).toMatch(/paste them as values \(Paste Special > Values\)/);
    expect(formatIssue(atCell!, "id").hint).toMatch(/tempel sebagai nilai/);
    expect(formatIssue(macro[0]!, "en").hint).toMatch(/Save As > Excel Workbook \(\*\.xlsx\)/);
    expect(formatIssue(macro[0]!, "id").message).toMatch(/berisi makro/);
  });

  it("past 20 formula cells the rest are counted, not listed", async () => {
    const rows = [rowXml(HEADER, 1)];
    for (let line = 2; line <= 31; line++) {
      rows.push(rowXml([`KP-${line}`, `Kopi ${line}`, null, 3, 250, PHOTO], line).replace(`<c r="D${line}">`, `<c r="C${line}"><f>[1]Harga!B${line}</f><v>25000</v></c><c r="D${line}">`));
    }
    const xml = `<?xml version="1.0"?><worksheet ${NS}><sheetData>${rows.join("")}</sheetData></worksheet>`;
    const r = await read("many.xlsx", zipParts(workbookParts([{ name: "Produk", xml }])));
    expect(r.issues.filter((i) => i.cell !== undefined)).toHaveLength(20);
    const rest = r.issues.find((i) => i.args?.more !== undefined);
    expect(rest?.args?.more).toBe(10);
    expect(formatIssue(rest!, "en").message).toBe("10 more cells also take their values from outside this file");
  });
});
