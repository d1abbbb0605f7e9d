// Issue 14.4: spooled products (validate --format json) are the same products the in-memory path
// keeps, late cross-row drops included (a duplicate SKU found only at the end of the file).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { loadCatalog } from "../../src/catalog/index.js";
import { toProductDocument } from "../../src/catalog/product-document.js";
import { DEFAULT_RULES } from "../../src/rules.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-spool-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const IMG = "https://img.desbumi.example/a.jpg";

test("spooled documents equal the in-memory products, without the late-dropped ones, variants included", async () => {
  const rows = ["Kode Induk,SKU,Nama Produk,Ukuran,Harga,Stok,Berat,Foto"];
  for (let i = 1; i <= 300; i++) rows.push(`,S-${i},Produk ${i},,1000,1,100,${IMG}`);
  rows.push(`A,A-M,Kemeja,M,1000,1,100,${IMG}`, "A,A-L,,L,1000,2,,");
  rows.push(`,S-7,Produk Lain,,1000,1,100,${IMG}`); // duplicate of line 8, found only at the end
  await writeFile(join(dir, "c.csv"), rows.join("\n"));
  const rules = { ...DEFAULT_RULES, maxOptionTypes: 3, maxVariants: 100 };
  const memory = await loadCatalog("c.csv", { cwd: dir, rules });
  const spooled = await loadCatalog("c.csv", { cwd: dir, rules, spoolProducts: true });
  expect(spooled.products).toEqual([]);
  const spool = spooled.productSpool!;
  const documents: unknown[] = [];
  for await (const text of spool.documents()) documents.push(JSON.parse(text));
  spool.dispose();
  expect(memory.products.map((p) => p.sku)).not.toContain("S-7");
  expect(documents).toEqual(memory.products.map((p) => toProductDocument(p, p.line, p.sheet)));
  expect(documents).toHaveLength(300);
  expect(spooled.issues).toEqual(memory.issues);
});
