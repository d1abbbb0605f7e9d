// loadCatalog on files built in a temp folder: unreadable files, hostile bytes, big inputs,
// and the XLSX path through the shared pipeline.
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadCatalog, normalizeRows } from "../../src/catalog/index.js";
import type { RawRow, RowSource } from "../../src/catalog/source.js";
import { UsageError } from "../../src/errors.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-catalog-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const IMG = "https://images.desbumi.example/t.jpg";
const HEADER = "sku,nama,harga,stok,berat,foto";
async function load(name: string, content: string | Uint8Array, opts = {}) {
  await writeFile(join(dir, name), content);
  return loadCatalog(name, { cwd: dir, ...opts });
}
const codes = (r: { issues: { code: string; line?: number }[] }) => r.issues.map((i) => [i.code, i.line]);

describe("files that cannot be read are a UsageError", () => {
  test("missing file, folder, no permission", async () => {
    await expect(loadCatalog("nope.csv", { cwd: dir })).rejects.toBeInstanceOf(UsageError);
    await mkdir(join(dir, "folder.csv"));
    await expect(loadCatalog("folder.csv", { cwd: dir })).rejects.toThrow(/folder/);
    await writeFile(join(dir, "secret.csv"), `${HEADER}\n`);
    await chmod(join(dir, "secret.csv"), 0o000);
    const isRoot = process.getuid?.() === 0;
    if (!isRoot) await expect(loadCatalog("secret.csv", { cwd: dir })).rejects.toBeInstanceOf(UsageError);
    const error = await loadCatalog("nope.csv", { cwd: dir }).catch((e: unknown) => e);
    expect(error).toMatchObject({ text: { id: expect.stringContaining("nope.csv"), en: expect.stringContaining("nope.csv") } });
  });
});

describe("inline CSV", () => {
  test("mixed CRLF and LF line endings keep physical lines", async () => {
    const r = await load("mixed.csv", `${HEADER}\r\nA,Kopi,25000,1,250,${IMG}\nB,Teh,1.5,1,250,${IMG}\r\nC,Jamu,"12,5",1,250,${IMG}\n`);
    expect(codes(r)).toEqual([["AMBIGUOUS_NUMBER", 3], ["AMBIGUOUS_NUMBER", 4]]);
  });

  test("a header with no product rows (after a title row, before blank lines) is EMPTY_FILE at the header line", async () => {
    const r = await load("header-only-title.csv", `Katalog Desa\n${HEADER}\n\n,,,,,\n`);
    expect(r.valid).toBe(false);
    expect(r.issues).toEqual([{ code: "EMPTY_FILE", severity: "error", file: "header-only-title.csv", line: 2, args: { reason: "header_only" } }]);
  });

  test("a header missing columns and no rows keeps its MISSING_COLUMN errors only", async () => {
    const r = await load("header-missing.csv", "sku,nama,harga,stok,berat\n");
    expect(codes(r)).toEqual([["MISSING_COLUMN", 1]]);
  });

  test("a script in a name or description is a SCRIPT_IN_TEXT error at its cell; plain HTML stays a warning", async () => {
    const r = await load(
      "scripts.csv",
      [
        "sku,nama,deskripsi,harga,stok,berat,foto",
        `S-1,Keripik,"<b>Renyah</b> <script>alert(1)</script>",15000,1,250,${IMG}`,
        `S-2,"Kopi <img src=x onerror=alert(1)>",Enak,15000,1,250,${IMG}`,
        `S-3,Teh,"<a href=""javascript:alert(1)"">promo</a>",15000,1,250,${IMG}`,
        `S-4,Madu,<p>Madu <b>asli</b></p>,15000,1,250,${IMG}`,
        "",
      ].join("\n"),
    );
    // Issue 12.15: a script is only SCRIPT_IN_TEXT, never also "HTML (such as <b>)".
    expect(r.issues.map((i) => [i.code, i.severity, i.line, i.column, i.args?.found])).toEqual([
      ["SCRIPT_IN_TEXT", "error", 2, "deskripsi", "<script"],
      ["SCRIPT_IN_TEXT", "error", 3, "nama", "onerror="],
      ["SCRIPT_IN_TEXT", "error", 4, "deskripsi", "javascript:"],
      ["HTML_IN_DESCRIPTION", "warning", 5, "deskripsi", undefined],
    ]);
    expect(r.products.map((p) => p.sku)).toEqual(["S-4"]);
  });

  test("weights with a decimal dot: 0.5kg, 1.25 kg and a bare 1.5 under `berat (kg)` are grams; 1.500 kg stays ambiguous", async () => {
    const r = await load(
      "dot-weights.csv",
      ["sku,nama,harga,stok,berat (kg),foto", `D-1,Kopi,15000,1,0.5kg,${IMG}`, `D-2,Teh,15000,1,1.25 kg,${IMG}`, `D-3,Madu,15000,1,1.5,${IMG}`, `D-4,Gula,15000,1,1.500,${IMG}`, ""].join("\n"),
    );
    expect(r.products.map((p) => [p.sku, p.weight])).toEqual([["D-1", 500], ["D-2", 1250], ["D-3", 1500]]);
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([["AMBIGUOUS_NUMBER", 5, "berat (kg)"]]);
  });

  test("blank rows are skipped but counted as lines", async () => {
    const r = await load("blank.csv", `${HEADER}\n\nA,Kopi,25000,1,250,${IMG}\n,,,,,\nB,Teh,x,1,250,${IMG}\n`);
    expect(r.rows).toBe(2);
    expect(codes(r)).toEqual([["INVALID_PRICE", 5]]);
  });

  test("collectProducts:false still validates but keeps no products", async () => {
    const r = await load("nocollect.csv", `${HEADER}\nA,Kopi,25000,1,250,${IMG}\nA,Teh,25000,1,250,${IMG}\n`, { collectProducts: false });
    expect(r.products).toEqual([]);
    expect(r.invalidSkus).toEqual(["A"]);
    expect(codes(r)).toEqual([["DUPLICATE_SKU", 2], ["DUPLICATE_SKU", 3]]);
  });

  test("uniqueNames off: same names are fine", async () => {
    const { DEFAULT_RULES } = await import("../../src/rules.js");
    const r = await load("names.csv", `${HEADER}\nA,Kopi,25000,1,250,${IMG}\nB,kopi,25000,1,250,${IMG}\n`, { rules: { ...DEFAULT_RULES, uniqueNames: false } });
    expect(r.valid).toBe(true);
  });

  test("a Windows-1252 byte deep in the file is found, decoded and located", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `S${i},Kopi nomor ${i},25000,1,250,${IMG}`);
    const head = Buffer.from(`${HEADER}\n${rows.join("\n")}\n`);
    expect(head.length).toBeGreaterThan(128 * 1024);
    const tail = Buffer.from([...Buffer.from("Z1,Caf"), 0xe9, ...Buffer.from(` Osing,25000,1,250,${IMG}\n`)]);
    const r = await load("late-cp1252.csv", Buffer.concat([head, tail]));
    expect(codes(r)).toEqual([["ENCODING_GUESSED", 3002]]);
    expect(r.products.at(-1)).toMatchObject({ sku: "Z1", name: "Café Osing", line: 3002 });
    expect(JSON.stringify(r)).not.toContain("\ufffd");
  });

  test("valid UTF-8 and a stray Windows-1252 byte in one file: each decoded as it is", async () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADER}\nA,Kopi – Ijen,25000,1,250,${IMG}\nB,Caf`), Buffer.from([0xe9]), Buffer.from(`,25000,1,250,${IMG}\n`)]);
    const r = await load("mixed-enc.csv", bytes);
    expect(r.products.map((p) => p.name)).toEqual(["Kopi – Ijen", "Café"]);
    expect(codes(r)).toEqual([["ENCODING_GUESSED", 3]]);
  });

  test("a 50 MB cell is a located MALFORMED_CSV, not a hang or a crash", async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x61);
    const r = await load("big-cell.csv", Buffer.concat([Buffer.from(`${HEADER}\nA,Kopi,25000,1,250,${IMG}\nB,"`), big, Buffer.from(`",1,1,1,${IMG}\n`)]));
    expect(codes(r)).toEqual([["MALFORMED_CSV", 3]]);
    expect(r.issues[0]?.args).toEqual({ reason: "record_too_large" });
    expect(r.products.map((p) => p.sku)).toEqual(["A"]);
  });

  test("NUL bytes after the sniffed head do not crash", async () => {
    const r = await load("late-nul.csv", Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from("x".repeat(9000)), Buffer.from([0, 0, 0]), Buffer.from(`\nA,Kopi,25000,1,250,${IMG}\n`)]));
    expect(r.valid).toBe(false);
    expect(r.issues.every((i) => (i.line ?? 0) >= 1)).toBe(true);
  });

  test("a UTF-16 file without a BOM is recognized", async () => {
    const r = await load("nobom16.csv", Buffer.from(`sku\tnama\tharga\tstok\tberat\tfoto\nA\tKopi\t25000\t1\t250\t${IMG}\n`, "utf16le"));
    expect(r.valid).toBe(true);
    expect(r.products[0]?.name).toBe("Kopi");
  });
});

describe("never throws on arbitrary bytes", () => {
  test("fuzz: every issue is located, nothing throws", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc.array(fc.constantFrom(HEADER, `A,Kopi,25000,1,250,${IMG}`, '"', ",", ";", "\r", "\n", "\r\n", "Rp 1.5", "\u00e9", "sep=;", ""), { maxLength: 30 })
            .map((parts) => Buffer.from(parts.join(""))),
        ),
        async (bytes) => {
          const r = await load(`fuzz-${n++ % 5}.csv`, bytes);
          for (const issue of r.issues) expect(issue.line).toBeGreaterThanOrEqual(1);
          expect(r.valid).toBe(!r.issues.some((i) => i.severity === "error"));
          expect(r.products.length).toBeLessThanOrEqual(r.rows);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("XLSX rows go through the same pipeline", () => {
  const source = (rows: RawRow[]): RowSource => ({
    format: "xlsx",
    sheet: "Produk",
    issues: [],
    rows: (async function* () {
      yield* rows;
    })(),
  });

  test("numbers stay numbers; issues carry sheet and cell", async () => {
    const r = await normalizeRows(
      source([
        { line: 1, cells: ["Katalog Bumi Sejati", null] },
        { line: 3, cells: ["SKU", "Nama Produk", "Harga", "Stok", "Berat (kg)", "Foto", "Status"] },
        { line: 4, cells: [7, "Batik", 25000, 3, 0.5, IMG, true] },
        { line: 5, cells: ["BS-2", "Kain", 12.5, 3, 1, IMG, false] },
        { line: 6, cells: [null, null, null, null, null, null, null] },
        { line: 7, cells: ["BS-3", "Tas", "Rp 25.000", "", 1, IMG, "ya"] },
      ]),
      { file: "katalog.xlsx" },
    );
    expect(r.format).toBe("xlsx");
    expect(r.rows).toBe(3);
    expect(r.products).toEqual([
      expect.objectContaining({ sku: "7", price: 25000, weight: 500, status: "active", line: 4, sheet: "Produk" }),
    ]);
    expect(r.issues.map((i) => [i.code, i.line, i.sheet, i.cell, i.column])).toEqual([
      ["INVALID_PRICE", 5, "Produk", "C5", "Harga"],
      ["REQUIRED_VALUE_MISSING", 7, "Produk", "D7", "Stok"],
    ]);
  });

  test("a sheet with only a header (and blank rows) is EMPTY_FILE at the header row, not a valid empty catalogue", async () => {
    const r = await normalizeRows(
      source([
        { line: 1, cells: ["Katalog Bumi Sejati", null] },
        { line: 3, cells: ["SKU", "Nama Produk", "Harga", "Stok", "Berat (kg)", "Foto"] },
        { line: 4, cells: [null, null, null, null, null, null] },
      ]),
      { file: "katalog.xlsx" },
    );
    expect(r).toMatchObject({ valid: false, rows: 0, products: [] });
    expect(r.issues).toEqual([
      { code: "EMPTY_FILE", severity: "error", file: "katalog.xlsx", line: 3, sheet: "Produk", args: { reason: "header_only" } },
    ]);
  });

  test("file-level issues get the sheet but no cell", async () => {
    const r = await normalizeRows(source([{ line: 2, cells: ["SKU", "Nama"] }, { line: 3, cells: ["A", "B"] }]), { file: "k.xlsx" });
    expect(r.issues.filter((i) => i.code === "MISSING_COLUMN").every((i) => i.sheet === "Produk" && i.cell === undefined && i.line === 2)).toBe(true);
  });
});
