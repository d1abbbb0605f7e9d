// Issue 14, attributes in the plan, end to end against the Shopee mock on 127.0.0.1:0: a row whose
// `Atribut:` value changed is one change of field `attributes` naming the attribute old -> new,
// saved in a plan file and applied with one update_item carrying attribute_list; the mock then holds the new value and the
// rerun writes nothing. An attribute the category lacks changing is no change at all.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { connectedShopee } from "./connected-shop-rig.js";

const rig = connectedShopee();
const cli = rig.run;

const HEADER = "sku,nama,deskripsi,harga,stok,berat,kategori,foto,Atribut: bahan,Atribut: Teknik Batik,Atribut: Motif";
const row = (sku: string, cells: { bahan: string; teknik: string; motif?: string }): string =>
  [sku, `Kain Batik Tulis Lasem ${sku}`, "Batik buatan warga desa", "150000", "3", "300 gr", "Kain Batik", `${rig.photos.url}/${sku}.png`, cells.bahan, cells.teknik, cells.motif ?? ""].join(",");
const writeCatalog = (rows: string[]): Promise<void> => writeFile(join(rig.cwd, "katalog.csv"), `${[HEADER, ...rows].join("\n")}\n`);
const attributesOf = (sku: string) => rig.mock.items().find((i) => i.sku === sku)?.attributes.map((a) => [a.attribute_id, a.attribute_value_list.map((v) => v.value_id)]);
const writes = (): [string, number][] => Object.entries(rig.mock.stats().byPath).filter(([path]) => !/\/get_|auth|token/.test(path));

describe("shopee: an attribute changed in the catalogue is a change in the plan (issue 14)", () => {
  it("Bahan Katun -> Sutra: one attributes change, one update_item with attribute_list, the mock holds Sutra, the rerun writes nothing", async () => {
    await writeCatalog([row("BTK-1", { bahan: "Katun", teknik: "Tulis" }), row("BTK-2", { bahan: "Rayon", teknik: "Cap" })]);
    expect((await cli(["sync", "katalog.csv", "--yes"])).code).toBe(0);
    expect(attributesOf("BTK-1")).toEqual([[200004, [300010]], [200006, [300030]]]);

    await writeCatalog([row("BTK-1", { bahan: "sutra", teknik: "Tulis" }), row("BTK-2", { bahan: "Rayon", teknik: "Cap" })]);
    const dry = await cli(["sync", "katalog.csv", "--dry-run", "--format", "json"]);
    expect(dry.code, dry.io.stdout.text).toBe(0);
    const doc = JSON.parse(dry.io.stdout.text) as { plan: { changes: unknown[] } };
    expect(doc.plan.changes).toEqual([expect.objectContaining({ kind: "update", sku: "BTK-1", fields: [{ field: "attributes", from: { Bahan: "Katun" }, to: { Bahan: "Sutra" } }] })]);

    // Saved plan -> apply: the plan file round-trips the change, apply's re-derivation backs it.
    const saved = await cli(["sync", "katalog.csv", "--dry-run", "--out", "plan.json"]);
    expect(saved.code, saved.io.stdout.text).toBe(0);
    expect(saved.io.stdout.text).toContain("attribute Bahan: Katun -> Sutra");
    expect(saved.io.stdout.text).toContain("0 to create, 1 to update");
    rig.mock.resetStats();
    const run = await cli(["apply", "plan.json", "--yes"]);
    expect(run.code, run.io.stdout.text + run.io.stderr.text).toBe(0);
    expect(run.io.stdout.text).not.toMatch(/not applied/);
    expect(writes()).toEqual([["product/update_item", 1]]);
    expect(attributesOf("BTK-1")).toEqual([[200004, [300011]], [200006, [300030]]]);
    expect(attributesOf("BTK-2")).toEqual([[200004, [300012]], [200006, [300031]]]);

    rig.mock.resetStats();
    const rerun = await cli(["sync", "katalog.csv", "--yes"]);
    expect(rerun.code, rerun.io.stdout.text).toBe(0);
    expect(rerun.io.stdout.text).toContain("0 to create, 0 to update, 0 to deactivate, 0 to reactivate, 2 unchanged");
    expect(rig.mock.stats().writes).toBe(0);
  });

  it("an attribute the category lacks (Motif) changing is no change", async () => {
    await writeCatalog([row("BTK-1", { bahan: "Katun", teknik: "Tulis", motif: "Parang" })]);
    expect((await cli(["sync", "katalog.csv", "--yes"])).code).toBe(0);
    await writeCatalog([row("BTK-1", { bahan: "Katun", teknik: "Tulis", motif: "Kawung" })]);
    rig.mock.resetStats();
    const run = await cli(["sync", "katalog.csv", "--yes"]);
    expect(run.code, run.io.stdout.text).toBe(0);
    expect(run.io.stdout.text).toContain("0 to create, 0 to update, 0 to deactivate, 0 to reactivate, 1 unchanged");
    expect(rig.mock.stats().writes).toBe(0);
  });
});
