import { describe, expect, it } from "vitest";
import { markUp, productsForTarget, shareOf } from "./for-target.js";
import { DEFAULT_RULES } from "../rules.js";
import { makeProduct } from "../../test/builders.js";

describe("per-marketplace price and stock (issue 17)", () => {
  it("marks up and rounds up to the step; never below the asked markup", () => {
    expect(markUp(25_000, { markupPercent: 10, roundTo: 500 })).toBe(27_500);
    expect(markUp(25_100, { markupPercent: 10, roundTo: 500 })).toBe(28_000);
    expect(markUp(12_345, { roundTo: 1000 })).toBe(13_000);
    expect(markUp(12_345, undefined)).toBe(12_345);
  });

  it("offers a percent of the stock, rounded down (1 of 3 at 50% stays 1, 0 stays 0)", () => {
    expect(shareOf(10, { stockPercent: 50 })).toBe(5);
    expect(shareOf(3, { stockPercent: 50 })).toBe(1);
    expect(shareOf(0, { stockPercent: 50 })).toBe(0);
    expect(shareOf(7, {})).toBe(7);
  });

  it("a marketplace's own column wins over the rule; a too-long title there is a located error", () => {
    const products = [
      { ...makeProduct({ sku: "A", price: 20_000, stock: 8 }), line: 2, overrides: { shopee: { price: 21_000 } } },
      { ...makeProduct({ sku: "B", price: 20_000, stock: 8 }), line: 3 },
      { ...makeProduct({ sku: "C" }), line: 4, overrides: { shopee: { name: "X".repeat(80) } } },
    ];
    const result = productsForTarget({
      file: "k.csv",
      products,
      keys: ["shopee"],
      pricing: { shopee: { markupPercent: 5, roundTo: 1000, stockPercent: 50 } },
      rules: DEFAULT_RULES,
      columns: { name: { header: "Nama Produk", index: 1 } },
    });
    expect(result.products.map((p) => [p.sku, p.price, p.stock])).toEqual([
      ["A", 21_000, 4],
      ["B", 21_000, 4],
    ]);
    expect(result.issues.map((i) => [i.code, i.line, i.column])).toEqual([["NAME_TOO_LONG", 4, "Nama Produk"]]);
    expect(result.invalidSkus).toEqual(["C"]);
  });
});
