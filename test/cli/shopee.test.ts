// End to end through the CLI (issue 16): `desbumi connect shopee` (the seller's redirect followed by
// hand: the printed link is opened, the landing address pasted back), then `desbumi sync` against
// the Shopee mock on 127.0.0.1:0, photos served by a loopback server. Products with variants become
// one item each with tiers and models (init_tier_variation).
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PassThrough } from "node:stream";
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
  server = await startShopeeMock({
    rateLimit: 1000,
    // Made by hand in Seller Center, not in the catalogue: left alone.
    seed: [{ sku: "V-9", name: "Kemeja Batik Varian", price: 0, stock: 0, variants: { tier: "Ukuran", options: [{ option: "M", sku: "V-9-M", price: 150_000, stock: 2 }, { option: "L", sku: "V-9-L", price: 160_000, stock: 3 }] } }],
  });
  cwd = await tempDir();
  env = { DESBUMI_HOME: join(cwd, "home"), SHOPEE_PARTNER_ID: String(server.partnerId), SHOPEE_PARTNER_KEY: server.partnerKey, LANG: "en_US.UTF-8" };
  await writeFile(join(cwd, "desbumi.config.json"), JSON.stringify({ marketplace: { adapter: "shopee", baseUrl: server.url, pace: 1000, retryBaseMs: 5 }, groups: [{ id: "desa", name: "Kelompok Desa", catalog: "katalog.csv" }] }));
});
afterEach(async () => {
  await server.close();
  await photos.close();
});

async function cli(args: string[], stdin?: NodeJS.ReadableStream): Promise<{ code: number; io: TestIo }> {
  const io = makeIo({ cwd, env });
  if (stdin) io.stdin = stdin;
  const code = await main(["--lang", "en", "--log-level", "silent", ...args], io);
  return { code, io };
}

/** `desbumi connect shopee` as a seller does it: open the printed link, paste the landing address. */
async function connectByHand(): Promise<{ code: number; io: TestIo }> {
  const stdin = new PassThrough();
  const io = makeIo({ cwd, env });
  io.stdin = stdin;
  const running = main(["--lang", "en", "--log-level", "silent", "connect", "shopee"], io);
  let link: string | undefined;
  for (let i = 0; i < 500 && !link; i += 1) {
    link = /https?:\/\/\S+\/api\/v2\/shop\/auth_partner\S+/.exec(io.stdout.text)?.[0];
    if (!link) await new Promise((r) => setTimeout(r, 10));
  }
  expect(link, io.stdout.text + io.stderr.text).toBeDefined();
  const landing = (await fetch(link ?? "", { redirect: "manual" })).headers.get("location") ?? "";
  expect(landing).toMatch(/[?&]code=\w+.*shop_id=\d+/);
  stdin.end(`${landing}\n`);
  return { code: await running, io };
}

const HEADER = "kode induk,sku,nama,deskripsi,harga,stok,berat,kategori,kondisi,status,foto,ukuran,warna";
const single = (sku: string, name: string, photo: string, category = "Masker Kain", price = "25000"): string =>
  ["", sku, name, "Buatan tangan warga desa", price, "10", "250 gr", category, "baru", "aktif", `${photos.url}/${photo}.png`, "", ""].join(",");
/** A product with variants: product fields on its first row, then one row per variant. */
const withVariants = (parent: string, name: string, photo: string, category: string, variants: [sku: string, ukuran: string, warna: string, price: string, stock: string][]): string[] =>
  variants.map(([sku, ukuran, warna, price, stock], i) =>
    i === 0
      ? [parent, sku, name, "Buatan tangan warga desa", price, stock, "400 gr", category, "baru", "aktif", `${photos.url}/${photo}.png`, ukuran, warna].join(",")
      : [parent, sku, "", "", price, stock, "", "", "", "", "", ukuran, warna].join(","),
  );

const VASE = (mPrice = "60000"): string[] =>
  withVariants("VAS-1", "Vas Gerabah Kasongan", "v", "Gerabah", [
    ["VAS-1-S", "S", "", "45000", "4"],
    ["VAS-1-M", "M", "", mPrice, "3"],
    ["VAS-1-L", "L", "", "80000", "2"],
  ]);
const MASK = (): string[] =>
  withVariants("MSK-V", "Masker Kain Dua Lapis Warna", "w", "Masker Kain", [
  ["MSK-V-M-MERAH", "M", "Merah", "12000", "5"],
  ["MSK-V-M-BIRU", "M", "Biru", "12000", "5"],
  ["MSK-V-L-MERAH", "L", "Merah", "13000", "6"],
  ["MSK-V-L-BIRU", "L", "Biru", "13000", "6"],
]);

async function writeCatalog(rows: string[]): Promise<void> {
  await writeFile(join(cwd, "katalog.csv"), `${[HEADER, ...rows].join("\n")}\n`);
}
const sync = (args: string[] = []): Promise<{ code: number; io: TestIo }> => cli(["sync", "katalog.csv", "--yes", ...args]);
const writesOf = (byPath: Record<string, number>): [string, number][] =>
  Object.entries(byPath)
    .filter(([path]) => !path.startsWith("product/get_") && !path.startsWith("logistics/") && !path.startsWith("auth/"))
    .sort();

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  return out;
}

describe("desbumi connect shopee, then sync", () => {
  it("connect; the first sync lists every product once (variants as tiers and models), photos uploaded once; the rerun writes and uploads nothing; one variant's price edit is one update_price", async () => {
    const connected = await connectByHand();
    expect(connected.code, connected.io.stdout.text + connected.io.stderr.text).toBe(0);
    expect(connected.io.stdout.text).toMatch(/Open this link within 5 minutes/);
    expect(connected.io.stdout.text).toContain(`Connected: Shopee ${server.shopId} for group "desa"`);
    server.resetStats();

    await writeCatalog([single("MSK-1", "Masker Kain Parang", "a"), single("MSK-2", "Masker Kain Kawung", "b"), single("MSK-3", "Masker Kain Truntum", "a"), ...VASE(), ...MASK()]);
    const first = await sync();
    expect(first.io.stderr.text).toBe("");
    expect(first.code, first.io.stdout.text).toBe(0);
    expect(first.io.stdout.text).toContain("Plan: 5 to create, 0 to update, 0 to deactivate, 0 to reactivate, 0 unchanged.");
    const items = server.items();
    expect(items.map((i) => i.sku).sort()).toEqual(["MSK-1", "MSK-2", "MSK-3", "MSK-V", "V-9", "VAS-1"]);
    expect(items.find((i) => i.sku === "MSK-1")).toMatchObject({ weight: 0.25, price: 25_000, stock: 10, categoryId: 100012, brand: { brand_id: 0 } });
    const vase = items.find((i) => i.sku === "VAS-1");
    expect(vase?.tiers.map((t) => [t.name, t.options.map((o) => o.option)])).toEqual([["ukuran", ["S", "M", "L"]]]);
    expect(vase?.models.map((m) => [m.sku, m.tierIndex, m.price, m.stock])).toEqual([
      ["VAS-1-S", [0], 45_000, 4],
      ["VAS-1-M", [1], 60_000, 3],
      ["VAS-1-L", [2], 80_000, 2],
    ]);
    const mask = items.find((i) => i.sku === "MSK-V");
    expect(mask?.tiers.map((t) => t.options.map((o) => o.option))).toEqual([["M", "L"], ["Merah", "Biru"]]);
    expect(mask?.models.map((m) => [m.sku, m.tierIndex])).toEqual([
      ["MSK-V-M-MERAH", [0, 0]],
      ["MSK-V-M-BIRU", [0, 1]],
      ["MSK-V-L-MERAH", [1, 0]],
      ["MSK-V-L-BIRU", [1, 1]],
    ]);
    const stats = server.stats();
    expect(writesOf(stats.byPath)).toEqual([
      ["media_space/upload_image", 4],
      ["product/add_item", 5],
      ["product/init_tier_variation", 2],
    ]);
    // The listing read each item once: base info in one batch, models only for the one with variants.
    expect(stats.byPath["product/get_item_base_info"]).toBe(1);
    expect(stats.byPath["product/get_model_list"]).toBe(1);

    server.resetStats();
    const second = await sync();
    expect(second.code, second.io.stdout.text).toBe(0);
    expect(second.io.stdout.text).toContain("0 to create, 0 to update, 0 to deactivate, 0 to reactivate, 5 unchanged");
    expect(server.stats().writes).toBe(0);
    expect(writesOf(server.stats().byPath)).toEqual([]);

    await writeCatalog([single("MSK-1", "Masker Kain Parang", "a"), single("MSK-2", "Masker Kain Kawung", "b"), single("MSK-3", "Masker Kain Truntum", "a"), ...VASE("62500"), ...MASK()]);
    server.resetStats();
    const edit = await sync();
    expect(edit.code, edit.io.stdout.text).toBe(0);
    expect(edit.io.stdout.text).toContain("0 to create, 1 to update");
    expect(writesOf(server.stats().byPath)).toEqual([["product/update_price", 1]]);
    expect(server.items().find((i) => i.sku === "VAS-1")?.models.map((m) => m.price)).toEqual([45_000, 62_500, 80_000]);

    // No partner key, access or refresh token in any output, log, plan, journal or state file.
    const tokenFile = (await filesUnder(join(cwd, "home"))).find((f) => f.endsWith(".json")) ?? "";
    const stored = JSON.parse(await readFile(tokenFile, "utf8")) as { tokens: { accessToken: string; refreshToken: string } };
    const secrets = [server.partnerKey, stored.tokens.accessToken, stored.tokens.refreshToken];
    const texts = [connected.io.stdout.text, connected.io.stderr.text, first.io.stdout.text, first.io.stderr.text, second.io.stdout.text, edit.io.stdout.text];
    for (const f of await filesUnder(join(cwd, ".desbumi"))) texts.push(await readFile(f, "utf8"));
    expect(texts.length).toBeGreaterThan(6);
    for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it("a missing mandatory attribute is a located issue before any write (a product with variants too)", async () => {
    expect((await connectByHand()).code).toBe(0);
    const shirt = withVariants("KMJ-1", "Kemeja Batik Tulis Lasem", "k", "Kemeja Batik", [
      ["KMJ-1-M", "M", "", "250000", "2"],
      ["KMJ-1-L", "L", "", "260000", "2"],
    ]);
    await writeCatalog([single("KRP-1", "Keripik Tempe Sagu", "k", "Keripik"), ...shirt, single("MSK-9", "Masker Kain Lurik", "m")]);
    server.resetStats();
    const run = await sync();
    expect(run.code, run.io.stdout.text).toBe(1);
    expect(run.io.stdout.text).toMatch(/katalog\.csv:2 .*Masa Penyimpanan/);
    expect(run.io.stdout.text).toMatch(/Shopee requires the attribute "Masa Penyimpanan" in category Makanan & Minuman > Makanan Ringan > Keripik/);
    expect(run.io.stdout.text).toMatch(/katalog\.csv:3 .*"Bahan" in category Pakaian Wanita > Kemeja Batik/);
    expect(server.stats().writes).toBe(0);
  });
});

describe("desbumi connect shopee: the code on the command line", () => {
  const freshCode = async (): Promise<{ code: string; shopId: string }> => {
    // The seller's consent, as the mock gives it (a link signed like the adapter signs it is tested above).
    const { createHmac } = await import("node:crypto");
    const ts = Math.floor(Date.now() / 1000);
    const path = "/api/v2/shop/auth_partner";
    const sign = createHmac("sha256", server.partnerKey).update(`${server.partnerId}${path}${ts}`).digest("hex");
    const res = await fetch(`${server.url}${path}?partner_id=${server.partnerId}&timestamp=${ts}&sign=${sign}&redirect=${encodeURIComponent("https://localhost/x")}`, { redirect: "manual" });
    const landing = new URL(res.headers.get("location") ?? "");
    return { code: landing.searchParams.get("code") ?? "", shopId: landing.searchParams.get("shop_id") ?? "" };
  };

  it("--code CODE --shop-id N connects without asking; the shop is then synced", async () => {
    const { code, shopId } = await freshCode();
    const run = await cli(["connect", "shopee", "--code", code, "--shop-id", shopId]);
    expect(run.code, run.io.stdout.text + run.io.stderr.text).toBe(0);
    expect(run.io.stdout.text).not.toMatch(/Paste the address/);
    expect(run.io.stdout.text).toContain(`Connected: Shopee ${shopId}`);
    await writeCatalog([single("MSK-1", "Masker Kain Parang", "a")]);
    expect((await sync()).code).toBe(0);
    expect(server.items().map((i) => i.sku).sort()).toEqual(["MSK-1", "V-9"]);
  });

  it("--shop-id before the marketplace, and as --shop-id=N, read the same", async () => {
    const first = await freshCode();
    expect((await cli(["connect", "--shop-id", first.shopId, "shopee", "--code", first.code])).code).toBe(0);
    const second = await freshCode();
    expect((await cli(["connect", "shopee", `--shop-id=${second.shopId}`, "--code", second.code])).code).toBe(0);
  });

  it.each([
    [["--code", "abc"], /The shop id is missing: paste the whole landing address \(it has shop_id=\.\.\.\), or add --shop-id N/],
    [["--code", "abc", "--shop-id", "toko"], /--shop-id toko: the shop id is a whole number/],
    [["--code", "abc", "--shop-id"], /--shop-id needs a value: --shop-id N/],
    [["--code", "abc", "--shopid", "5"], /--shopid is not a flag of `desbumi connect shopee`\. Its flags: --group ID, --code CODE, --config FILE, --shop-id N\./],
    [["--code", "https://localhost/x?code=abc&shop_id=5", "--shop-id", "6"], /The landing address is for shop 5, but --shop-id says 6/],
  ])("connect shopee %j is a plain usage error (exit 2), nothing stored", async (args, message) => {
    const run = await cli(["connect", "shopee", ...args]);
    expect(run.code).toBe(2);
    expect(run.io.stderr.text).toMatch(message);
    expect(run.io.stderr.text).not.toMatch(/\n\s+at /);
  });

  it("another marketplace refuses Shopee's input", async () => {
    const run = await cli(["connect", "tiktok-shop", "--code", "abc", "--shop-id", "5"]);
    expect(run.code).toBe(2);
    expect(run.io.stderr.text).toMatch(/--shop-id is not a flag of `desbumi connect tiktok-shop`\. Its flags: --group ID, --code CODE, --config FILE\./);
  });
});
