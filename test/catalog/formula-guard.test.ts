// `desbumi normalize` guards cells that a spreadsheet would run as a formula with a leading `'`;
// reading the normalized file must drop exactly that `'` again, in every text column.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadCatalog } from "../../src/catalog/index.js";
import { parseSku, skuText } from "../../src/catalog/sku.js";
import { cleanLine, cleanMultiline, unguard } from "../../src/catalog/text.js";
import type { CatalogProduct } from "../../src/catalog/types.js";
import { writeCanonicalCsv } from "../../src/catalog/write-csv.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-guard-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const withoutLine = (products: readonly CatalogProduct[]) => products.map(({ line: _line, sheet: _sheet, ...rest }) => rest);

describe("formula guard round trip", () => {
  test("normalize writes the guard; reading the normalized file gives back the same products", async () => {
    // Every cell below starts with a character normalize guards, yet is ordinary text (a cell that
    // would really run as a formula is a FORMULA_IN_CELL error, and normalize refuses errors).
    const source = [
      "sku,nama,deskripsi,harga,stok,berat,kategori,etalase,foto",
      "-ABC,-50% Kopi,+62 812 3456,Rp 25.000,5,250 gr,+kategori,-promo,https://img.desbumi.example/a.jpg",
      'B.2,Keripik Pedas,"- pedas\nbaris kedua",15000,3,1 kg,1760,Etalase Utama,https://img.desbumi.example/b.jpg',
      "",
    ].join("\n");
    await writeFile(join(dir, "source.csv"), source);
    const before = await loadCatalog("source.csv", { cwd: dir });
    expect(before.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(before.products.map((p) => [p.sku, p.name, p.description, p.category, p.etalase])).toEqual([
      ["-ABC", "-50% Kopi", "+62 812 3456", "+kategori", "-promo"],
      ["B.2", "Keripik Pedas", "- pedas\nbaris kedua", "1760", "Etalase Utama"],
    ]);

    await writeCanonicalCsv(before.products, join(dir, "clean.csv"));
    const written = await readFile(join(dir, "clean.csv"), "utf8");
    expect(written).toContain("'-ABC,'-50% Kopi,'+62 812 3456,");
    expect(written).toContain("'+kategori");
    expect(written).toContain("'-promo");
    expect(written).toContain(`"'- pedas\nbaris kedua"`);

    const after = await loadCatalog("clean.csv", { cwd: dir });
    expect(after.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(withoutLine(after.products)).toEqual(withoutLine(before.products));
    expect(after.invalidSkus).toEqual([]);
  });

  test("text that would run as a formula is a located FORMULA_IN_CELL error, guarded with ' or not", async () => {
    const source = [
      "sku,nama,deskripsi,harga,stok,berat,kategori,etalase,foto",
      'A-1,"=HYPERLINK(""http://evil.example/x"",""Klik"")",Renyah,15000,1,250 gr,1760,,https://img.desbumi.example/a.jpg',
      "A-2,'=SUM(1),Renyah,15000,1,250 gr,1760,,https://img.desbumi.example/b.jpg",
      "A-3,Kopi,@SUM(1+1),15000,1,250 gr,1760,,https://img.desbumi.example/c.jpg",
      "A-4,Teh,Segar,15000,1,250 gr,+cmd|calc!A1,-2+3+cmd|' /C calc'!A0,https://img.desbumi.example/d.jpg",
      "A-5,-50% Diskon,- pedas,15000,1,250 gr,1760,+62 812 3456,https://img.desbumi.example/e.jpg",
      "",
    ].join("\n");
    await writeFile(join(dir, "formulas.csv"), source);
    const r = await loadCatalog("formulas.csv", { cwd: dir });
    expect(r.issues.map((i) => [i.code, i.severity, i.line, i.column, i.args?.start])).toEqual([
      ["FORMULA_IN_CELL", "error", 2, "nama", "="],
      ["FORMULA_IN_CELL", "error", 3, "nama", "="],
      ["FORMULA_IN_CELL", "error", 4, "deskripsi", "@"],
      ["FORMULA_IN_CELL", "error", 5, "kategori", "+"],
      ["FORMULA_IN_CELL", "error", 5, "etalase", "-"],
    ]);
    expect(r.issues[1]?.value).toBe("'=SUM(1)");
    expect(r.products.map((p) => p.sku)).toEqual(["A-5"]);
    expect(r.invalidSkus.sort()).toEqual(["A-1", "A-2", "A-3", "A-4"]);
  });

  test("only one `'`, and only before a formula character, tab or CR", () => {
    expect(unguard("'=x")).toBe("=x");
    expect(unguard("'-x")).toBe("-x");
    expect(unguard("'\tx")).toBe("\tx");
    expect(unguard("''=x")).toBe("''=x");
    expect(unguard("'x")).toBe("'x");
    expect(unguard("=x")).toBe("=x");
    expect(cleanLine("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(cleanLine("  '+62 812  ")).toBe("+62 812");
    expect(cleanLine("'\tKopi")).toBe("Kopi");
    expect(cleanLine("Kopi 'Asli'")).toBe("Kopi 'Asli'");
    expect(cleanMultiline("'@toko\nbaris")).toBe("@toko\nbaris");
    expect(cleanMultiline("'\r\nbaris")).toBe("baris");
    expect(skuText("'-ABC")).toBe("-ABC");
    expect(parseSku("'-ABC", 50)).toEqual({ ok: true, value: "-ABC" });
    expect(parseSku("'ABC", 50)).toMatchObject({ ok: false, code: "INVALID_SKU" });
  });
});
