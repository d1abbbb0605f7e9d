// Issue 14, attributes in the plan, end to end against the Shopee mock on 127.0.0.1:0: a row whose
// `Atribut:` value changed is one change of field `attributes` naming the attribute old -> new,
// saved in a plan file and applied with one update_item carrying attribute_list; the mock then holds the new value and the
// rerun writes nothing. An attribute the category lacks changing is no change at all.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { startShopeeMock, type ShopeeMockServer } from "../../src/mock-server/shopee/index.js";
import { startPhotoServer } from "../adapters/shopee-rig.js";
import { makeIo, tempDir, type TestIo } from "../sync/harness.js";

let server: ShopeeMockServer;
let photos: Awaited<ReturnType<typeof startPhotoServer>>;
let cwd: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  photos = await startPhotoServer();
  server = await startShopeeMock({ rateLimit: 1000 });
  cwd = await tempDir();
  env = { DESBUMI_HOME: join(cwd, "home"), SHOPEE_PARTNER_ID: String(server.partnerId), SHOPEE_PARTNER_KEY: server.partnerKey, LANG: "en_US.UTF-8" };
  await writeFile(join(cwd, "desbumi.config.json"), JSON.stringify({ marketplace: { adapter: "shopee", baseUrl: server.url, pace: 1000, retryBaseMs: 5 }, groups: [{ id: "desa", name: "Kelompok Desa", catalog: "katalog.csv" }] }));
  const { createHmac } = await import("node:crypto");
  const ts = Math.floor(Date.now() / 1000);
  const path = "/api/v2/shop/auth_partner";
  const sign = createHmac("sha256", server.partnerKey).update(`${server.partnerId}${path}${ts}`).digest("hex");
  const res = await fetch(`${server.url}${path}?partner_id=${server.partnerId}&timestamp=${ts}&sign=${sign}&redirect=${encodeURIComponent("https://localhost/x")}`, { redirect: "manual" });
  const landing = new URL(res.headers.get("location") ?? "");
  const connected = await cli(["connect", "shopee", "--code", landing.searchParams.get("code") ?? "", "--shop-id", landing.searchParams.get("shop_id") ?? ""]);
  expect(connected.code, connected.io.stderr.text).toBe(0);
});
afterEach(async () => {
  await server.close();
  await photos.close();
});

async function cli(args: string[]): Promise<{ code: number; io: TestIo }> {
  const io = makeIo({ cwd, env });
  const code = await main(["--lang", "en", "--log-level", "silent", ...args], io);
  return { code, io };
}

const HEADER = "sku,nama,deskripsi,harga,stok,berat,kategori,foto,Atribut: bahan,Atribut: Teknik Batik,Atribut: Motif";
const row = (sku: string, cells: { bahan: string; teknik: string; motif?: string }): string =>
  [sku, `Kain Batik Tulis Lasem ${sku}`, "Batik buatan warga desa", "150000", "3", "300 gr", "Kain Batik", `${photos.url}/${sku}.png`, cells.bahan, cells.teknik, cells.motif ?? ""].join(",");
const writeCatalog = (rows: string[]): Promise<void> => writeFile(join(cwd, "katalog.csv"), `${[HEADER, ...rows].join("\n")}\n`);
const attributesOf = (sku: string) => server.items().find((i) => i.sku === sku)?.attributes.map((a) => [a.attribute_id, a.attribute_value_list.map((v) => v.value_id)]);
const writes = (): [string, number][] => Object.entries(server.stats().byPath).filter(([path]) => !/\/get_|auth|token/.test(path));

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
    server.resetStats();
    const run = await cli(["apply", "plan.json", "--yes"]);
    expect(run.code, run.io.stdout.text + run.io.stderr.text).toBe(0);
    expect(run.io.stdout.text).not.toMatch(/not applied/);
    expect(writes()).toEqual([["product/update_item", 1]]);
    expect(attributesOf("BTK-1")).toEqual([[200004, [300011]], [200006, [300030]]]);
    expect(attributesOf("BTK-2")).toEqual([[200004, [300012]], [200006, [300031]]]);

    server.resetStats();
    const rerun = await cli(["sync", "katalog.csv", "--yes"]);
    expect(rerun.code, rerun.io.stdout.text).toBe(0);
    expect(rerun.io.stdout.text).toContain("0 to create, 0 to update, 0 to deactivate, 0 to reactivate, 2 unchanged");
    expect(server.stats().writes).toBe(0);
  });

  it("an attribute the category lacks (Motif) changing is no change", async () => {
    await writeCatalog([row("BTK-1", { bahan: "Katun", teknik: "Tulis", motif: "Parang" })]);
    expect((await cli(["sync", "katalog.csv", "--yes"])).code).toBe(0);
    await writeCatalog([row("BTK-1", { bahan: "Katun", teknik: "Tulis", motif: "Kawung" })]);
    server.resetStats();
    const run = await cli(["sync", "katalog.csv", "--yes"]);
    expect(run.code, run.io.stdout.text).toBe(0);
    expect(run.io.stdout.text).toContain("0 to create, 0 to update, 0 to deactivate, 0 to reactivate, 1 unchanged");
    expect(server.stats().writes).toBe(0);
  });
});
