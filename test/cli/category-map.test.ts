// Issue 17: categories.json pins a leaf per catalogue category name and marketplace;
// `desbumi categories map --yes` writes the clear choices only and lists the rest.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers.js";

const HEADER = "Kode Produk;Nama Produk;Harga;Stok;Berat (gram);Kategori;Deskripsi;Foto";
// For the practice shop (Tokopedia & Shop): names of 25+ characters, its category ids.
const row = (sku: string, category: string) => `${sku};Produk Olahan ${sku} Desa Lipursari;25.000;10;250;${category};Buatan warga;https://images.desbumi.example/${sku}.jpg`;

function project(rows: string[], map?: unknown) {
  const dir = mkdtempSync(join(tmpdir(), "desbumi-catmap-"));
  writeFileSync(join(dir, "k.csv"), [HEADER, ...rows].join("\n"));
  writeFileSync(join(dir, "desbumi.config.json"), JSON.stringify({ groups: [{ id: "kopi", name: "Kopi", catalog: "k.csv" }] }));
  if (map) writeFileSync(join(dir, "categories.json"), JSON.stringify(map));
  return dir;
}

describe("categories.json and desbumi categories map", () => {
  it("a pinned leaf wins over the name: a name the tree does not know syncs to the pinned leaf", async () => {
    const dir = project([row("KP-1", "Kopi Bubuk Desa")], { "kopi bubuk  desa": { "tiktok-shop": "600102" } });
    const run = await runCli(["sync", "--yes", "--format", "json"], { cwd: dir });
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.groups[0].plan.changes[0].product.categoryId).toBe("600102");
  });

  it("two keys that are the same name (Jamu, jamu) are a config error naming both", async () => {
    const dir = project([row("KP-1", "Jamu")], { Jamu: { "tiktok-shop": "600117" }, jamu: { "tiktok-shop": "600118" } });
    const run = await runCli(["sync", "--yes"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/"jamu" and "Jamu" count as the same name; merge them into one/);
  });

  it("--yes writes only the clear choices and lists the unclear ones (exit 1)", async () => {
    const dir = project([row("KP-1", "Jamu"), row("KP-2", "Kerajinan Bambu Hias")]);
    const run = await runCli(["categories", "map", "--yes"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✔ "Jamu" -> .*Jamu \(600117\)/);
    expect(run.stdout).toMatch(/\? "Kerajinan Bambu Hias": not clear/);
    expect(JSON.parse(readFileSync(join(dir, "categories.json"), "utf8"))).toEqual({ Jamu: { "tiktok-shop": "600117" } });
    // Mapped names are not proposed again.
    const again = await runCli(["categories", "map", "--yes"], { cwd: dir });
    expect(again.stdout).not.toMatch(/"Jamu"/);
  });
});
