import { describe, expect, it } from "vitest";
import type { Category } from "../../src/adapters/types.js";
import { resolveDesired } from "../../src/sync/desired.js";
import { makeProduct } from "../builders.js";

const categories: Category[] = [
  { id: "35", name: "Makanan & Minuman", path: ["Makanan & Minuman"], isLeaf: false },
  { id: "36", name: "Minuman", path: ["Makanan & Minuman", "Minuman"], isLeaf: false },
  { id: "1760", name: "Jamu", path: ["Makanan & Minuman", "Minuman", "Jamu"], isLeaf: true },
  { id: "1762", name: "Teh", path: ["Makanan & Minuman", "Minuman", "Teh"], isLeaf: true },
  { id: "90", name: "Kesehatan", path: ["Kesehatan"], isLeaf: false },
  { id: "1900", name: "Jamu", path: ["Kesehatan", "Jamu"], isLeaf: true },
];

describe("resolveDesired", () => {
  it("resolves names, paths and ids; empty cells take the default category", () => {
    const result = resolveDesired({
      file: "k.csv",
      categories,
      defaultCategory: "Teh",
      products: [
        makeProduct({ sku: "A", category: "Minuman > Jamu" }),
        makeProduct({ sku: "B", category: "1762" }),
        makeProduct({ sku: "C", category: "" }),
      ],
    });
    expect(result.issues).toEqual([]);
    expect(result.products.map((p) => [p.sku, p.categoryId])).toEqual([
      ["A", "1760"],
      ["B", "1762"],
      ["C", "1762"],
    ]);
  });

  it("gives located issues for missing, unknown and ambiguous categories, with candidates", () => {
    const result = resolveDesired({
      file: "k.csv",
      categories,
      products: [
        makeProduct({ sku: "A", category: "", line: 2 }),
        makeProduct({ sku: "B", category: "Jamu", line: 3 }),
        makeProduct({ sku: "C", category: "Sepatu", line: 4, sheet: "Produk" }),
      ],
    });
    expect(result.products).toEqual([]);
    expect(result.invalidSkus).toEqual(["A", "B", "C"]);
    expect(result.issues.map((i) => [i.code, i.file, i.line, i.column, i.sheet])).toEqual([
      ["CATEGORY_MISSING", "k.csv", 2, "category", undefined],
      ["CATEGORY_AMBIGUOUS", "k.csv", 3, "category", undefined],
      ["CATEGORY_NOT_FOUND", "k.csv", 4, "category", "Produk"],
    ]);
    expect(result.issues[1]?.args?.candidates).toBe("Makanan & Minuman > Minuman > Jamu (1760); Kesehatan > Jamu (1900)");
    expect(result.issues.every((i) => i.severity === "error")).toBe(true);
  });

  it("without a category tree, uses numeric cells as ids and refuses names", () => {
    const result = resolveDesired({
      file: "k.csv",
      products: [makeProduct({ sku: "A", category: "1760" }), makeProduct({ sku: "B", category: "Jamu" })],
    });
    expect(result.products.map((p) => p.categoryId)).toEqual(["1760"]);
    expect(result.issues.map((i) => [i.code, i.value])).toEqual([["CATEGORY_NOT_FOUND", "Jamu"]]);
  });
});

describe("resolveDesired with the catalogue's column map", () => {
  it("names the category column as written and, for a sheet, its cell", () => {
    const result = resolveDesired({
      file: "k.xlsx",
      categories,
      columns: { sku: { header: "Kode Produk", index: 0 }, category: { header: "Kategori Produk", index: 27 } },
      products: [
        makeProduct({ sku: "A", category: "", line: 5, sheet: "Produk" }),
        makeProduct({ sku: "B", category: "Jamu", line: 6, sheet: "Produk" }),
        makeProduct({ sku: "C", category: "Teh", line: 7, sheet: "Produk" }),
      ],
    });
    expect(result.products.map((p) => [p.sku, p.categoryId])).toEqual([["C", "1762"]]);
    expect(result.issues.map((i) => [i.code, i.line, i.column, i.sheet, i.cell])).toEqual([
      ["CATEGORY_MISSING", 5, "Kategori Produk", "Produk", "AB5"],
      ["CATEGORY_AMBIGUOUS", 6, "Kategori Produk", "Produk", "AB6"],
    ]);
  });

  it("a CSV row gets the header text but no cell", () => {
    const result = resolveDesired({
      file: "k.csv",
      categories,
      columns: { category: { header: "kategori", index: 6 } },
      products: [makeProduct({ sku: "A", category: "Sepatu", line: 3 })],
    });
    expect(result.issues.map((i) => [i.code, i.line, i.column, i.cell])).toEqual([["CATEGORY_NOT_FOUND", 3, "kategori", undefined]]);
  });
});
