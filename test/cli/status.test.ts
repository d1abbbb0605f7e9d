// Issue 17: `desbumi status` reads the shop (no writes) and says, per product, where it stands.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers.js";

// The practice shop (Tokopedia & Shop): names of 25+ characters; its review settled at once here
// (DESBUMI_PRACTICE_REVIEW_MS=0), so a synced product reads as live.
const CATALOG = [
  "Kode Produk;Nama Produk;Harga;Stok;Berat (gram);Kategori;Deskripsi;Foto",
  "KP-001;Kopi Robusta Wonosobo Bubuk 250 gr;25.000;10;250;Kopi;Kopi robusta;https://images.desbumi.example/status/a.jpg",
  "KP-002;Kopi Arabika Dieng Bubuk 250 gr;45.000;5;250;Kopi;Kopi arabika;https://images.desbumi.example/status/b.jpg",
  "KP-003;Teh Purwoceng Herbal Kering 50 gr;;5;100;Teh;Teh herbal;https://images.desbumi.example/status/c.jpg",
].join("\n");
const env = { LANG: "en_US.UTF-8", DESBUMI_PRACTICE_REVIEW_MS: "0" };

describe("desbumi status", () => {
  it("not listed before a sync; live after; out of sync (which fields) after an edit; rows with errors said as such; never writes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "desbumi-status-"));
    writeFileSync(join(dir, "k.csv"), CATALOG);
    const states = async () => {
      const run = await runCli(["status", "k.csv", "--format", "json"], { cwd: dir, env });
      const doc = JSON.parse(run.stdout);
      expect(doc).toMatchObject({ format: "desbumi-status", version: 1 });
      return { code: run.code, products: doc.groups[0].marketplaces[0].products.map((p: { sku: string; line: number; state: string; fields?: string[] }) => [p.sku || `line ${p.line}`, p.state, p.fields ?? []]) };
    };
    expect(await states()).toEqual({ code: 1, products: [["KP-001", "not-listed", []], ["KP-002", "not-listed", []], ["line 4", "invalid", []]] });
    // status itself wrote nothing: still not listed.
    expect((await states()).products[0]).toEqual(["KP-001", "not-listed", []]);

    expect((await runCli(["sync", "k.csv", "--yes", "--skip-invalid"], { cwd: dir, env })).stdout).toMatch(/2 created/);
    expect((await states()).products.slice(0, 2)).toEqual([["KP-001", "live", []], ["KP-002", "live", []]]);

    writeFileSync(join(dir, "k.csv"), readFileSync(join(dir, "k.csv"), "utf8").replace("45.000;5", "47.500;3"));
    expect((await states()).products[1]).toEqual(["KP-002", "out-of-sync", ["price", "stock"]]);

    const pretty = await runCli(["status", "k.csv", "--lang", "id"], { cwd: dir, env });
    expect(pretty.stdout).toMatch(/beda dengan katalog\s+KP-002 Kopi Arabika Dieng Bubuk 250 gr \(baris 3\): harga, stok/);
    expect(pretty.stdout).toMatch(/tayang\s+KP-001/);
  }, 60_000);
});
