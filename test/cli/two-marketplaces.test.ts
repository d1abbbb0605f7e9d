// Issue 17, end to end: one config, two groups, each selling on Tokopedia & Shop (tiktok-shop mock)
// and Shopee (shopee mock), both mocks started here on 127.0.0.1 port 0. First sync lists
// everything on both; a rerun is a no-op on both; a price edit is one write per marketplace; one
// marketplace down leaves the other synced and the summary says which failed and how to rerun it.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { startTikTokMock, type TikTokMock } from "../../src/mock-server/tiktok-shop/index.js";
import { startShopeeMock, type ShopeeMockServer } from "../../src/mock-server/shopee/index.js";
import { connectThroughMock } from "../adapters/shopee-rig.js";
import { startPhotoServer, type PhotoServer } from "../adapters/tiktok-rig.js";
import { makeIo, tempDir, type TestIo } from "../sync/harness.js";

let tiktok: TikTokMock;
let shopee: ShopeeMockServer;
/** The second group's own Shopee shop (each group has its own shop). */
let shopee2: ShopeeMockServer;
let photos: PhotoServer;
let cwd: string;
let now = Date.now();
const afterReview = (): void => void (now += 61_000);
let env: NodeJS.ProcessEnv;

const HEADER = "sku,nama,deskripsi,harga,stok,berat,kategori,kondisi,status,foto";
const row = (sku: string, name: string, price = "25000"): string =>
  [sku, name, "Ukiran kayu jati buatan tangan warga desa", price, "10", "500 gr", "Ukiran Kayu", "baru", "aktif", `${photos.url}/${sku}.png`].join(",");
const KOPI = () => [row("MSK-101", "Ukiran Kayu Jati Motif Parang Jepara"), row("MSK-102", "Ukiran Kayu Jati Motif Kawung Jepara")];
const BATIK = () => [row("MSK-201", "Ukiran Kayu Mahoni Relief Wayang Kecil"), row("MSK-202", "Ukiran Kayu Mahoni Relief Burung Kecil")];

async function write(file: string, rows: string[]): Promise<void> {
  await writeFile(join(cwd, file), `${[HEADER, ...rows].join("\n")}\n`);
}

beforeAll(async () => {
  // The review takes a minute of the mock's own clock, so a test can hold products in review.
  tiktok = await startTikTokMock({ appSecret: "two-mp-app-secret-DO-NOT-PRINT", reviewDelayMs: 60_000, clock: () => now });
  shopee = await startShopeeMock({ rateLimit: 1000 });
  shopee2 = await startShopeeMock({ rateLimit: 1000, partnerId: shopee.partnerId, partnerKey: shopee.partnerKey, shopId: 80000002 });
  photos = await startPhotoServer();
  cwd = await tempDir();
  env = {
    DESBUMI_HOME: join(cwd, "home"),
    TIKTOK_SHOP_APP_KEY: tiktok.appKey,
    TIKTOK_SHOP_APP_SECRET: tiktok.appSecret,
    SHOPEE_PARTNER_ID: String(shopee.partnerId),
    SHOPEE_PARTNER_KEY: shopee.partnerKey,
  };
  await writeFile(
    join(cwd, "desbumi.config.json"),
    JSON.stringify({
      marketplaces: [
        { adapter: "tiktok-shop", serviceId: tiktok.serviceId, baseUrl: tiktok.url, authUrl: tiktok.url, consentUrl: `${tiktok.url}/open/authorize`, retryBaseMs: 5 },
        { adapter: "shopee", pace: 1000, retryBaseMs: 5, maxRetries: 1 },
      ],
      groups: [
        { id: "kopi", name: "Kelompok Kopi", catalog: "kopi.csv", marketplaces: [{ adapter: "tiktok-shop" }, { adapter: "shopee", baseUrl: shopee.url }] },
        { id: "batik", name: "Kelompok Batik", catalog: "batik.csv", marketplaces: [{ adapter: "tiktok-shop" }, { adapter: "shopee", baseUrl: shopee2.url }] },
      ],
    }),
  );
  await write("kopi.csv", KOPI());
  await write("batik.csv", BATIK());
  for (const group of ["kopi", "batik"]) {
    const r = await run(["connect", "tiktok-shop", "--group", group, "--code", `${tiktok.url}/callback?code=${tiktok.issueAuthCode()}&state=x`]);
    expect(r.code, r.io.stdout.text + r.io.stderr.text).toBe(0);
  }
  await connectThroughMock(shopee, env, "kopi");
  await connectThroughMock(shopee2, env, "batik");
}, 60_000);
afterAll(async () => {
  await tiktok?.close();
  await shopee?.close();
  await shopee2?.close();
  await photos?.close();
});

async function run(args: string[]): Promise<{ code: number; io: TestIo }> {
  const io = makeIo({ cwd, env });
  const code = await main(["--lang", "en", "--log-level", "silent", ...args], io);
  return { code, io };
}

const tiktokSkus = () => tiktok.state.products.flatMap((p) => p.skus.map((s) => s.seller_sku)).sort();
const shopeeSkus = () => [...shopee.items(), ...shopee2.items()].map((i) => i.sku).sort();
const writes = (byRoute: Record<string, number>) => Object.entries(byRoute).filter(([k]) => !k.startsWith("GET ") && !k.includes("/search"));

describe("two groups, each on Tokopedia & Shop and Shopee", () => {
  it("first sync lists everything on both marketplaces, exactly once", async () => {
    const r = await run(["sync", "--yes"]);
    expect(r.code, r.io.stdout.text + r.io.stderr.text).toBe(0);
    const all = ["MSK-101", "MSK-102", "MSK-201", "MSK-202"];
    expect(tiktokSkus()).toEqual(all);
    expect(shopeeSkus()).toEqual(all);
    expect(r.io.stdout.text.match(/--- Marketplace: /g)).toHaveLength(4);
    afterReview();
  }, 120_000);

  it("a rerun is a no-op on both", async () => {
    tiktok.resetStats();
    shopee.resetStats?.();
    const before = shopee.stats().byPath;
    const r = await run(["sync", "--yes"]);
    expect(r.code, r.io.stdout.text).toBe(0);
    expect(writes(tiktok.stats().byRoute)).toEqual([]);
    const shopeeWrites = Object.entries(shopee.stats().byPath).filter(([path, n]) => /add_item|update_item|update_price|update_stock|unlist_item|upload_image|init_tier/.test(path) && n !== (before[path] ?? 0));
    expect(shopeeWrites).toEqual([]);
    expect(r.io.stdout.text.match(/up to date/g)?.length).toBeGreaterThanOrEqual(4);
  }, 120_000);

  it("a price edit is one write per marketplace", async () => {
    const rows = KOPI();
    rows[1] = row("MSK-102", "Ukiran Kayu Jati Motif Kawung Jepara", "27500");
    await write("kopi.csv", rows);
    tiktok.resetStats();
    const before = { ...shopee.stats().byPath };
    const r = await run(["sync", "--yes", "--group", "kopi"]);
    expect(r.code, r.io.stdout.text).toBe(0);
    expect(writes(tiktok.stats().byRoute)).toEqual([["POST /product/202309/products/{id}/prices/update", 1]]);
    const delta = Object.entries(shopee.stats().byPath)
      .map(([path, n]) => [path, n - (before[path] ?? 0)] as const)
      .filter(([path, n]) => n > 0 && /add_item|update_item|update_price|update_stock|unlist_item|upload_image|init_tier/.test(path));
    expect(delta).toEqual([["product/update_price", 1]]);
  }, 120_000);

  it("status: live, in review and rejected (with the marketplace's reason, at the row) after the review rejects one", async () => {
    const rows = KOPI();
    rows[1] = row("MSK-102", "Ukiran Kayu Jati Motif Kawung Jepara", "27500");
    await write("kopi.csv", [...rows, row("MSK-103", "Ukiran Kayu Jati Menyembuhkan Segala Penyakit")]);
    expect((await run(["sync", "--yes", "--group", "kopi", "--marketplace", "tiktok-shop"])).code).toBe(0);
    afterReview();
    await write("kopi.csv", [...rows, row("MSK-103", "Ukiran Kayu Jati Menyembuhkan Segala Penyakit"), row("MSK-104", "Ukiran Kayu Jati Motif Naga Jepara Besar")]);
    // MSK-103 is rejected: re-sent unchanged it would be rejected again, so only MSK-104 is created.
    const r = await run(["sync", "--yes", "--group", "kopi", "--marketplace", "tiktok-shop"]);
    expect(r.io.stdout.text + r.io.stderr.text).toMatch(/kopi\.csv:4.*Medical claims are not allowed/);
    const status = await run(["status", "--group", "kopi", "--marketplace", "tiktok-shop", "--format", "json"]);
    const doc = JSON.parse(status.io.stdout.text);
    const states = Object.fromEntries(doc.groups[0].marketplaces[0].products.map((p: { sku: string; state: string }) => [p.sku, p.state]));
    expect(states).toMatchObject({ "MSK-101": "live", "MSK-102": "live", "MSK-103": "rejected", "MSK-104": "in-review" });
    const rejected = doc.groups[0].marketplaces[0].products.find((p: { sku: string }) => p.sku === "MSK-103");
    expect(rejected.line).toBe(4);
    expect(JSON.stringify(rejected.reasons)).toMatch(/Medical claims are not allowed/);
    const pretty = await run(["status", "--group", "kopi", "--marketplace", "tiktok-shop"]);
    expect(pretty.io.stdout.text).toMatch(/rejected\s+MSK-103 .*\(line 4\)/);
    expect(pretty.io.stdout.text).toMatch(/in review\s+MSK-104/);
    await write("kopi.csv", rows);
  }, 120_000);

  it("one marketplace down: the other is synced; the summary says which failed and how to rerun it", async () => {
    const rows = BATIK();
    rows[0] = row("MSK-201", "Ukiran Kayu Mahoni Relief Wayang Kecil", "26000");
    await write("batik.csv", rows);
    await shopee2.close();
    const r = await run(["sync", "--yes", "--group", "batik"]);
    expect(r.code).toBe(2);
    const p = tiktok.state.products.find((x) => x.skus[0]?.seller_sku === "MSK-201");
    expect(p?.skus[0]?.price.amount).toBe("26000");
    expect(r.io.stdout.text).toMatch(/COULD NOT RUN/);
    expect(r.io.stdout.text).toMatch(/once fixed, run again: desbumi sync --group batik --marketplace shopee/);
  }, 120_000);
});
