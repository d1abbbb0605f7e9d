// Issue 14 "Everything downstream": `normalize` writes the canonical v2 catalogue (one row per
// variant, parent column, option columns, photo paths kept relative, attribute, certificate and
// per-marketplace columns) and reading it back gives the same products (property test).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadCatalog } from "../../src/catalog/index.js";
import type { CatalogProduct, CatalogResult } from "../../src/catalog/types.js";
import { formatCanonicalCsv, quoteCsvCell } from "../../src/catalog/write-csv.js";
import { inFileOrder } from "../../src/catalog/canonical-columns.js";
import { DEFAULT_RULES, type MarketplaceRules } from "../../src/rules.js";

const RULES: MarketplaceRules = { ...DEFAULT_RULES, maxOptionTypes: 3, maxVariants: 100 };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-normalize-v2-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
let n = 0;
async function read(csv: string): Promise<CatalogResult> {
  const name = `n${n++}.csv`;
  await writeFile(join(dir, name), csv);
  return loadCatalog(name, { cwd: dir, rules: RULES });
}
/** The products without where they were written (lines change when rows are rewritten). */
const unlocated = (products: readonly CatalogProduct[]) =>
  products.map(({ line: _l, sheet: _s, ...p }) => ({ ...p, ...(p.variants ? { variants: p.variants.map(({ line: _vl, sheet: _vs, cell: _vc, ...v }) => v) } : {}) }));

// ---- a random catalogue, written the way people write one (Indonesian headers, a parent column)
const HEADER = ["Kode Induk", "SKU", "Nama Produk", "Deskripsi", "Harga", "Stok", "Berat", "Kategori", "Kondisi", "Foto", "Warna", "Ukuran", "Foto Variasi", "Merek", "No. PIRT", "BPOM RI MD/ML", "Sertifikat Halal", "Foto Sertifikat", "Atribut: Bahan", "Atribut", "Nama Produk (TikTok Shop)", "Harga (Shopee)", "Stok (Shopee)"];
const word = fc.constantFrom("Kopi", "Batik", "Keripik", "Jamu", "Madu", "Tenun", "Gula", "Sambal", "Anyaman", "Tempe");
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const extras = fc.record({
  brand: optional(fc.constantFrom("Tanpa Merek", "Sari Rimpang", "Lasem Jaya", "-")),
  pirt: optional(fc.constantFrom("P-IRT 206330501002025", "2063305010020-25")),
  bpom: optional(fc.constantFrom("BPOM RI MD 224510107115", "POM TR 182614921")),
  halal: optional(fc.constantFrom("ID35110000123450123")),
  certFile: optional(fc.constantFrom("foto/pirt.pdf", "sertifikat/halal.jpg|foto/pirt.pdf")),
  bahan: optional(fc.constantFrom("Katun", "Singkong", "Kayu Jati")),
  attributeCell: optional(fc.constantFrom("Motif=Parang", "Rasa=Pedas; Berat Bersih=200 g")),
  tiktokName: optional(fc.constantFrom("Produk Desa Pilihan Khas Lereng Kawi 250 gr")),
});
const variantRow = fc.record({ price: fc.integer({ min: 100, max: 900_000 }), stock: fc.integer({ min: 0, max: 500 }), weight: optional(fc.integer({ min: 1, max: 5000 })), photo: fc.boolean(), shopeePrice: optional(fc.integer({ min: 100, max: 900_000 })), shopeeStock: optional(fc.integer({ min: 0, max: 50 })) });
const product = fc.record({
  name: fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
  description: fc.constantFrom("", "Buatan tangan.", "Dua baris,\nrenyah dan gurih"),
  weight: fc.integer({ min: 1, max: 5000 }),
  category: fc.constantFrom("", "Kerajinan", "Fashion > Kemeja", "1760"),
  used: fc.boolean(),
  photos: fc.constantFrom("https://img.example/a.jpg", "foto/kopi-1.jpg", "kopi 1.jpg|https://img.example/b.jpg"),
  options: fc.constantFrom(0, 1, 2),
  variants: fc.array(variantRow, { minLength: 2, maxLength: 4 }),
  extras,
});
const COLOURS = ["Merah", "Biru", "Hijau", "Hitam"];
const SIZES = ["S", "M", "L", "XL"];

type GenProduct = typeof product extends fc.Arbitrary<infer T> ? T : never;
/** `parentColumn` false: no parent column, variants are consecutive rows with the same name. */
function toCsv(products: GenProduct[], parentColumn: boolean): string {
  const header = parentColumn ? HEADER : HEADER.slice(1);
  const lines = [header.map(quoteCsvCell).join(",")];
  products.forEach((p, i) => {
    const name = `${p.name} ${i}`; // names are unique in a shop
    const rows = p.options === 0 ? p.variants.slice(0, 1) : p.variants;
    rows.forEach((v, j) => {
      const first = j === 0;
      const e = p.extras;
      const cells = [
        p.options === 0 ? "" : `P${i}`,
        p.options === 0 ? `S${i}` : `P${i}-${j}`,
        first || !parentColumn ? name : "",
        first ? p.description : "",
        String(v.price),
        String(v.stock),
        first ? String(p.weight) : v.weight === undefined ? "" : String(v.weight),
        first ? p.category : "",
        first ? (p.used ? "bekas" : "baru") : "",
        first ? p.photos : "",
        p.options >= 1 ? COLOURS[j]! : "",
        p.options >= 2 ? SIZES[j]! : "",
        p.options > 0 && v.photo ? `foto/varian-${i}-${j}.jpg` : "",
        e.brand ?? "",
        e.pirt ?? "",
        e.bpom ?? "",
        e.halal ?? "",
        e.certFile ?? "",
        e.bahan ?? "",
        e.attributeCell ?? "",
        first ? (e.tiktokName ?? "") : "",
        v.shopeePrice === undefined ? "" : String(v.shopeePrice),
        v.shopeeStock === undefined ? "" : String(v.shopeeStock),
      ];
      lines.push((parentColumn ? cells : cells.slice(1)).map(quoteCsvCell).join(","));
    });
  });
  return `${lines.join("\n")}\n`;
}

describe("normalize v2 round trip", () => {
  test("a variant photo may be a local file, like a product photo (was INVALID_IMAGE_URL)", async () => {
    const r = await read(["Kode Induk,SKU,Nama Produk,Warna,Harga,Stok,Berat,Foto,Foto Variasi", "B,B-1,Batik,Merah,1000,1,100,a.jpg,foto/merah.jpg", "B,B-2,,Biru,1000,1,,,biru.jpg", "B,B-3,,Hijau,1000,1,,,www.example.com/x.jpg"].join("\n"));
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([["INVALID_IMAGE_URL", 4, "Foto Variasi"]]);
  });

  test("a random catalogue -> normalize -> read gives the same products", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(product, { minLength: 1, maxLength: 6 }), fc.boolean(), async (products, parentColumn) => {
        const first = await read(toCsv(products, parentColumn));
        expect(first.issues.filter((i) => i.severity === "error")).toEqual([]);
        expect(first.products.length).toBe(products.length);
        const csv = formatCanonicalCsv(inFileOrder(first.products));
        const again = await read(csv);
        expect(again.issues).toEqual([]);
        expect(unlocated(inFileOrder(again.products))).toEqual(unlocated(inFileOrder(first.products)));
        // and normalizing the normalized file changes nothing
        expect(formatCanonicalCsv(inFileOrder(again.products))).toBe(csv);
      }),
      { numRuns: 60 },
    );
  });

  test("the canonical v2 layout: one row per variant, parent column, option pairs, relative photo paths, v2 columns", async () => {
    const r = await read(
      [
        "Kode Induk,SKU,Nama Produk,Rasa,Harga,Stok,Berat,Foto,Merek,No. PIRT,Atribut: Bahan,Harga (Shopee)",
        "KRP,KRP-ORI,Keripik Singkong,Original,15000,5,200,foto/keripik.jpg,Tanpa Merek,206330501002025,Singkong,16000",
        "KRP,KRP-PDS,,Pedas,16000,4,,,,,,",
        "KPI-1,KPI-1,Kopi Robusta,,25000,10,250,kopi-1.jpg,Lereng Kawi,,,",
      ].join("\n"),
    );
    expect(r.issues).toEqual([]);
    expect(formatCanonicalCsv(r.products).split("\n")).toEqual([
      "sku,name,description,price,stock,weight,category,condition,status,min_order,etalase,images,parent sku,option1 name,option1 value,brand,pirt,Atribut: Bahan,price (shopee)",
      "KRP-ORI,Keripik Singkong,,15000,5,200,,NEW,active,1,,foto/keripik.jpg,KRP,Rasa,Original,,206330501002025,Singkong,16000",
      "KRP-PDS,Keripik Singkong,,16000,4,200,,NEW,active,1,,foto/keripik.jpg,KRP,Rasa,Pedas,,206330501002025,Singkong,",
      "KPI-1,Kopi Robusta,,25000,10,250,,NEW,active,1,,kopi-1.jpg,,,,Lereng Kawi,,,",
      "",
    ]);
  });
});
