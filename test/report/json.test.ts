import { describe, expect, it } from "vitest";
import { json } from "../../src/report/json.js";
import { captureIo, makeIssue, makeProduct, makeResult } from "./builders.js";

const run = async (...args: Parameters<typeof json>) => {
  const { io, out } = captureIo();
  await json(args[0], { ...args[1], io });
  return JSON.parse(out.stdout) as Record<string, unknown> & { files: Record<string, unknown>[] };
};

describe("json reporter", () => {
  it("writes the version-2 document with issues and normalized products (issue 14.4)", async () => {
    const doc = await run(
      {
        results: [
          makeResult({
            file: "muiwo.csv",
            rows: 2,
            products: [makeProduct({ line: 3 })],
            issues: [makeIssue({ file: "muiwo.csv", line: 4, code: "AMBIGUOUS_NUMBER", value: "12,5" })],
          }),
        ],
        strict: false,
      },
      { io: captureIo().io, lang: "id", color: false },
    );
    expect(Object.keys(doc)).toEqual(["version", "valid", "files"]);
    expect(doc.version).toBe(2);
    expect(doc.valid).toBe(false);
    const [file] = doc.files;
    expect(Object.keys(file!)).toEqual(["file", "valid", "rows", "issues", "products"]);
    expect(file).toMatchObject({ file: "muiwo.csv", valid: false, rows: 2 });
    const issues = file!.issues as Record<string, unknown>[];
    expect(issues[0]).toMatchObject({ code: "AMBIGUOUS_NUMBER", severity: "error", line: 4, column: "harga", value: "12,5" });
    expect(issues[0]!.message).toMatch(/tidak jelas/);
    expect(typeof issues[0]!.hint).toBe("string");
    const products = file!.products as Record<string, unknown>[];
    expect(Object.keys(products[0]!)).toEqual(["sku", "name", "description", "price", "stock", "weight", "category", "condition", "status", "min_order", "etalase", "images", "variants", "line"]);
    expect(products[0]!.variants).toEqual([]);
    expect(products[0]).toMatchObject({ sku: "MUIWO-001", price: 25000, line: 3 });
  });

  it("carries sheet and cell for spreadsheets and null line for file-level issues", async () => {
    const doc = await run(
      {
        results: [
          makeResult({
            file: "k.xlsx",
            format: "xlsx",
            products: [makeProduct({ line: 5, sheet: "Produk" })],
            issues: [
              makeIssue({ file: "k.xlsx", sheet: "Produk", cell: "D14", line: 14, severity: "warning" }),
              makeIssue({ file: "k.xlsx", code: "UNKNOWN_COLUMN", severity: "warning", line: undefined, value: undefined }),
            ],
          }),
        ],
        strict: false,
      },
      { io: captureIo().io, lang: "en", color: false },
    );
    const file = doc.files[0]!;
    const issues = file.issues as Record<string, unknown>[];
    expect(issues[0]).toMatchObject({ code: "UNKNOWN_COLUMN", line: null, value: null });
    expect(issues[1]).toMatchObject({ sheet: "Produk", cell: "D14", line: 14 });
    expect((file.products as Record<string, unknown>[])[0]).toMatchObject({ line: 5, sheet: "Produk" });
    expect(doc.valid).toBe(true);
  });

  it("counts warnings as invalid under --strict, and an unreadable file makes the run invalid", async () => {
    const warned = makeResult({ issues: [makeIssue({ severity: "warning" })] });
    expect((await run({ results: [warned], strict: true }, { io: captureIo().io, lang: "en", color: false })).valid).toBe(false);
    const gone = { file: "gone.csv", text: { id: "Berkas gone.csv tidak ada", en: "File gone.csv does not exist" } };
    const doc = await run({ results: [makeResult()], strict: false, unreadable: [gone] }, { io: captureIo().io, lang: "id", color: false });
    expect(doc.valid).toBe(false);
    expect(doc.files[1]).toEqual({ file: "gone.csv", valid: false, rows: 0, error: { message: "Berkas gone.csv tidak ada" }, issues: [], products: [] });
  });
});

describe("json reporter streaming", () => {
  it("writes exactly the document buildJsonReport describes", async () => {
    const { buildJsonReport } = await import("../../src/report/json.js");
    const report = {
      results: [
        makeResult({ file: "a.csv", rows: 3, products: Array.from({ length: 3000 }, (_, i) => makeProduct({ sku: `S-${i}`, line: i + 2 })), issues: [makeIssue({ file: "a.csv" })] }),
        makeResult({ file: "b.csv", rows: 0, products: [], issues: [] }),
      ],
      strict: false,
    };
    const { io, out } = captureIo();
    await json(report, { io, lang: "en", color: false });
    expect(JSON.parse(out.stdout)).toEqual(buildJsonReport(report, "en"));
    const withUnreadable = { results: [], strict: false, unreadable: [{ file: "x.xlsx", text: { id: "x", en: "not a workbook" } }, { file: "y.csv", text: { id: "y", en: "missing" } }] };
    const both = captureIo();
    await json(withUnreadable, { io: both.io, lang: "en", color: false });
    expect(JSON.parse(both.out.stdout)).toEqual(buildJsonReport(withUnreadable, "en"));
    const empty = captureIo();
    await json({ results: [], strict: false }, { io: empty.io, lang: "en", color: false });
    expect(JSON.parse(empty.out.stdout)).toEqual({ version: 2, valid: true, files: [] });
  });
});

describe("json document version 2 (issue 14.4)", () => {
  it("pins the variant shape: {sku, options, price, stock, weight, images, status, line} (+ sheet/cell)", async () => {
    const variant = { sku: "A-M", options: { Ukuran: "M", Warna: "Biru" }, price: 1000, stock: 2, weight: 100, images: [], status: "active" as const, line: 3, sheet: "Produk", cell: "B3" };
    const doc = await run(
      { results: [makeResult({ products: [makeProduct({ sku: "A", line: 3, sheet: "Produk", variants: [variant] })] })], strict: false },
      { io: captureIo().io, lang: "en", color: false },
    );
    const product = (doc.files[0]!.products as Record<string, unknown>[])[0]!;
    expect(product.sku).toBe("A");
    const [v] = product.variants as Record<string, unknown>[];
    expect(Object.keys(v!)).toEqual(["sku", "options", "price", "stock", "weight", "images", "status", "line", "sheet", "cell"]);
    expect(v).toEqual(variant);
  });

  it("issue 14: brand, attributes, certificates and overrides before line; a variant's own overrides before its line", async () => {
    const variant = { sku: "K-ORI", options: { Rasa: "Original" }, price: 15000, stock: 2, weight: 200, images: [], status: "active" as const, overrides: { shopee: { price: 16000 } }, line: 2 };
    const extras = { brand: "", attributes: { Bahan: "Singkong" }, certificates: { pirt: "206330501002025", files: ["foto/pirt.pdf"] }, overrides: { "tiktok-shop": { name: "Keripik Singkong Original Lereng Kawi 200 gr" } } };
    const doc = await run({ results: [makeResult({ products: [makeProduct({ sku: "K", line: 2, variants: [variant], ...extras })] })], strict: false }, { io: captureIo().io, lang: "en", color: false });
    const product = (doc.files[0]!.products as Record<string, unknown>[])[0]!;
    expect(Object.keys(product).slice(-6)).toEqual(["variants", "brand", "attributes", "certificates", "overrides", "line"]);
    expect(product).toMatchObject(extras);
    const [v] = product.variants as Record<string, unknown>[];
    expect(Object.keys(v!)).toEqual(["sku", "options", "price", "stock", "weight", "images", "status", "overrides", "line"]);
  });

  it("streams spooled products from their temporary file, skipping dropped ones, and removes the file", async () => {
    const { createProductSpool } = await import("../../src/catalog/product-spool.js");
    const spool = createProductSpool();
    for (let line = 2; line <= 1001; line++) spool.add(makeProduct({ sku: `S-${line}` }), line, undefined);
    spool.drop(new Set([5, 7]));
    spool.close();
    const { io, out } = captureIo();
    await json({ results: [makeResult({ products: [], productSpool: spool })], strict: false }, { io, lang: "en", color: false });
    const doc = JSON.parse(out.stdout) as { files: { products: { sku: string; line: number }[] }[] };
    const lines = doc.files[0]!.products.map((p) => p.line);
    expect(lines).toHaveLength(998);
    expect(lines).not.toContain(5);
    expect(lines.slice(0, 4)).toEqual([2, 3, 4, 6]);
    expect(doc.files[0]!.products[0]).toMatchObject({ sku: "S-2", variants: [] });
    // The temporary file is gone once the document is written: reading it again fails.
    await expect((async () => { for await (const d of spool.documents()) return d; })()).rejects.toThrow(/ENOENT/);
  });

  it("a spooled products list is the same text as the in-memory one, across read chunks, with and without drops", async () => {
    const { createProductSpool } = await import("../../src/catalog/product-spool.js");
    // ~2.5 MB of documents: several 1 MiB read chunks; multi-byte text, a sheet, variants and a
    // sheet name that holds `"line":` (the spool finds each product's line by that key).
    const products = Array.from({ length: 6000 }, (_, i) =>
      makeProduct({
        sku: `S-${i}`,
        name: `Keripik Pedas ${"é".repeat(i % 7)} ☕ ${i}`,
        // one document larger than the spool's write buffer
        description: `baris 1\nbaris 2 "kutip" \u007f ${"x".repeat(i === 100 ? 400_000 : 300)}`,
        line: i + 2,
        ...(i % 3 === 0 ? { sheet: 'Produk "line":1' } : {}),
        ...(i % 5 === 0 ? { variants: [{ sku: `S-${i}-M`, options: { Ukuran: "M" }, price: 1000, stock: 1, weight: 100, images: [], status: "active" as const, line: i + 2 }] } : {}),
      }),
    );
    const text = async (keep: typeof products, spooled: boolean, drop: number[] = []): Promise<string> => {
      const { io, out } = captureIo();
      const spool = spooled ? createProductSpool() : undefined;
      if (spool) {
        for (const p of products) spool.add(p, p.line, p.sheet);
        spool.drop(new Set(drop));
        spool.close();
      }
      await json({ results: [makeResult({ products: spool ? [] : keep, ...(spool ? { productSpool: spool } : {}) })], strict: false }, { io, lang: "en", color: false });
      return out.stdout;
    };
    const whole = await text(products, false);
    expect(whole.length).toBeGreaterThan(2_500_000);
    expect(await text(products, true)).toBe(whole);
    const dropped = [2, 3, 1000, 6001];
    expect(await text(products, true, dropped)).toBe(await text(products.filter((p) => !dropped.includes(p.line)), false));
    expect(await text(products, true, products.map((p) => p.line))).toBe(await text([], false));
  });
});
