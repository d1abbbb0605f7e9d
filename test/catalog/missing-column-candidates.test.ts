// A required column that is missing while an unknown header holds one of its names as a word
// (`Sisa Stok`, `Berat Satuan`): both issues point at each other ("did you mean").
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mapHeader, findCandidates } from "../../src/catalog/columns.js";
import { loadCatalog } from "../../src/catalog/index.js";
import { formatIssue } from "../../src/report/messages.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-candidates-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const IMG = "https://images.desbumi.example/t.jpg";
async function load(name: string, content: string) {
  await writeFile(join(dir, name), content);
  return loadCatalog(name, { cwd: dir });
}

describe("missing column candidates", () => {
  test("Sisa Stok and Berat Satuan are suggested for stock and weight", async () => {
    const r = await load("sisa.csv", `Kode,Nama Produk,Harga,Sisa Stok,Berat Satuan,Foto\nA-1,Kopi,25000,3,250,${IMG}\n`);
    const shown = r.issues.map((i) => [i.code, i.line, i.column, i.args]);
    expect(shown).toHaveLength(4);
    expect(shown).toEqual(
      expect.arrayContaining([
        ["UNKNOWN_COLUMN", 1, "Sisa Stok", { suggestion: "Stok" }],
        ["UNKNOWN_COLUMN", 1, "Berat Satuan", { suggestion: "Berat" }],
        ["MISSING_COLUMN", 1, undefined, { field: "stock", candidate: "Sisa Stok", suggestion: "Stok" }],
        ["MISSING_COLUMN", 1, undefined, { field: "weight", candidate: "Berat Satuan", suggestion: "Berat" }],
      ]),
    );
    const stock = r.issues.find((i) => i.code === "MISSING_COLUMN" && i.args?.field === "stock")!;
    expect(formatIssue(stock, "en").hint).toBe('Column "Sisa Stok" may be it: rename it to "Stok"');
    expect(formatIssue(stock, "id").hint).toBe('Kolom "Sisa Stok" mungkin kolom ini: ganti judulnya menjadi "Stok"');
    const unknown = r.issues.find((i) => i.code === "UNKNOWN_COLUMN" && i.column === "Sisa Stok")!;
    expect(formatIssue(unknown, "en").hint).toContain('Rename the column to "Stok"');
  });

  test("no suggestion when the field is already mapped, or the words are only part of a word", () => {
    const present = mapHeader(["sku", "nama", "harga", "stok", "Sisa Stok", "berat", "foto"]);
    findCandidates(present);
    expect(present.unknown).toEqual([{ index: 4, header: "Sisa Stok" }]);
    const partial = mapHeader(["sku", "nama", "harga", "Stokis", "berat", "foto"]);
    findCandidates(partial);
    expect(partial.missing).toEqual(["stock"]);
    expect(partial.candidates).toEqual({});
  });

  test("a typo that the did-you-mean already names is the candidate too; one header serves one field", () => {
    const map = mapHeader(["sku", "nama", "hraga", "Stok Berat", "foto"]);
    findCandidates(map);
    expect(map.candidates.price).toEqual({ index: 2, header: "hraga", suggestion: "harga" });
    // "Stok Berat" names both missing fields equally: it goes to the first (stock), not to both.
    expect(Object.values(map.candidates).filter((c) => c.header === "Stok Berat")).toHaveLength(1);
  });
});
