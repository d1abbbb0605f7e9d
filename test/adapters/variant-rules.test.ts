// Issue 14: every adapter's definition says how many variants it takes (0 = refused per product,
// located), from its reference; the catalogue checks use them.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adapters } from "../../src/adapters/index.js";
import { loadCatalog } from "../../src/catalog/index.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-variant-rules-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("variant limits per marketplace", () => {
  it.each([
    // [adapter, option types, variants, option name max, option value max]
    ["memory", 3, 100, undefined, undefined],
    ["tokopedia", 0, 0, undefined, undefined],
    ["tokopedia-bulk", 0, 0, undefined, undefined],
    ["shopee", 2, 50, 14, 20],
    // issue 15 item 2: variants are written (ID market: 3 sales attribute types, 100 SKUs).
    ["tiktok-shop", 3, 100, 20, 50],
  ] as const)("%s: %s option types, %s variants, names <= %s, values <= %s", (name, types, variants, nameMax, valueMax) => {
    const rules = adapters[name].rules;
    expect([rules.maxOptionTypes, rules.maxVariants, rules.optionNameMaxLength, rules.optionValueMaxLength]).toEqual([types, variants, nameMax, valueMax]);
  });

  it.each(["tokopedia", "tokopedia-bulk"] as const)("%s refuses a product with variants, located at its first row, never drops a variant", async (name) => {
    const file = join(dir, `${name}.csv`);
    const img = "https://img.desbumi.example/a.jpg";
    await writeFile(
      file,
      ["Kode Induk,SKU,Nama Produk,Deskripsi,Ukuran,Harga,Stok,Berat,Kategori,Foto", `A,A-M,Kemeja,Batik tulis,M,1000,1,100,1760,${img}`, "A,A-L,,,L,1000,1,100,,", `B,B-1,Sarung,Tenun,,1000,1,100,1760,${img}`].join("\n"),
    );
    const r = await loadCatalog(file, { cwd: dir, rules: adapters[name].rulesFor?.({}) ?? adapters[name].rules });
    expect(r.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.line])).toEqual([["VARIANTS_NOT_SUPPORTED", 2]]);
    expect(r.invalidSkus.sort()).toEqual(["A", "A-L", "A-M"]);
    expect(r.products.map((p) => p.sku)).toEqual(["B-1"]);
  });
});
