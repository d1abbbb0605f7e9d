// Issue 14 "Rows without a SKU": validate and sync keep refusing an empty SKU, but
// `normalize --assign-skus` writes stable codes (group prefix + number, never one the file
// already holds) into the cleaned catalogue and says so.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./helpers.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "desbumi-assign-skus-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const IMG = "https://img.example/a.jpg";
const CATALOG = [
  "Daftar Produk Bumi Adikusuma",
  "SKU,Nama Produk,Warna,Harga,Stok,Berat,Foto",
  `BA-004,Kopi Robusta,,25000,5,250,${IMG}`,
  `,Gula Aren Cetak,,18000,5,500,${IMG}`,
  `,Kain Tenun Ikat,Merah,150000,2,300,${IMG}`,
  `,Kain Tenun Ikat,Biru,150000,3,300,`,
  `,Madu Hutan,,85000,5,700,${IMG}`,
].join("\n");

describe("normalize --assign-skus", () => {
  it("fills empty SKUs with the config group's prefix after the highest code in the file; stable on a second run", async () => {
    writeFileSync(join(dir, "desbumi.config.json"), JSON.stringify({ groups: [{ id: "bumi-adikusuma", name: "Bumi Adikusuma", catalog: "katalog.csv" }] }));
    writeFileSync(join(dir, "katalog.csv"), `${CATALOG}\n`);

    const refused = await runCli(["validate", "katalog.csv"], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("katalog.csv:4 SKU");

    const r = await runCli(["normalize", "katalog.csv", "--assign-skus", "-o", "bersih.csv"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("New SKU codes for 4 rows without a SKU: 4 → BA-005, 5 → BA-006, 6 → BA-007, 7 → BA-008.");
    const clean = readFileSync(join(dir, "bersih.csv"), "utf8").split("\n");
    expect(clean.map((l) => l.split(",")[0])).toEqual(["sku", "BA-004", "BA-005", "BA-006", "BA-007", "BA-008", ""]);
    // The two tenun rows are one product with variants, its code the first variant's.
    expect(clean[3]).toMatch(/,BA-006,Warna,Merah$/);

    const again = await runCli(["normalize", "bersih.csv", "--assign-skus", "-o", "bersih2.csv"], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain("New SKU codes");
    expect(readFileSync(join(dir, "bersih2.csv"), "utf8")).toBe(readFileSync(join(dir, "bersih.csv"), "utf8"));
    expect((await runCli(["validate", "bersih.csv", "--marketplace", "memory"], { cwd: dir })).code).toBe(0);
  });

  it("without a config the prefix comes from the file name, --sku-prefix overrides it; Indonesian too", async () => {
    writeFileSync(join(dir, "muiwo.csv"), `SKU,Nama Produk,Harga,Stok,Berat,Foto\n,Masker Kain,15000,5,50,${IMG}\nmui-009,Masker Batik,15000,5,50,${IMG}\n`);
    const byName = await runCli(["normalize", "muiwo.csv", "--assign-skus"], { cwd: dir, env: { LANG: "id_ID.UTF-8" } });
    expect(byName.code).toBe(0);
    expect(byName.stderr).toContain("Kode SKU baru untuk 1 baris tanpa SKU: 2 → MUI-010.");
    expect(byName.stdout.split("\n")[1]).toMatch(/^MUI-010,Masker Kain,/);
    const given = await runCli(["normalize", "muiwo.csv", "--assign-skus", "--sku-prefix", "lip"], { cwd: dir });
    expect(given.stdout.split("\n")[1]).toMatch(/^LIP-001,Masker Kain,/);
  });

  it("other errors still refuse the file, and the message says the codes were not written", async () => {
    writeFileSync(join(dir, "k.csv"), `SKU,Nama Produk,Harga,Stok,Berat,Foto\n,Masker Kain,murah,5,50,${IMG}\n`);
    const r = await runCli(["normalize", "k.csv", "--assign-skus", "-o", "out.csv"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("New SKU codes (not written yet) for 1 row without a SKU: 2 → K-001.");
    expect(r.stderr).toContain("Nothing written");
  });
});
