// End to end through the CLI (issue 16): `desbumi sync --marketplace shopee` against the Shopee mock
// on 127.0.0.1:0, photos served by a loopback server. The shop is connected through the shopee
// connect hook (the seller's redirect followed by hand).
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { startShopeeMock, type ShopeeMockServer } from "../../src/mock-server/shopee/index.js";
import { connectThroughMock, startPhotoServer } from "../adapters/shopee-rig.js";
import { makeIo, tempDir, type TestIo } from "../sync/harness.js";

let server: ShopeeMockServer;
let photos: Awaited<ReturnType<typeof startPhotoServer>>;
let cwd: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  photos = await startPhotoServer();
  server = await startShopeeMock({
    rateLimit: 1000,
    seed: [
      { sku: "V-1", name: "Kemeja Batik Varian", price: 0, stock: 0, variants: { tier: "Ukuran", options: [{ option: "M", sku: "V-1-M", price: 150_000, stock: 2 }, { option: "L", sku: "V-1-L", price: 160_000, stock: 3 }] } },
      { sku: "V-2", name: "Masker Varian Warna", price: 0, stock: 0, variants: { tier: "Warna", options: [{ option: "Merah", sku: "V-2-R", price: 12_000, stock: 4 }, { option: "Biru", sku: "V-2-B", price: 12_000, stock: 4 }] } },
    ],
  });
  cwd = await tempDir();
  env = { DESBUMI_HOME: join(cwd, "home"), SHOPEE_PARTNER_ID: String(server.partnerId), SHOPEE_PARTNER_KEY: server.partnerKey, LANG: "en_US.UTF-8" };
  await connectThroughMock(server, env);
});
afterEach(async () => {
  await server.close();
  await photos.close();
});

const HEADER = "sku,nama,deskripsi,harga,stok,berat,kategori,kondisi,status,foto";
const row = (sku: string, name: string, photo: string, category = "Masker Kain"): string =>
  [sku, name, "Buatan tangan warga desa", "25000", "10", "250 gr", category, "baru", "aktif", `${photos.url}/${photo}.png`].join(",");

async function writeCatalog(rows: string[]): Promise<string> {
  await writeFile(join(cwd, "katalog.csv"), `${[HEADER, ...rows].join("\n")}\n`);
  return "katalog.csv";
}

async function sync(args: string[] = []): Promise<{ code: number; io: TestIo }> {
  const io = makeIo({ cwd, env });
  const code = await main(["--lang", "en", "--log-level", "silent", "sync", "katalog.csv", "--marketplace", "shopee", "--base-url", server.url, "--yes", ...args], io);
  return { code, io };
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  return out;
}

describe("desbumi sync --marketplace shopee", () => {
  it("first sync creates every product once with photos uploaded once; the rerun writes and uploads nothing", async () => {
    await writeCatalog([row("MSK-1", "Masker Kain Parang", "a"), row("MSK-2", "Masker Kain Kawung", "b"), row("MSK-3", "Masker Kain Truntum", "a"), row("MSK-4", "Masker Kain Sekar", "c")]);
    const first = await sync();
    expect(first.io.stderr.text).toBe("");
    expect(first.code, first.io.stdout.text).toBe(0);
    expect(first.io.stdout.text).toContain("Plan: 4 to create, 0 to update, 0 to deactivate, 0 to reactivate, 0 unchanged.");
    const items = server.items();
    expect(items.map((i) => i.sku).sort()).toEqual(["MSK-1", "MSK-2", "MSK-3", "MSK-4", "V-1", "V-2"]);
    expect(items.find((i) => i.sku === "MSK-1")).toMatchObject({ weight: 0.25, price: 25_000, stock: 10, categoryId: 100012, brand: { brand_id: 0 } });
    const stats = server.stats();
    expect(stats.byPath["media_space/upload_image"]).toBe(3);
    // The listing read each item once: base info in one batch, models only for the two with variants.
    expect(stats.byPath["product/get_item_base_info"]).toBe(1);
    expect(stats.byPath["product/get_model_list"]).toBe(2);

    server.resetStats();
    const second = await sync();
    expect(second.code).toBe(0);
    expect(second.io.stdout.text).toContain("0 to create, 0 to update, 0 to deactivate, 0 to reactivate, 4 unchanged");
    expect(server.stats().writes).toBe(0);
    expect(server.stats().byPath["media_space/upload_image"]).toBeUndefined();

    // No partner key, access or refresh token in any output, log, plan, journal or state file.
    const tokenFile = (await filesUnder(join(cwd, "home"))).find((f) => f.endsWith(".json")) ?? "";
    const stored = JSON.parse(await readFile(tokenFile, "utf8")) as { tokens: { accessToken: string; refreshToken: string } };
    const secrets = [server.partnerKey, stored.tokens.accessToken, stored.tokens.refreshToken];
    const texts = [first.io.stdout.text, first.io.stderr.text, second.io.stdout.text, second.io.stderr.text];
    for (const f of await filesUnder(join(cwd, ".desbumi"))) texts.push(await readFile(f, "utf8"));
    expect(texts.length).toBeGreaterThan(4);
    for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it("a missing mandatory attribute is a located issue before any write", async () => {
    await writeCatalog([row("KRP-1", "Keripik Tempe Sagu", "k", "Keripik"), row("MSK-9", "Masker Kain Lurik", "m")]);
    const run = await sync();
    expect(run.code, run.io.stdout.text).toBe(1);
    expect(run.io.stdout.text).toMatch(/katalog\.csv:2 .*Masa Penyimpanan/);
    expect(run.io.stdout.text).toMatch(/Shopee requires the attribute "Masa Penyimpanan" in category Makanan & Minuman > Makanan Ringan > Keripik/);
    expect(server.stats().writes).toBe(0);
  });

  it("a price edit is one update_price call", async () => {
    await writeCatalog([row("MSK-1", "Masker Kain Parang", "a"), row("MSK-2", "Masker Kain Kawung", "b")]);
    expect((await sync()).code).toBe(0);
    await writeCatalog([row("MSK-1", "Masker Kain Parang", "a").replace(",25000,", ",27500,"), row("MSK-2", "Masker Kain Kawung", "b")]);
    server.resetStats();
    expect((await sync()).code).toBe(0);
    const writes = Object.entries(server.stats().byPath).filter(([path]) => !path.startsWith("product/get_") && !path.startsWith("logistics/"));
    expect(writes).toEqual([["product/update_price", 1]]);
    expect(server.items().find((i) => i.sku === "MSK-1")?.price).toBe(27_500);
  });
});
