// Issue 14, attributes at plan time, end to end against the tiktok-shop mock on 127.0.0.1:0:
// `Atribut:` columns matched to the category's product properties (names ignoring case, spacing and
// punctuation), a near miss on a fixed list is a located error with did-you-mean before any write,
// an attribute the category lacks is one note and the sync goes on, a customizable property's own
// value is sent as a custom `{name}` and listed ones by id; the rerun writes nothing.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { connectedTikTokShop } from "./connected-shop-rig.js";

const rig = connectedTikTokShop("attr-app-secret");
const { run } = rig;

const HEADER = "sku,nama,deskripsi,harga,stok,berat,kategori,foto,Atribut: BAHAN,Atribut: teknik.,Atribut: Motif,Atribut: Asal Daerah";
const row = (sku: string, name: string, cells: { bahan?: string; teknik?: string; motif?: string; asal?: string }): string =>
  [sku, name, "Kain batik buatan warga desa", "450000", "3", "300 gr", "Kain Batik", `${rig.photos.url}/${sku}.png`, cells.bahan ?? "", cells.teknik ?? "", cells.motif ?? "", cells.asal ?? ""].join(",");
const catalogue = (rows: string[]): Promise<void> => writeFile(join(rig.cwd, "katalog.csv"), `${[HEADER, ...rows].join("\n")}\n`);
const writes = (): [string, number][] => Object.entries(rig.mock.stats().byRoute).filter(([k]) => !k.startsWith("GET ") && !k.includes("/search"));

describe("tiktok-shop: catalogue attributes matched at plan time (issue 14)", () => {
  it("a near miss on a fixed list is an error at its Atribut cell with did-you-mean and the allowed values; nothing is sent", async () => {
    await catalogue([row("BTK-001", "Kain Batik Tulis Motif Parang Lasem", { bahan: "Katun", teknik: "Kombinasih" })]);
    rig.mock.resetStats();
    const r = await run(["sync", "--yes"]);
    expect(r.code, r.io.stdout.text).toBe(1);
    expect(r.io.stdout.text).toMatch(/katalog\.csv:2 Atribut: teknik\.: The attribute "Teknik" holds "Kombinasih" that Tokopedia & Shop does not accept in category Pakaian > Kain Batik/);
    expect(r.io.stdout.text).toContain('Did you mean "Kombinasi"? Write one of the listed values: Tulis, Cap, Kombinasi');
    expect(writes()).toEqual([]);
    expect(rig.mock.state.products).toEqual([]);
  });

  it("an attribute the category lacks is one note; listed values go by id, a customizable one's own value by name; the rerun writes nothing", async () => {
    await catalogue([
      row("BTK-001", "Kain Batik Tulis Motif Parang Lasem", { bahan: "katun", teknik: "TULIS", motif: "parang", asal: "Lasem" }),
      row("BTK-002", "Kain Batik Cap Motif Gunung Jati Cirebon", { bahan: "Primisima", teknik: "Cap", motif: "Mega Mendung", asal: "Cirebon" }),
    ]);
    const first = await run(["sync", "--yes"]);
    expect(first.code, first.io.stdout.text).toBe(0);
    const notes = first.io.stdout.text.split("\n").filter((l) => l.includes('no attribute "Asal Daerah"'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/katalog\.csv:2 Atribut: Asal Daerah: Tokopedia & Shop has no attribute "Asal Daerah" in category Pakaian > Kain Batik: it is not sent to Tokopedia & Shop \(this row and 1 more rows\)/);
    const sent = (sku: string) => rig.mock.state.products.find((p) => p.skus.some((s) => s.seller_sku === sku))?.product_attributes;
    // Bahan 200301 (Katun 20030101, Primisima 20030104), Teknik 200302, Motif 200303 (customizable).
    expect(sent("BTK-001")).toEqual([
      { id: "200301", values: [{ id: "20030101" }] },
      { id: "200302", values: [{ id: "20030201" }] },
      { id: "200303", values: [{ id: "20030301" }] },
    ]);
    expect(sent("BTK-002")).toEqual([
      { id: "200301", values: [{ id: "20030104" }] },
      { id: "200302", values: [{ id: "20030202" }] },
      { id: "200303", values: [{ name: "Mega Mendung" }] },
    ]);

    rig.mock.resetStats();
    const second = await run(["sync", "--yes"]);
    expect(second.code, second.io.stdout.text).toBe(0);
    expect(second.io.stdout.text).toMatch(/0 to create, 0 to update/);
    expect(writes()).toEqual([]);
  });
});
