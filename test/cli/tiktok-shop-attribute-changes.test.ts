// Issue 14, attributes in the plan, end to end against the tiktok-shop mock on 127.0.0.1:0: a row
// whose `Atribut:` value changed is one change of field `attributes` naming the attribute old -> new,
// written with one Partial Edit carrying product_attributes; the mock then holds the new value and
// the rerun writes nothing. An attribute the category lacks changing is no change at all.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { connectedTikTokShop } from "./connected-shop-rig.js";

const rig = connectedTikTokShop("attr-change-secret");
const { run } = rig;

const HEADER = "sku,nama,deskripsi,harga,stok,berat,kategori,foto,Atribut: Bahan,Atribut: Teknik,Atribut: Asal Daerah";
const row = (sku: string, name: string, cells: { bahan: string; teknik: string; asal?: string }): string =>
  [sku, name, "Kain batik buatan warga desa", "450000", "3", "300 gr", "Kain Batik", `${rig.photos.url}/${sku}.png`, cells.bahan, cells.teknik, cells.asal ?? ""].join(",");
const catalogue = (rows: string[]): Promise<void> => writeFile(join(rig.cwd, "katalog.csv"), `${[HEADER, ...rows].join("\n")}\n`);
const writes = (): [string, number][] => Object.entries(rig.mock.stats().byRoute).filter(([k]) => !k.startsWith("GET ") && !k.includes("/search"));
const sent = (sku: string) => rig.mock.state.products.find((p) => p.skus.some((s) => s.seller_sku === sku))?.product_attributes;
const NAME_1 = "Kain Batik Tulis Motif Parang Lasem";
const NAME_2 = "Kain Batik Cap Motif Gunung Jati Cirebon";

describe("tiktok-shop: an attribute changed in the catalogue is a change in the plan (issue 14)", () => {
  it("Bahan Katun -> Sutra: one attributes change, one partial edit with product_attributes, the mock holds Sutra, the rerun writes nothing", async () => {
    await catalogue([row("BTK-001", NAME_1, { bahan: "Katun", teknik: "Tulis" }), row("BTK-002", NAME_2, { bahan: "Primisima", teknik: "Cap" })]);
    const first = await run(["sync", "--yes"]);
    expect(first.code, first.io.stdout.text).toBe(0);
    // Bahan 200301 (Katun 20030101, Sutra 20030102), Teknik 200302 (Tulis 20030201).
    expect(sent("BTK-001")).toEqual([{ id: "200301", values: [{ id: "20030101" }] }, { id: "200302", values: [{ id: "20030201" }] }]);

    await catalogue([row("BTK-001", NAME_1, { bahan: " SUTRA ", teknik: "Tulis" }), row("BTK-002", NAME_2, { bahan: "Primisima", teknik: "Cap" })]);
    const dry = await run(["sync", "--dry-run", "--format", "json"]);
    expect(dry.code, dry.io.stdout.text).toBe(0);
    const doc = JSON.parse(dry.io.stdout.text) as { groups: { plan: { changes: unknown[] } }[] };
    expect(doc.groups[0]?.plan.changes).toEqual([
      expect.objectContaining({ kind: "update", sku: "BTK-001", fields: [{ field: "attributes", from: { Bahan: "Katun" }, to: { Bahan: "Sutra" } }] }),
    ]);

    rig.mock.resetStats();
    const second = await run(["sync", "--yes"]);
    expect(second.code, second.io.stdout.text).toBe(0);
    expect(second.io.stdout.text).toContain("attribute Bahan: Katun -> Sutra");
    expect(second.io.stdout.text).toMatch(/0 to create, 1 to update/);
    expect(writes()).toEqual([[expect.stringMatching(/^POST \/product\/\d+\/products\/\{id\}\/partial_edit$/), 1]]);
    expect(sent("BTK-001")).toEqual([{ id: "200301", values: [{ id: "20030102" }] }, { id: "200302", values: [{ id: "20030201" }] }]);

    rig.mock.resetStats();
    const third = await run(["sync", "--yes"]);
    expect(third.code, third.io.stdout.text).toBe(0);
    expect(third.io.stdout.text).toMatch(/0 to create, 0 to update/);
    expect(writes()).toEqual([]);
  });

  it("an attribute the category lacks (Asal Daerah) changing is no change", async () => {
    await catalogue([row("BTK-001", NAME_1, { bahan: "Sutra", teknik: "Tulis", asal: "Lasem" }), row("BTK-002", NAME_2, { bahan: "Primisima", teknik: "Cap" })]);
    expect((await run(["sync", "--yes"])).code).toBe(0);
    await catalogue([row("BTK-001", NAME_1, { bahan: "Sutra", teknik: "Tulis", asal: "Rembang" }), row("BTK-002", NAME_2, { bahan: "Primisima", teknik: "Cap" })]);
    rig.mock.resetStats();
    const r = await run(["sync", "--yes"]);
    expect(r.code, r.io.stdout.text).toBe(0);
    expect(r.io.stdout.text).toMatch(/0 to create, 0 to update/);
    expect(writes()).toEqual([]);
  });
});
