// FILE_TYPE_MISMATCH in words: each kind a file can really be reads naturally in both languages,
// from the args the readers produce and from real files through loadCatalog.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/index.js";
import type { Issue } from "../../src/issues.js";
import { formatIssue } from "../../src/report/messages.js";

const mismatch = (args: Record<string, string>, file = "katalog.xlsx"): Issue => ({ code: "FILE_TYPE_MISMATCH", severity: "error", file, line: 1, args });
const BROKEN = /undefined|NaN|null|\[object|\$\{|\s{2}|\s$/;

describe("FILE_TYPE_MISMATCH wording per kind", () => {
  it.each([
    [
      { actual: "damaged", expected: "xlsx" },
      "This file is a damaged or incomplete .xlsx workbook",
      "Berkas ini adalah berkas .xlsx yang rusak atau tidak lengkap",
      /Download or copy the file again.*save it again as \.xlsx/,
      /Unduh atau salin lagi berkasnya.*simpan lagi sebagai \.xlsx/,
    ],
    [
      { actual: "zip", expected: "xlsx" },
      "This file is really a zip archive with no workbook inside, not an Excel workbook (.xlsx) as its name says",
      "Isi berkas ini arsip zip tanpa buku kerja di dalamnya, bukan buku kerja Excel (.xlsx) seperti nama berkasnya",
      /Unzip it and use the catalogue file inside/,
      /Ekstrak arsipnya/,
    ],
    [
      { actual: "ods", expected: "xlsx" },
      "This file is really a LibreOffice Calc spreadsheet (.ods), not an Excel workbook (.xlsx) as its name says",
      "Isi berkas ini lembar kerja LibreOffice Calc (.ods), bukan buku kerja Excel (.xlsx) seperti nama berkasnya",
      /LibreOffice Calc and save it as \.xlsx or CSV/,
      /LibreOffice Calc lalu simpan sebagai \.xlsx atau CSV/,
    ],
    [
      { actual: "ods" },
      "This file is a LibreOffice Calc spreadsheet (.ods); desbumi reads only .xlsx and CSV catalogues",
      "Berkas ini adalah lembar kerja LibreOffice Calc (.ods); desbumi hanya membaca katalog .xlsx dan CSV",
      /save it as \.xlsx or CSV/,
      /simpan sebagai \.xlsx atau CSV/,
    ],
    [
      { actual: "pdf" },
      "This file is a PDF document; desbumi reads only .xlsx and CSV catalogues",
      "Berkas ini adalah dokumen PDF; desbumi hanya membaca katalog .xlsx dan CSV",
      /A PDF cannot be read back as a table/,
      /PDF tidak bisa dibaca kembali sebagai tabel/,
    ],
    [
      { actual: "binary" },
      "This file is binary data (such as an image or a program), not text or a spreadsheet; desbumi reads only .xlsx and CSV catalogues",
      "Berkas ini adalah data biner (misalnya gambar atau program), bukan teks atau spreadsheet; desbumi hanya membaca katalog .xlsx dan CSV",
      /Check that you picked the catalogue/,
      /Periksa apakah berkasnya benar/,
    ],
    [
      { actual: "xls" },
      "This file is an old Excel workbook (.xls); desbumi reads only .xlsx and CSV catalogues",
      "Berkas ini adalah buku kerja Excel lama (.xls); desbumi hanya membaca katalog .xlsx dan CSV",
      /save it as \.xlsx/,
      /simpan sebagai \.xlsx/,
    ],
    [
      { actual: "xlsx", expected: "csv" },
      "This file is really an Excel workbook (.xlsx), not CSV text as its name says",
      "Isi berkas ini buku kerja Excel (.xlsx), bukan teks CSV seperti nama berkasnya",
      /save it as \.xlsx or CSV UTF-8/,
      /simpan sebagai \.xlsx atau CSV UTF-8/,
    ],
  ])("%o", (args, en, id, enHint, idHint) => {
    const english = formatIssue(mismatch(args), "en");
    const indonesian = formatIssue(mismatch(args), "id");
    expect(english.message).toBe(en);
    expect(indonesian.message).toBe(id);
    expect(english.hint).toMatch(enHint);
    expect(indonesian.hint).toMatch(idHint);
    for (const text of [english.message, english.hint, indonesian.message, indonesian.hint]) expect(text).not.toMatch(BROKEN);
  });

  it("an unknown kind is still a sentence (never a raw code with a dangling clause)", () => {
    expect(formatIssue(mismatch({}), "en").message).toBe("This file is really something else, not what its name says");
    expect(formatIssue(mismatch({}), "id").message).toBe("Isi berkas ini tidak sesuai dengan akhiran namanya");
  });
});

describe("FILE_TYPE_MISMATCH from real files", () => {
  const fixtures = fileURLToPath(new URL("../fixtures/xlsx/", import.meta.url));
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "desbumi-kind-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const messageOf = async (file: string, cwd: string): Promise<string> => {
    const result = await loadCatalog(file, { cwd });
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    return formatIssue(issue!, "en").message;
  };

  it("a cut-short .xlsx and a renamed .ods", async () => {
    expect(await messageOf("truncated.xlsx", fixtures)).toBe("This file is a damaged or incomplete .xlsx workbook");
    expect(await messageOf("ods-named.xlsx", fixtures)).toContain("a LibreOffice Calc spreadsheet (.ods), not an Excel workbook (.xlsx)");
  });

  it("a PDF and binary data named .csv", async () => {
    await writeFile(join(dir, "katalog.csv"), Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(64, 1)]));
    expect(await messageOf("katalog.csv", dir)).toBe("This file is a PDF document; desbumi reads only .xlsx and CSV catalogues");
    await writeFile(join(dir, "foto.csv"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expect(await messageOf("foto.csv", dir)).toMatch(/^This file is binary data/);
  });
});
