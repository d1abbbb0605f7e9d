// Regression, issue 12 item 3: photo links separated by a comma kept the comma (`https://a.jpg,`
// went to the shop). Commas separate like | and ;, and a link still ending in punctuation is located.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { loadCatalog } from "../../src/catalog/index.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-commas-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test("comma-separated photo links become separate photos without the comma", async () => {
  await writeFile(
    join(dir, "k.csv"),
    'sku,nama,harga,stok,berat,foto\nA,Kopi,25000,1,250,"https://img.example/a.jpg,https://img.example/b.jpg"\nB,Teh,25000,1,250,"https://img.example/c.jpg, https://img.example/d.jpg,"\n',
  );
  const r = await loadCatalog("k.csv", { cwd: dir });
  expect(r.issues).toEqual([]);
  expect(r.products.map((p) => p.images)).toEqual([
    ["https://img.example/a.jpg", "https://img.example/b.jpg"],
    ["https://img.example/c.jpg", "https://img.example/d.jpg"],
  ]);
});

test("a link that still ends in punctuation is PHOTO_URL_PUNCTUATION at its line and column", async () => {
  await writeFile(join(dir, "p.csv"), "sku,nama,harga,stok,berat,Foto Produk\nA,Kopi,25000,1,250,https://img.example/a.jpg.\n");
  const r = await loadCatalog("p.csv", { cwd: dir });
  expect(r.issues.map((i) => [i.code, i.line, i.column, i.value])).toEqual([["PHOTO_URL_PUNCTUATION", 2, "Foto Produk", "https://img.example/a.jpg."]]);
  expect(r.valid).toBe(false);
});
