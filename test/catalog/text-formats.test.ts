// Text files that are not tables: a LibreOffice flat XML (.fods), other XML, JSON. One
// FILE_TYPE_MISMATCH saying what the file is, instead of six MISSING_COLUMN and a MALFORMED_CSV.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadCatalog } from "../../src/catalog/index.js";
import { formatIssue } from "../../src/report/messages.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-textfmt-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const FODS =
  '<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">\n<office:body/></office:document>\n';

async function load(name: string, content: string | Uint8Array) {
  await writeFile(join(dir, name), content);
  return loadCatalog(name, { cwd: dir });
}
const shown = (r: Awaited<ReturnType<typeof load>>) => r.issues.map((i) => [i.code, i.line, i.args]);

describe("text that is not a table", () => {
  test.each([
    ["katalog.fods", FODS, { actual: "fods" }],
    ["katalog.csv", `\uFEFF  \n${FODS}`, { actual: "fods", expected: "csv" }],
    ["katalog.xml", '<?xml version="1.0"?>\n<produk><item sku="A"/></produk>\n', { actual: "xml" }],
    ["katalog.json", '{"produk": [{"sku": "A-1", "harga": 25000}]}\n', { actual: "json" }],
    ["katalog.csv", '  [{"sku": "A-1"}]', { actual: "json", expected: "csv" }],
  ])("%s -> one FILE_TYPE_MISMATCH %j", async (name, content, args) => {
    const r = await load(name, content);
    expect(r.valid).toBe(false);
    expect(shown(r)).toEqual([["FILE_TYPE_MISMATCH", 1, args]]);
  });

  test("UTF-16 XML is sniffed too", async () => {
    const r = await load("utf16.fods", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FODS, "utf16le")]));
    expect(shown(r)).toEqual([["FILE_TYPE_MISMATCH", 1, { actual: "fods" }]]);
  });

  test("a CSV whose title row starts with [ is still a CSV", async () => {
    const r = await load("judul.csv", "[Katalog Desa]\nsku,nama,harga,stok,berat,foto\nA-1,Kopi,25000,1,250,https://images.desbumi.example/a.jpg\n");
    expect(r.issues).toEqual([]);
    expect(r.rows).toBe(1);
  });

  test("the wording names the kind and what to do", () => {
    const fods = { code: "FILE_TYPE_MISMATCH" as const, severity: "error" as const, file: "k.fods", line: 1, args: { actual: "fods" } };
    expect(formatIssue(fods, "en").message).toBe("This file is a LibreOffice flat XML spreadsheet (.fods); desbumi reads only .xlsx and CSV catalogues");
    expect(formatIssue(fods, "en").hint).toMatch(/save it as \.xlsx or CSV/);
    expect(formatIssue(fods, "id").message).toContain("lembar kerja XML datar LibreOffice (.fods)");
    const json = { ...fods, file: "k.csv", args: { actual: "json", expected: "csv" } };
    expect(formatIssue(json, "en").message).toBe("This file is really JSON data, not CSV text as its name says");
    expect(formatIssue(json, "id").message).toBe("Isi berkas ini data JSON, bukan teks CSV seperti nama berkasnya");
  });

  test("a header of one column says 'column', not 'columns'", () => {
    const ragged = { code: "MALFORMED_CSV" as const, severity: "error" as const, file: "k.csv", line: 3, args: { reason: "extra_cells", expected: 1, actual: 4 } };
    expect(formatIssue(ragged, "en").message).toContain("this row has 4 cells but the header has 1 column");
    expect(formatIssue(ragged, "en").message).not.toContain("1 columns");
  });
});
