import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./helpers.js";

const HEADER = "kode produk,nama produk,harga,stok,berat,foto";
const GOOD = `${HEADER}\nMW-001,Masker Kain Batik,Rp 25.000,10,50 gr,https://example.com/a.jpg\nMW-002,Carica Wonosobo,15000,24,"0,5 kg",https://example.com/b.jpg\n`;
// line 3: ambiguous price; line 4: stock not a number
const BAD = `${HEADER}\nMW-001,Masker Kain Batik,Rp 25.000,10,50 gr,https://example.com/a.jpg\nMW-002,Carica,"12,5",5,250,https://example.com/b.jpg\nMW-003,Kopi,20000,banyak,250,https://example.com/c.jpg\n`;
// valid for the bulk-upload template too: a description on every row, numeric category codes
const BULK_HEADER = "kode produk,nama produk,deskripsi,kategori,harga,stok,berat,foto";
const BULK_GOOD = `${BULK_HEADER}\nMW-001,Masker Kain Batik,Masker 3 lapis,2991,Rp 25.000,10,50 gr,https://example.com/a.jpg\nMW-002,Carica Wonosobo,Manisan carica,2982,15000,24,"0,5 kg",https://example.com/b.jpg\n`;
// an unknown column is only a warning
const WARN = `kode produk,nama produk,harga,stok,berat,foto,catatan\nMW-001,Masker,25000,10,50,https://example.com/a.jpg,lunas\n`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "desbumi-validate-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string): string => {
  const path = join(dir, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, content);
  return name;
};
const cli = (argv: string[], env: NodeJS.ProcessEnv = { LANG: "en_US.UTF-8" }, isTTY = false) => runCli(argv, { cwd: dir, env, isTTY });
const jsonOf = (stdout: string) =>
  JSON.parse(stdout) as { version: number; valid: boolean; files: { file: string; valid: boolean; rows: number; issues: { code: string; line: number | null; column: string | null; severity: string; message: string }[]; products: Record<string, unknown>[] }[] };

describe("desbumi validate", () => {
  it("exits 0 on a valid catalogue and says how many products it has", async () => {
    write("muiwo.csv", GOOD);
    const run = await cli(["validate", "muiwo.csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("✔ muiwo.csv: 2 products");
    expect(run.stderr).toBe("");
  });

  it("exits 1 on a broken catalogue, naming file, line and column", async () => {
    write("bad.csv", BAD);
    const run = await cli(["validate", "bad.csv"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/bad\.csv:3 harga: /);
    expect(run.stdout).toMatch(/bad\.csv:4 stok: /);
    const json = jsonOf((await cli(["validate", "bad.csv", "--format", "json"])).stdout);
    expect(json.valid).toBe(false);
    expect(json.files[0]!.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ["AMBIGUOUS_NUMBER", 3, "harga"],
      ["INVALID_STOCK", 4, "stok"],
    ]);
  });

  it("prints normalized products in json, with canonical names and lines", async () => {
    write("muiwo.csv", GOOD);
    const run = await cli(["validate", "muiwo.csv", "--format", "json"]);
    expect(run.code).toBe(0);
    const json = jsonOf(run.stdout);
    expect(json).toMatchObject({ version: 2, valid: true, files: [{ file: "muiwo.csv", valid: true, rows: 2 }] });
    expect(json.files[0]!.products[1]).toMatchObject({ sku: "MW-002", price: 15000, weight: 500, line: 3 });
  });

  it("exits 2 on a missing file, with a clear message and no stack trace", async () => {
    const run = await cli(["validate", "nope.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("nope.csv");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("validates the readable files and still exits 2 when one is missing", async () => {
    write("bad.csv", BAD);
    const run = await cli(["validate", "bad.csv", "gone.csv", "--format", "json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("gone.csv");
    const json = jsonOf(run.stdout);
    expect(json.valid).toBe(false);
    expect(json.files.map((f) => f.file)).toEqual(["bad.csv", "gone.csv"]);
    expect(json.files[0]!.issues).toHaveLength(2);
  });

  it.each([
    ["en", /gone\.csv/],
    ["id", /gone\.csv/],
  ] as const)("json (--lang %s) has an entry for an unreadable file saying why", async (lang, file) => {
    write("muiwo.csv", GOOD);
    const run = await cli(["--lang", lang, "validate", "muiwo.csv", "gone.csv", "--format", "json"]);
    expect(run.code).toBe(2);
    const json = jsonOf(run.stdout);
    expect(json.valid).toBe(false);
    expect(json.files[0]).toMatchObject({ file: "muiwo.csv", valid: true, rows: 2 });
    const entry = json.files[1] as unknown as Record<string, unknown>;
    const message = (entry.error as { message: string }).message;
    expect(entry).toEqual({ file: "gone.csv", valid: false, rows: 0, error: { message }, issues: [], products: [] });
    expect(message).toMatch(file);
    // the same bilingual message the terminal gets, in the chosen language
    expect(run.stderr).toContain(message);
    const other = await cli(["--lang", lang === "en" ? "id" : "en", "validate", "gone.csv", "--format", "json"]);
    expect((jsonOf(other.stdout).files[0] as unknown as { error: { message: string } }).error.message).not.toBe(message);
  });

  it("github format annotates an unreadable file and names it in the results and the job summary", async () => {
    write("bad.csv", BAD);
    const summary = join(dir, "summary.md");
    const run = await cli(["validate", "bad.csv", "gone.csv", "--format", "github"], { LANG: "en", GITHUB_STEP_SUMMARY: summary });
    expect(run.code).toBe(2);
    const annotation = run.stdout.split("\n").find((l) => l.startsWith("::error file=gone.csv,"));
    expect(annotation).toMatch(/^::error file=gone\.csv,title=desbumi::.*gone\.csv/);
    expect(run.stdout).toContain("✖ gone.csv: could not be read, not checked");
    expect(readFileSync(summary, "utf8")).toMatch(/- ❌ gone\.csv: could not be read, not checked: .*gone\.csv/);
  });

  it.each([
    [["validate", "x.csv", "--format", "xml"]],
    [["validate", "x.csv", "--bogus"]],
    [["validate", "x.csv", "--marketplace", "no-such-shop"]],
  ])("exits 2 on a bad flag: %j", async (argv) => {
    write("x.csv", GOOD);
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).not.toContain("✔");
    expect(run.stderr.length).toBeGreaterThan(0);
  });

  it("expands a glob of several files and reports each", async () => {
    write("catalogs/a.csv", GOOD);
    write("catalogs/b.csv", BAD);
    write("catalogs/notes.txt", "not a catalogue");
    const run = await cli(["validate", "catalogs/*.csv"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("✔ catalogs/a.csv: 2 products");
    expect(run.stdout).toMatch(/✖ catalogs\/b\.csv: 3 rows, 2 errors/);
    expect(run.stdout).toMatch(/1 of 2 files need fixing/);
  });

  it("checks a named marketplace's rules", async () => {
    write("muiwo.csv", BULK_GOOD);
    expect((await cli(["validate", "muiwo.csv", "--marketplace", "tokopedia-bulk"])).code).toBe(0);
    const unknown = await cli(["validate", "muiwo.csv", "--marketplace", "shopee"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("tokopedia");
  });

  it.each([
    ["empty.csv", ""],
    ["binary.csv", "\u0000\u0001\u0002PK\u0003\u0004garbage"],
    ["quote.csv", `${HEADER}\nMW-1,"Masker,25000,1,50,https://example.com/a.jpg\n`],
  ])("never crashes on %s: a located message and exit 1", async (name, content) => {
    write(name, content);
    const run = await cli(["validate", name, "--format", "json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    expect(jsonOf(run.stdout).files[0]!.issues.length).toBeGreaterThan(0);
  });

  it("exits 2 for a folder given as a file", async () => {
    mkdirSync(join(dir, "catalogs"));
    const run = await cli(["validate", "catalogs"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("catalogs");
  });

  it("exits 2 when a glob matches nothing", async () => {
    const run = await cli(["validate", "catalogs/*.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("catalogs/*.csv");
  });

  it("allows warnings, unless --strict", async () => {
    write("warn.csv", WARN);
    const relaxed = await cli(["validate", "warn.csv"]);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toMatch(/warn\.csv:1 catatan: /);
    expect((await cli(["validate", "warn.csv", "--strict"])).code).toBe(1);
  });

  it("speaks the language asked for, or the one from LANG", async () => {
    write("bad.csv", BAD);
    const id = await cli(["--lang", "id", "validate", "bad.csv"]);
    const en = await cli(["--lang", "en", "validate", "bad.csv"]);
    expect(id.stdout).toMatch(/3 baris, 2 kesalahan/);
    expect(en.stdout).toMatch(/3 rows, 2 errors/);
    expect(id.stdout).not.toBe(en.stdout);
    const fromEnv = await cli(["validate", "bad.csv"], { LANG: "id_ID.UTF-8" });
    expect(fromEnv.stdout).toBe(id.stdout);
  });

  it("colours a terminal, but not with NO_COLOR or when piped", async () => {
    write("bad.csv", BAD);
    expect((await cli(["validate", "bad.csv"], { LANG: "en" }, true)).stdout).toMatch(/\u001b\[/);
    expect((await cli(["validate", "bad.csv"], { LANG: "en", NO_COLOR: "1" }, true)).stdout).not.toMatch(/\u001b\[/);
    expect((await cli(["validate", "bad.csv"])).stdout).not.toMatch(/\u001b\[/);
  });

  it("annotates for GitHub and writes the job summary", async () => {
    write("bad.csv", BAD);
    const summary = join(dir, "summary.md");
    const run = await cli(["validate", "bad.csv", "--format", "github"], { LANG: "en", GITHUB_STEP_SUMMARY: summary });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=bad\.csv,line=3,title=AMBIGUOUS_NUMBER::/m);
    expect(readFileSync(summary, "utf8")).toContain("`INVALID_STOCK`");
  });

  it("points at the spreadsheet cell for xlsx files", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Produk");
    ws.addRow(["kode produk", "nama produk", "harga", "stok", "berat", "foto"]);
    ws.addRow(["MW-001", "Masker", 25000, 10, 50, "https://example.com/a.jpg"]);
    ws.addRow(["MW-002", "Carica", "12,5", 5, 250, "https://example.com/b.jpg"]);
    await wb.xlsx.writeFile(join(dir, "k.xlsx"));
    const run = await cli(["validate", "k.xlsx"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("k.xlsx Produk!C3 harga:");
    const json = jsonOf((await cli(["validate", "k.xlsx", "--format", "json"])).stdout);
    expect(json.files[0]!.issues[0]).toMatchObject({ code: "AMBIGUOUS_NUMBER", line: 3, sheet: "Produk", cell: "C3" });
  });

  describe("--marketplace tokopedia-bulk checks what the bulk-upload template needs", () => {
    // line 2: no description; line 3: a category name, not a code; line 4: both fine
    const ROWS = `${BULK_HEADER}\nMW-001,Masker,,2991,25000,10,50,https://example.com/a.jpg\nMW-002,Carica,Manisan,Manisan Buah,25000,10,50,https://example.com/b.jpg\nMW-003,Kopi,Bubuk,2982,25000,10,50,https://example.com/c.jpg\n`;
    const issuesOf = (stdout: string) => jsonOf(stdout).files[0]!.issues.map((i) => [i.code, i.line, i.column]);

    it("an empty description and a category name are errors at their cells; the API marketplace accepts both", async () => {
      write("rows.csv", ROWS);
      const bulk = await cli(["validate", "rows.csv", "--marketplace", "tokopedia-bulk", "--format", "json"]);
      expect(bulk.code).toBe(1);
      expect(issuesOf(bulk.stdout)).toEqual([
        ["REQUIRED_VALUE_MISSING", 2, "deskripsi"],
        ["CATEGORY_NOT_FOUND", 3, "kategori"],
      ]);
      const category = jsonOf(bulk.stdout).files[0]!.issues[1]!;
      expect(category.message).toMatch(/is not a category code: .*numeric Kode Kategori/);
      expect(jsonOf(bulk.stdout).files[0]!.issues[0]!.message).toBe('"deskripsi" is empty but required');
      const api = await cli(["validate", "rows.csv", "--marketplace", "tokopedia", "--format", "json"]);
      expect(api.code).toBe(0);
      expect((await cli(["validate", "rows.csv"])).code).toBe(0);
    });

    it("no description column at all is one MISSING_COLUMN", async () => {
      write("nodesc.csv", `kode produk,nama produk,kategori,harga,stok,berat,foto\nMW-001,Masker,2991,25000,10,50,https://example.com/a.jpg\n`);
      const bulk = await cli(["validate", "nodesc.csv", "--marketplace", "tokopedia-bulk", "--format", "json"]);
      expect(bulk.code).toBe(1);
      expect(issuesOf(bulk.stdout)).toEqual([["MISSING_COLUMN", 1, null]]);
      expect(jsonOf(bulk.stdout).files[0]!.issues[0]!.message).toBe('The required column "description" is missing from the header row');
      expect(jsonOf(bulk.stdout).files[0]!.products).toEqual([]);
    });

    it("from the config: a tokopedia-bulk group with a categories map may use names; one without may not", async () => {
      const named = `${BULK_HEADER}\nMW-001,Masker,Kain,Kesehatan,25000,10,50,https://example.com/a.jpg\n`;
      write("catalogs/mapped.csv", named);
      write("catalogs/plain.csv", named);
      write(
        "desbumi.config.json",
        JSON.stringify({
          marketplace: { adapter: "tokopedia-bulk", outDir: "upload" },
          groups: [
            { id: "mapped", name: "Mapped", catalog: "catalogs/mapped.csv", marketplace: { categories: { Kesehatan: 2991 } } },
            { id: "plain", name: "Plain", catalog: "catalogs/plain.csv" },
          ],
        }),
      );
      const run = await cli(["validate", "--format", "json"]);
      expect(run.code).toBe(1);
      const files = jsonOf(run.stdout).files;
      expect(files.map((f) => [f.file, f.valid, f.issues.map((i) => i.code)])).toEqual([
        ["catalogs/mapped.csv", true, []],
        ["catalogs/plain.csv", false, ["CATEGORY_NOT_FOUND"]],
      ]);
      // The flag naming the same adapter keeps the group's options; another adapter ignores them.
      expect(jsonOf((await cli(["validate", "--format", "json", "--marketplace", "tokopedia-bulk"])).stdout).files.map((f) => f.valid)).toEqual([true, false]);
      expect((await cli(["validate", "--marketplace", "tokopedia"])).code).toBe(0);
    });
  });

  it("an unknown --sheet is a bad flag: exit 2, and the report still says which sheets there are", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Produk");
    ws.addRow(["kode produk", "nama produk", "harga", "stok", "berat", "foto"]);
    ws.addRow(["MW-001", "Masker", 25000, 10, 50, "https://example.com/a.jpg"]);
    await wb.xlsx.writeFile(join(dir, "k.xlsx"));
    write("good.csv", GOOD);
    const run = await cli(["validate", "k.xlsx", "--sheet", "Nope"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('There is no sheet "Nope" in this workbook; sheets: Produk');
    const json = await cli(["validate", "k.xlsx", "good.csv", "--sheet", "Nope", "--format", "json"]);
    expect(json.code).toBe(2);
    expect(jsonOf(json.stdout).files.map((f) => [f.file, f.valid, f.issues.map((i) => i.code)])).toEqual([
      ["k.xlsx", false, ["SHEET_NOT_FOUND"]],
      // issue 12.13: --sheet does not apply to a CSV, and says so
      ["good.csv", true, ["SHEET_IGNORED"]],
    ]);
    expect((await cli(["validate", "k.xlsx", "--sheet", "produk"])).code).toBe(0);
  });

  describe("with no file argument", () => {
    it("says how to call it when there is no config either", async () => {
      const run = await cli(["validate"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/desbumi validate catalog\.csv/);
      expect((await cli(["--lang", "id", "validate"])).stderr).toMatch(/desbumi validate katalog\.csv/);
    });

    it("validates every group's catalogue from desbumi.config.json", async () => {
      write("catalogs/muiwo.csv", GOOD);
      write("catalogs/bumi.csv", BAD);
      write(
        "desbumi.config.json",
        JSON.stringify({
          groups: [
            { id: "muiwo", name: "MUIWO Lipursari", catalog: "catalogs/muiwo.csv" },
            { id: "bumi", name: "BUMI Adikusuma", catalog: "catalogs/bumi.csv" },
          ],
        }),
      );
      mkdirSync(join(dir, "sub"));
      const run = await runCli(["validate", "--format", "json"], { cwd: join(dir, "sub"), env: { LANG: "en" } });
      expect(run.code).toBe(1);
      const json = jsonOf(run.stdout);
      expect(json.files.map((f) => [f.file, f.valid])).toEqual([
        ["../catalogs/muiwo.csv", true],
        ["../catalogs/bumi.csv", false],
      ]);
    });

    it("exits 2 on an invalid config", async () => {
      write("desbumi.config.json", JSON.stringify({ groups: [{ id: "x", name: "X", catalog: "a.csv", katalog: "b.csv" }] }));
      const run = await cli(["validate"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("katalog");
    });
  });
});
