// Issue 14 "Attributes and certificates" and "Per-marketplace titles and prices" (catalogue side):
// brand, certificate, attribute and per-marketplace columns; one table line per check (code, line, column).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadCatalog } from "../../src/catalog/index.js";
import type { CatalogResult } from "../../src/catalog/types.js";
import { adapterNames } from "../../src/adapters/index.js";
import { MARKETPLACE_NAMES } from "../../src/catalog/marketplace-names.js";
import { lookupExtraHeader } from "../../src/catalog/extra-columns.js";
import { lookupHeader } from "../../src/catalog/header-aliases.js";
import { DEFAULT_RULES, type MarketplaceRules } from "../../src/rules.js";
import { formatIssue as wording } from "../../src/report/messages.js";
import type { Issue } from "../../src/issues.js";
const formatIssue = (issue: Issue, lang: "id" | "en"): string => { const w = wording(issue, lang); return `${w.message} / ${w.hint}`; };

const RULES: MarketplaceRules = { ...DEFAULT_RULES, maxOptionTypes: 3, maxVariants: 100 };
const IMG = "https://img.desbumi.example/a.jpg";
const BASE = "SKU,Nama Produk,Harga,Stok,Berat,Kategori,Foto";
const row = (sku: string, category = "Kerajinan"): string => `${sku},Produk ${sku},25000,5,250,${category},${IMG}`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-extras-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
let n = 0;
async function load(csv: string, rules: MarketplaceRules = RULES): Promise<CatalogResult> {
  const name = `x${n++}.csv`;
  await writeFile(join(dir, name), csv);
  return loadCatalog(name, { cwd: dir, rules });
}
const shape = (r: CatalogResult) => r.issues.map((i) => (i.column === undefined ? [i.code, i.line] : [i.code, i.line, i.column]));

describe("brand, attributes and certificates are read onto the product", () => {
  test("every column kind, as adapters use them", async () => {
    const r = await load(
      [
        `${BASE},Merek,No. PIRT,BPOM RI MD/ML,POM TR,Sertifikat Halal,SNI,Foto Sertifikat,Atribut: Bahan,Atribut`,
        `${row("KRP-1", "Makanan > Keripik")},Tanpa Merek,P-IRT 206330501002025,,,ID35110000123450123,,foto/pirt.pdf,Singkong,Rasa=Pedas; Berat Bersih=200 g`,
        `${row("JMU-1", "Jamu")},Sari Rimpang,,POM TR 182614921,,,,,,`,
        `${row("KMJ-1", "Fashion > Kemeja")},Batik Lasem,,,,,SNI 3542:2018,,Katun,Motif=Parang`,
      ].join("\n"),
    );
    expect(shape(r)).toEqual([]);
    const [krp, jmu, kmj] = r.products;
    expect(krp).toMatchObject({
      brand: "",
      attributes: { Bahan: "Singkong", Rasa: "Pedas", "Berat Bersih": "200 g" },
      certificates: { pirt: "P-IRT 206330501002025", halal: "ID35110000123450123", files: ["foto/pirt.pdf"] },
    });
    // A POM TR number in the BPOM column is kept as the jamu registration it is.
    expect(jmu).toMatchObject({ brand: "Sari Rimpang", certificates: { pomTr: "POM TR 182614921" } });
    expect(jmu!.attributes).toBeUndefined();
    expect(kmj).toMatchObject({ brand: "Batik Lasem", attributes: { Bahan: "Katun", Motif: "Parang" }, certificates: { sni: "SNI 3542:2018" } });
  });

  test("a catalogue without these columns has none of the fields", async () => {
    const r = await load(`${BASE}\n${row("A1")}\n`);
    expect(Object.keys(r.products[0]!)).not.toContain("brand");
    expect(r.products[0]!.certificates).toBeUndefined();
  });
});

describe("checks, one line each: [csv rows after the header, expected [code, line, column]]", () => {
  const H = `${BASE},No. PIRT,No. BPOM,POM TR,No. Halal,SNI,Atribut: Bahan,Atribut`;
  const cases: [string, string, (string | number)[][]][] = [
    ["PIRT with too few digits", `${row("A1")},20633050100,,,,,,`, [["CERTIFICATE_NUMBER_INVALID", 2, "No. PIRT"]]],
    ["BPOM with a cosmetics prefix", `${row("A1")},,NA18171234567,,,,,`, [["CERTIFICATE_NUMBER_INVALID", 2, "No. BPOM"]]],
    ["POM TR with 8 digits", `${row("A1")},,,TR 18261492,,,,`, [["CERTIFICATE_NUMBER_INVALID", 2, "POM TR"]]],
    ["halal without ID", `${row("A1")},,,,35110000123450123,,,`, [["CERTIFICATE_NUMBER_INVALID", 2, "No. Halal"]]],
    ["SNI without digits", `${row("A1")},,,,,ada,,`, [["CERTIFICATE_NUMBER_INVALID", 2, "SNI"]]],
    ["food without PIRT or BPOM: a warning at the category", `${row("A1", "Makanan & Minuman > Camilan")},,,,,,,`, [["CERTIFICATE_MISSING", 2, "Kategori"]]],
    ["food with a wrong PIRT: the number's error only, no missing-permit warning too", `${row("A1", "Makanan")},12345,,,,,,`, [["CERTIFICATE_NUMBER_INVALID", 2, "No. PIRT"]]],
    ["jamu with POM TR: no warning", `${row("A1", "Jamu")},,,POM TR 182614921,,,,`, []],
    ["attribute part without =", `${row("A1")},,,,,,,Katun`, [["ATTRIBUTE_CELL_INVALID", 2, "Atribut"]]],
    ["attribute without a value", `${row("A1")},,,,,,,Bahan=`, [["ATTRIBUTE_CELL_INVALID", 2, "Atribut"]]],
    ["attribute given twice, different values", `${row("A1")},,,,,,Katun,bahan=Sutra`, [["ATTRIBUTE_CONFLICT", 2, "Atribut"]]],
    ["attribute given twice, same value: fine", `${row("A1")},,,,,,Katun,Bahan=katun`, []],
  ];
  test.each(cases)("%s", async (_name, rows, expected) => {
    const r = await load(`${H}\n${rows}\n`);
    expect(shape(r)).toEqual(expected);
    const errors = expected.some(([code]) => code !== "CERTIFICATE_MISSING");
    expect(r.valid).toBe(!errors);
    expect(r.products.length).toBe(errors ? 0 : 1);
  });

  test("xlsx-style location: the cell of a bad certificate (sheet!cell) is named in the issue", async () => {
    const r = await load(`${H}\n${row("A1")},12,,,,,,\n`);
    const issue = r.issues[0]!;
    expect([issue.code, issue.value, issue.args?.certificate, issue.args?.reason]).toEqual(["CERTIFICATE_NUMBER_INVALID", "12", "pirt", "digits"]);
    for (const lang of ["id", "en"] as const) expect(formatIssue(issue, lang)).toMatch(/P-IRT/);
  });
});

describe("per-marketplace columns -> Product.overrides (src/sync/for-target.ts applies them)", () => {
  test("display or adapter name, any case and spacing; price units as in the v1 column", async () => {
    const r = await load(
      [
        `${BASE},Nama Produk (TikTok Shop),Harga (Shopee),Stok (shopee),harga (tiktok-shop),HARGA (TIKTOKSHOP) `,
        `${row("A1")},Keripik Singkong Pedas Khas Lereng Kawi 200 gr,Rp 27.500,3,26000,`,
        `${row("A2")},,,,,`,
      ].join("\n"),
    );
    expect(shape(r)).toEqual([["DUPLICATE_COLUMN", 1, "HARGA (TIKTOKSHOP)"]]);
    expect(r.products[0]!.overrides).toEqual({ "tiktok-shop": { name: "Keripik Singkong Pedas Khas Lereng Kawi 200 gr", price: 26_000 }, shopee: { price: 27_500, stock: 3 } });
    expect(r.products[1]!.overrides).toBeUndefined();
    expect(r.extraColumns?.overrides?.["tiktok-shop"]?.name).toEqual({ header: "Nama Produk (TikTok Shop)", index: 7 });
  });

  test("an unknown marketplace in the brackets is a located error with did-you-mean; units are not marketplaces", async () => {
    const r = await load([`SKU,Nama Produk,Harga (Rp),Stok,Berat (gram),Foto,Harga (Shoppe),Stok (Lazada)`, `A1,Kopi,25000,5,250,${IMG},26000,2`].join("\n"));
    expect(r.issues.map((i) => [i.code, i.line, i.column, i.args?.suggestion])).toEqual([
      ["UNKNOWN_MARKETPLACE", 1, "Harga (Shoppe)", "Shopee"],
      ["UNKNOWN_MARKETPLACE", 1, "Stok (Lazada)", undefined],
    ]);
    expect(r.valid).toBe(false);
    expect(formatIssue(r.issues[0]!, "en")).toMatch(/did you mean "Shopee"/);
    expect(formatIssue(r.issues[0]!, "id")).toMatch(/maksudnya "Shopee"/);
  });

  test("a bad price in a marketplace column is located at that column", async () => {
    const r = await load([`${BASE},Harga (Shopee)`, `${row("A1")},dua puluh ribu`].join("\n"));
    expect(shape(r)).toEqual([["INVALID_PRICE", 2, "Harga (Shopee)"]]);
  });

  test("variant rows keep their own marketplace price and stock", async () => {
    const r = await load(
      [
        "Kode Induk,SKU,Nama Produk,Rasa,Harga,Stok,Berat,Foto,Harga (Shopee)",
        `KRP,KRP-ORI,Keripik Singkong,Original,15000,5,200,${IMG},16000`,
        `KRP,KRP-PDS,,Pedas,16000,5,,,17000`,
      ].join("\n"),
    );
    expect(shape(r)).toEqual([]);
    expect(r.products[0]!.variants!.map((v) => v.overrides)).toEqual([{ shopee: { price: 16_000 } }, { shopee: { price: 17_000 } }]);
  });

  test("every registered adapter can be named in the brackets (the table does not drift)", () => {
    for (const name of adapterNames()) expect(Object.keys(MARKETPLACE_NAMES)).toContain(name);
  });

  test("a bare ML column is millilitres, not a BPOM ML number", () => {
    expect(lookupExtraHeader("ML")).toBeUndefined();
    expect(lookupExtraHeader("BPOM RI ML")).toEqual({ kind: "certificate", certificate: "bpom" });
  });

  test("no extra-column spelling shadows a v1 header", () => {
    for (const header of ["Harga (Rp)", "Kode Produk (SKU)", "Berat (kg)", "Harga (ribu)", "Berat (gram)", "Nama Produk*", "Stok (pcs)"]) {
      expect(lookupExtraHeader(header), header).toBeUndefined();
      expect(lookupHeader(header), header).toBeDefined();
    }
  });
});
