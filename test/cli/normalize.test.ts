import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/index.js";
import type { Product } from "../../src/catalog/types.js";
import { formatCanonicalCsv, protectFormula, quoteCsvCell, writeCanonicalCsv } from "../../src/catalog/write-csv.js";
import { runCli } from "./helpers.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "desbumi-normalize-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const product = (overrides: Partial<Product> = {}): Product => ({
  sku: "MW-001",
  name: "Masker Kain Batik",
  description: "Masker 3 lapis",
  price: 25000,
  stock: 10,
  weight: 50,
  category: "",
  condition: "NEW",
  status: "active",
  min_order: 1,
  etalase: "",
  images: ["https://example.com/a.jpg"],
  ...overrides,
});

// Messy but valid: title row, Indonesian headers, semicolons, rupiah and kg notations, multi-line cell.
const MESSY =
  "Katalog Produk MUIWO Lipursari 2021\n" +
  "Kode Produk;Nama Produk;Deskripsi;Harga (Rp);Stok;Berat;Kondisi;Status;Foto\n" +
  'MW-001;Masker  Kain Batik;"Tiga lapis, motif batik\nWonosobo";Rp 25.000;10;50 gr;baru;aktif;https://example.com/a.jpg | https://example.com/b.jpg\n' +
  "0042;Kopi Arabika, 250 gr;Kopi \"Sindoro\";25rb;1.000;0,25 kg;bekas;nonaktif;https://example.com/c.jpg\n";

describe("canonical CSV writer", () => {
  it("guards cells a spreadsheet would run as formulas", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(protectFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(protectFormula("Kopi = enak")).toBe("Kopi = enak");
  });

  it("quotes only cells with commas, quotes or line breaks", () => {
    expect(quoteCsvCell("a,b")).toBe('"a,b"');
    expect(quoteCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsvCell("two\nlines")).toBe('"two\nlines"');
    expect(quoteCsvCell("plain")).toBe("plain");
  });

  it("writes canonical headers and joins images with |", () => {
    const csv = formatCanonicalCsv([product({ images: ["https://e.com/1.jpg", "https://e.com/2.jpg"], name: "=SUM(A1)" })]);
    const [header, row] = csv.split("\n");
    expect(header).toBe("sku,name,description,price,stock,weight,category,condition,status,min_order,etalase,images");
    expect(row).toBe("MW-001,'=SUM(A1),Masker 3 lapis,25000,10,50,,NEW,active,1,,https://e.com/1.jpg|https://e.com/2.jpg");
  });

  it("writes atomically and leaves no temporary file behind", async () => {
    const target = join(dir, "clean.csv");
    writeFileSync(target, "old content");
    await writeCanonicalCsv([product()], target);
    expect(readFileSync(target, "utf8")).toMatch(/^sku,name,/);
    expect(readdirSync(dir)).toEqual(["clean.csv"]);
    await expect(writeCanonicalCsv([product()], join(dir, "no-such-dir", "x.csv"))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(["clean.csv"]);
  });
});

describe("desbumi normalize", () => {
  it("writes the canonical catalogue, and reading it back gives the same products", async () => {
    writeFileSync(join(dir, "messy.csv"), MESSY);
    const run = await runCli(["normalize", "messy.csv", "-o", "clean.csv"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("clean.csv");
    const clean = readFileSync(join(dir, "clean.csv"), "utf8");
    expect(clean.split("\n")[0]).toBe("sku,name,description,price,stock,weight,category,condition,status,min_order,etalase,images");
    expect(clean).toContain("0042,");
    const before = await loadCatalog("messy.csv", { cwd: dir });
    const after = await loadCatalog("clean.csv", { cwd: dir });
    expect(after.issues).toEqual([]);
    const strip = ({ line: _line, sheet: _sheet, ...rest }: Product & { line: number; sheet?: string }) => rest;
    expect(after.products.map(strip)).toEqual(before.products.map(strip));
    expect(after.products[1]).toMatchObject({ sku: "0042", price: 25000, stock: 1000, weight: 250, condition: "USED", status: "inactive" });
  });

  it("writes to stdout without -o", async () => {
    writeFileSync(join(dir, "messy.csv"), MESSY);
    const run = await runCli(["normalize", "messy.csv"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toMatch(/^sku,name,/);
    expect(run.stdout.split("\n").filter(Boolean)).toHaveLength(4); // header + 2 rows, one with a 2-line cell
  });

  it("makes formula-like cells safe", async () => {
    writeFileSync(
      join(dir, "signs.csv"),
      'sku,name,harga,stok,berat,foto\nMW-1,-50% Diskon Masker,25000,1,50,https://example.com/a.jpg\nMW-2,+62 Kopi,25000,1,50,https://example.com/b.jpg\n',
    );
    const run = await runCli(["normalize", "signs.csv"], { cwd: dir });
    expect(run.code).toBe(0);
    const rows = run.stdout.split("\n");
    expect(rows[1]).toMatch(/^MW-1,'-50% Diskon Masker,/);
    expect(rows[2]).toMatch(/^MW-2,'\+62 Kopi,/);
  });

  it("refuses a name that would run as a formula (FORMULA_IN_CELL), located", async () => {
    writeFileSync(
      join(dir, "evil.csv"),
      'sku,name,harga,stok,berat,foto\nMW-1,"=HYPERLINK(""http://x"",""klik"")",25000,1,50,https://example.com/a.jpg\nMW-2,@SUM(1+1),25000,1,50,https://example.com/b.jpg\n',
    );
    const run = await runCli(["normalize", "evil.csv", "-o", "clean.csv"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/evil\.csv:2 name: /);
    expect(run.stderr).toMatch(/evil\.csv:3 name: /);
    expect(readdirSync(dir)).not.toContain("clean.csv");
  });

  it("refuses to write when the catalogue has errors, and shows them located", async () => {
    writeFileSync(join(dir, "bad.csv"), 'sku,name,harga,stok,berat,foto\nMW-1,Masker,"12,5",1,50,https://example.com/a.jpg\n');
    const run = await runCli(["normalize", "bad.csv", "-o", "clean.csv"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bad\.csv:2 harga: /);
    expect(readdirSync(dir)).toEqual(["bad.csv"]);
  });

  it("exits 2 on a missing file or a missing argument", async () => {
    const missing = await runCli(["normalize", "nope.csv", "-o", "x.csv"], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.csv");
    expect((await runCli(["normalize"], { cwd: dir })).code).toBe(2);
  });
});
