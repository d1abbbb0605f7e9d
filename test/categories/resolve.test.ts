import { describe, expect, it } from "vitest";
import { resolveCategory } from "../../src/categories/resolve.js";
import { flattenCategoryTree, searchLeaves } from "../../src/categories/tree.js";
import { MEMORY_CATEGORY_TREE } from "../../src/adapters/memory/categories.js";

const tree = flattenCategoryTree([
  ...MEMORY_CATEGORY_TREE,
  // A leaf name used twice, as real trees do.
  {
    id: "90",
    name: "Fashion Anak",
    children: [{ id: "91", name: "Batik Anak", children: [{ id: "1920", name: "Batik Tulis" }] }],
  },
]);

const ok = (id: string) => ({ ok: true, id });

describe("resolveCategory", () => {
  it.each([
    ["1760", ok("1760")],
    ["Jamu", ok("1760")],
    ["  jAMU ", ok("1760")],
    ["Makanan & Minuman > Minuman > Jamu", ok("1760")],
    ["makanan  &  minuman>minuman>jamu", ok("1760")],
    ["Minuman / Jamu", ok("1760")],
    ["Minuman > Jamu", ok("1760")],
    ["Manisan/Carica", ok("1780")],
    ["Carica", ok("1780")],
    ["Fashion > Batik > Batik Tulis", ok("1820")],
    ["Batik Anak > Batik Tulis", ok("1920")],
  ])("%s", (cell, expected) => {
    expect(resolveCategory(cell, tree)).toEqual(expected);
  });

  it("a leaf name under two parents is ambiguous, with both as candidates", () => {
    const result = resolveCategory("batik tulis", tree);
    expect(result).toMatchObject({ ok: false, code: "CATEGORY_AMBIGUOUS" });
    if (!result.ok) expect(result.candidates.map((c) => c.id).sort()).toEqual(["1820", "1920"]);
  });

  it("a misspelt name is not found, with the closest leaves first", () => {
    const result = resolveCategory("Keripk", tree);
    expect(result).toMatchObject({ ok: false, code: "CATEGORY_NOT_FOUND" });
    if (!result.ok) expect(result.candidates[0]?.name).toBe("Keripik");
  });

  it("a path whose leaf exists elsewhere does not match", () => {
    const result = resolveCategory("Kesehatan > Jamu", tree);
    expect(result).toMatchObject({ ok: false, code: "CATEGORY_NOT_FOUND" });
    if (!result.ok) expect(result.candidates.map((c) => c.name)).toContain("Jamu");
  });

  it("a parent category (id or name) is not a leaf; its id suggests its leaves", () => {
    expect(resolveCategory("Minuman", tree)).toMatchObject({ ok: false, code: "CATEGORY_NOT_FOUND" });
    const byId = resolveCategory("36", tree);
    expect(byId).toMatchObject({ ok: false, code: "CATEGORY_NOT_FOUND" });
    if (!byId.ok) expect(byId.candidates.map((c) => c.name)).toEqual(["Jamu", "Kopi", "Teh"]);
  });

  it("unknown ids and empty cells are not found", () => {
    expect(resolveCategory("99999", tree)).toMatchObject({ ok: false, code: "CATEGORY_NOT_FOUND" });
    expect(resolveCategory("", tree)).toEqual({ ok: false, code: "CATEGORY_NOT_FOUND", candidates: [] });
  });

  it("something unlike any category gets no suggestions", () => {
    expect(resolveCategory("zzzzqqqq", tree)).toEqual({ ok: false, code: "CATEGORY_NOT_FOUND", candidates: [] });
  });
});

describe("searchLeaves", () => {
  it("matches leaf names and paths, case-insensitively", () => {
    expect(searchLeaves(tree, "MASKER").map((c) => c.name)).toEqual(["Masker Kain", "Masker Medis"]);
    expect(searchLeaves(tree, "manisan").map((c) => c.name)).toEqual(["Carica", "Manisan Buah", "Dodol & Jenang"]);
  });
});
