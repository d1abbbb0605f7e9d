// Search Products returns key fields only (reference §4.1: a SKU's id, seller_sku, price, inventory,
// status_info; no sales_attributes): the adapter knows its variants' options from what it sent and
// from Get Product, so a rerun converges, also after the detail cache is lost.
import { readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { makeIo, tempDir } from "../sync/harness.js";

const CSV = [
  "Kode Induk;sku;nama;deskripsi;harga;stok;berat;kategori;foto;Rasa",
  "KRP;KRP-ORI;Keripik Singkong Renyah Khas Jember 250 gr;Buatan warga;15000;10;250;Makanan Ringan;https://img.desbumi.example/k.jpg;Original",
  "KRP;KRP-PDS;Keripik Singkong Renyah Khas Jember 250 gr;Buatan warga;16000;5;250;Makanan Ringan;https://img.desbumi.example/k.jpg;Pedas",
  "",
].join("\n");

const run = async (cwd: string, args: string[]) => {
  const io = makeIo({ cwd, env: { DESBUMI_PRACTICE_REVIEW_MS: "0" } });
  const code = await main(["--lang", "en", "--log-level", "silent", ...args], io);
  return { code, out: io.stdout.text, err: io.stderr.text };
};

describe("variants on Tokopedia & Shop when search rows carry no sales attributes", () => {
  it("the rerun has nothing to do, with the detail cache and after it is deleted", async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, "k.csv"), CSV);
    const first = await run(cwd, ["sync", "k.csv", "--yes"]);
    expect(first.err).toBe("");
    expect(first.code).toBe(0);
    expect(first.out).toContain("Variants: 2 to add");

    const again = await run(cwd, ["sync", "k.csv", "--dry-run", "--format", "json"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).plan.changes).toEqual([]);

    for (const f of await readdir(join(cwd, ".desbumi"))) if (f.startsWith("tiktok-shop-products-")) await rm(join(cwd, ".desbumi", f));
    const fresh = await run(cwd, ["sync", "k.csv", "--dry-run", "--format", "json"]);
    expect(fresh.code).toBe(0);
    expect(JSON.parse(fresh.out).plan.changes).toEqual([]);

    // A changed option is still seen as one (the options really come from the shop).
    await writeFile(join(cwd, "k.csv"), CSV.replace(";Pedas", ";Pedas Manis"));
    const changed = await run(cwd, ["sync", "k.csv", "--dry-run", "--format", "json"]);
    expect(JSON.parse(changed.out).plan.changes).toHaveLength(1);
  });
});
