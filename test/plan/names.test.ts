import { describe, expect, it } from "vitest";
import type { Category } from "../../src/adapters/types.js";
import { categoryLabels, etalaseLabels, namesForChanges } from "../../src/plan/names.js";
import type { Change } from "../../src/plan/types.js";
import { makeDesired } from "../builders.js";

const cat = (id: string, path: string[], isLeaf = true): Category => ({ id, name: path[path.length - 1] ?? "", path, isLeaf });

describe("categoryLabels", () => {
  it("uses the name when it is unique, else the shortest unique tail of the path", () => {
    const labels = categoryLabels([
      cat("1", ["Makanan & Minuman"], false),
      cat("2", ["Makanan & Minuman", "Minuman"], false),
      cat("3", ["Makanan & Minuman", "Minuman", "Jamu"]),
      cat("4", ["Kesehatan"], false),
      cat("5", ["Kesehatan", "Jamu"]),
      cat("6", ["Makanan & Minuman", "Kopi"]),
    ]);
    expect(Object.fromEntries(labels)).toEqual({
      "1": "Makanan & Minuman",
      "2": "Minuman",
      "3": "Minuman > Jamu",
      "4": "Kesehatan",
      "5": "Kesehatan > Jamu",
      "6": "Kopi",
    });
  });
});

describe("namesForChanges", () => {
  const update: Change = {
    kind: "update",
    sku: "A",
    listingId: "10",
    product: makeDesired({ sku: "A" }),
    fields: [
      { field: "category", from: "6", to: "3" },
      { field: "etalase", from: "900", to: "901" },
      { field: "price", from: 1000, to: 2000 },
    ],
  };

  it("keeps only the ids the changes mention and the lookups know", () => {
    const names = namesForChanges([update, { kind: "create", sku: "B", product: makeDesired({ sku: "B", categoryId: "5" }) }], {
      categories: new Map([["3", "Minuman > Jamu"], ["5", "Kesehatan > Jamu"], ["6", "Kopi"]]),
      etalase: etalaseLabels(new Map([["Minuman Herbal ", "901"], ["minuman herbal", "901"]])),
    });
    expect(names).toEqual({ categories: { "3": "Minuman > Jamu", "6": "Kopi" }, etalase: { "901": "Minuman Herbal" } });
  });

  it("is undefined when nothing can be named", () => {
    expect(namesForChanges([update], {})).toBeUndefined();
  });
});
