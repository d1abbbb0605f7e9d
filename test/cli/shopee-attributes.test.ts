// Issue 14, attributes at plan time, end to end against the Shopee mock on 127.0.0.1:0: `Atribut:`
// columns matched to the category's attribute tree (names and values ignoring case and spacing), a
// near miss on a dropdown is a located error with did-you-mean before any write, an attribute the
// category lacks is one note and the sync goes on, a custom value on a combo box is sent as
// value_id 0 and the rerun writes nothing.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TestIo } from "../sync/harness.js";
import { connectedShopee } from "./connected-shop-rig.js";

const rig = connectedShopee();
const cli = rig.run;

const HEADER = "sku,nama,deskripsi,harga,stok,berat,kategori,foto,Atribut: bahan,Atribut: TEKNIK-batik,Atribut: Asal Daerah,Atribut: Motif";
const row = (sku: string, name: string, cells: { bahan?: string; teknik?: string; asal?: string; motif?: string }): string =>
  [sku, name, "Batik buatan warga desa", "150000", "3", "300 gr", "Kain Batik", `${rig.photos.url}/${sku}.png`, cells.bahan ?? "", cells.teknik ?? "", cells.asal ?? "", cells.motif ?? ""].join(",");
const writeCatalog = (rows: string[]): Promise<void> => writeFile(join(rig.cwd, "katalog.csv"), `${[HEADER, ...rows].join("\n")}\n`);
const sync = (): Promise<{ code: number; io: TestIo }> => cli(["sync", "katalog.csv", "--yes"]);

describe("shopee: catalogue attributes matched at plan time (issue 14)", () => {
  it("a near miss on a dropdown attribute is an error at its Atribut cell with did-you-mean and the allowed values; nothing is written", async () => {
    await writeCatalog([row("BTK-1", "Kain Batik Tulis Lasem Merah", { bahan: "katun", teknik: "Tuliss" })]);
    rig.mock.resetStats();
    const run = await sync();
    expect(run.code, run.io.stdout.text).toBe(1);
    expect(run.io.stdout.text).toMatch(/katalog\.csv:2 Atribut: TEKNIK-batik: .*"Teknik Batik" holds "Tuliss" that Shopee does not accept/);
    expect(run.io.stdout.text).toContain('Did you mean "Tulis"? Write one of the listed values: Tulis, Cap, Kombinasi');
    expect(rig.mock.stats().writes).toBe(0);
    expect(rig.mock.items()).toEqual([]);
  });

  it("an attribute the category lacks is one note (with its rows) and the sync goes on; a custom combo-box value is sent as value_id 0; the rerun writes nothing", async () => {
    await writeCatalog([
      row("BTK-1", "Kain Batik Tulis Lasem Merah", { bahan: "KATUN", teknik: "tulis", asal: "Pekalongan", motif: "Parang" }),
      row("BTK-2", "Kain Batik Cap Lasem Biru", { bahan: "Sutra", teknik: "Cap", asal: "jawa tengah", motif: "Kawung" }),
      row("BTK-3", "Kain Batik Cap Lasem Hijau", { bahan: "Rayon", teknik: "Cap", motif: "Truntum" }),
    ]);
    const first = await sync();
    expect(first.code, first.io.stdout.text).toBe(0);
    const notes = first.io.stdout.text.split("\n").filter((l) => l.includes('no attribute "Motif"'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/katalog\.csv:2 Atribut: Motif: Shopee has no attribute "Motif" in category .*Kain Batik: it is not sent to Shopee \(this row and 2 more rows\)/);
    expect(first.io.stdout.text).toContain("Plan: 3 to create");
    const byId = (sku: string) => rig.mock.items().find((i) => i.sku === sku)?.attributes.map((a) => [a.attribute_id, a.attribute_value_list.map((v) => [v.value_id, v.original_value_name])]);
    // Bahan 200004 (Katun 300010), Teknik Batik 200006 (Tulis 300030), Asal Daerah 200005 custom.
    expect(byId("BTK-1")).toEqual([[200004, [[300010, ""]]], [200006, [[300030, ""]]], [200005, [[0, "Pekalongan"]]]]);
    expect(byId("BTK-2")).toEqual([[200004, [[300011, ""]]], [200006, [[300031, ""]]], [200005, [[300020, ""]]]]);

    rig.mock.resetStats();
    const second = await sync();
    expect(second.code, second.io.stdout.text).toBe(0);
    expect(second.io.stdout.text).toContain("0 to create, 0 to update, 0 to deactivate, 0 to reactivate, 3 unchanged");
    expect(rig.mock.stats().writes).toBe(0);
  });
});
