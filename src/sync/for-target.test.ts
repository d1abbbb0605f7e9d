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

  it("issue 14: a TikTok Shop title of 20 characters in its own column is an error with a suggested fix at that column, never padded", async () => {
    const { TIKTOK_SHOP_RULES } = await import("../adapters/tiktok-shop/definition.js");
    const { formatIssue } = await import("../report/messages.js");
    const title = "Keripik Pedas Mantap"; // 20 characters
    const products = [{ ...makeProduct({ sku: "K1", name: "Keripik Singkong Pedas Lereng Kawi 200 gr" }), line: 5, overrides: { "tiktok-shop": { name: title } } }];
    const result = productsForTarget({
      file: "k.csv",
      products,
      keys: ["tiktok-shop"],
      rules: TIKTOK_SHOP_RULES,
      columns: { name: { header: "Nama Produk", index: 1 } },
      overrideColumns: { "tiktok-shop": { name: { header: "Nama Produk (TikTok Shop)", index: 9 } } },
    });
    expect(result.products).toEqual([]);
    expect(result.invalidSkus).toEqual(["K1"]);
    expect(result.issues.map((i) => [i.code, i.line, i.column, i.value, i.args?.length, i.args?.min])).toEqual([["NAME_TOO_SHORT", 5, "Nama Produk (TikTok Shop)", title, 20, 25]]);
    const en = formatIssue(result.issues[0]!, "en");
    expect(en.message).toContain("TikTok Shop needs at least 25");
    expect(en.hint).toMatch(/^Add the kind, size or origin/);
  });

  it("issue 14: a variant's own marketplace price wins over the pricing rule; others are marked up", () => {
    const base = makeProduct({ sku: "P" });
    const v = (sku: string, price: number, line: number) => ({ sku, options: { Rasa: sku }, price, stock: 4, weight: 200, images: [], status: "active" as const, line });
    const products = [{ ...base, line: 2, variants: [{ ...v("ORI", 15_000, 2), overrides: { shopee: { price: 16_000 } } }, v("PDS", 15_000, 3)] }];
    const result = productsForTarget({ file: "k.csv", products, keys: ["shopee"], pricing: { shopee: { markupPercent: 10, roundTo: 500 } }, rules: DEFAULT_RULES });
    expect(result.products[0]!.variants!.map((x) => x.price)).toEqual([16_000, 16_500]);
  });
});
