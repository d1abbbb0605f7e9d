import { describe, expect, it } from "vitest";
import { etalaseNames, unknownEtalaseText, withEtalaseIds } from "../../src/sync/etalase.js";
import { makeDesired } from "../builders.js";

describe("etalase names before planning", () => {
  const products = [
    makeDesired({ sku: "A", etalase: "Minuman Herbal" }),
    makeDesired({ sku: "B", etalase: " 1402901 " }),
    makeDesired({ sku: "C", etalase: "" }),
    makeDesired({ sku: "D", etalase: "Rak Depan" }),
    makeDesired({ sku: "E", etalase: "Rak Depan" }),
  ];

  it("asks only for names (not ids, not empty cells), each once", () => {
    expect(etalaseNames(products)).toEqual(["Minuman Herbal", "Rak Depan"]);
  });

  it("puts the shop's id in place of a known name and reports unknown names with their SKUs", () => {
    const result = withEtalaseIds(products, new Map([["Minuman Herbal", "1402902"]]));
    expect(result.products.map((p) => [p.sku, p.etalase])).toEqual([
      ["A", "1402902"],
      ["B", " 1402901 "],
      ["C", ""],
      ["D", "Rak Depan"],
      ["E", "Rak Depan"],
    ]);
    expect(result.unknown).toEqual([{ name: "Rak Depan", skus: ["D", "E"] }]);
    expect(products[0]?.etalase).toBe("Minuman Herbal");
  });

  it("warns in both languages", () => {
    const text = unknownEtalaseText("Rak Depan", ["D", "E"]);
    expect(text.en).toContain('etalase "Rak Depan" is not in this shop (SKU D, E)');
    expect(text.id).toContain('etalase "Rak Depan" tidak ada di toko ini (SKU D, E)');
    // Plain sentences: what to do, and what happens until it is done.
    expect(text.id).toContain("Selama etalase itu belum ada, produk baru tidak bisa dimasukkan ke dalamnya");
    expect(text.id).not.toContain("sampai itu");
    expect(text.en).toContain("Until it exists, new products cannot be put in it");
  });
});
