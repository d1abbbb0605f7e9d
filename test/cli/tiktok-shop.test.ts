// End to end through the CLI against the tiktok-shop mock on 127.0.0.1:0 (issue 15 item 5):
// connect with a code, first sync lists every row once with photos uploaded once, a rerun writes
// and uploads nothing, a price edit is exactly one price request, a rejected product shows its
// reason at its row, a plan-time category rule is located, a revoked token gives the reconnect
// message, and no secret or token appears in any output or file under .desbumi/.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { startTikTokMock, type TikTokMock } from "../../src/mock-server/tiktok-shop/index.js";
import { makeIo, tempDir, type TestIo } from "../sync/harness.js";
import { startPhotoServer, type PhotoServer } from "../adapters/tiktok-rig.js";

let mock: TikTokMock;
let photos: PhotoServer;
let cwd: string;
let home: string;
const outputs: string[] = [];

beforeAll(async () => {
  mock = await startTikTokMock({ appSecret: "e2e-app-secret-DO-NOT-PRINT" });
  photos = await startPhotoServer();
  cwd = await tempDir();
  home = await tempDir();
  await writeFile(
    join(cwd, "desbumi.config.json"),
    JSON.stringify({
      marketplace: { adapter: "tiktok-shop", serviceId: mock.serviceId, baseUrl: mock.url, authUrl: mock.url, consentUrl: `${mock.url}/open/authorize`, retryBaseMs: 5 },
      groups: [{ id: "desa", name: "Desa Mock", catalog: "katalog.csv" }],
    }),
  );
});
afterAll(async () => {
  await mock.close();
  await photos.close();
});

const env = (): NodeJS.ProcessEnv => ({ DESBUMI_HOME: home, TIKTOK_SHOP_APP_KEY: mock.appKey, TIKTOK_SHOP_APP_SECRET: mock.appSecret });

async function run(args: string[]): Promise<{ code: number; io: TestIo }> {
  const io = makeIo({ cwd, env: env() });
  const code = await main(["--lang", "en", ...args], io);
  outputs.push(io.stdout.text, io.stderr.text);
  return { code, io };
}

const HEADER = "sku,nama,deskripsi,harga,stok,berat,kategori,kondisi,status,foto";
const row = (sku: string, name: string, price = "45000", category = "Kopi"): string =>
  [sku, name, "Hasil kebun warga desa", price, "10", "250 gr", category, "baru", "aktif", `${photos.url}/${sku}.png`].join(",");

async function catalogue(rows: string[]): Promise<void> {
  await writeFile(join(cwd, "katalog.csv"), `${[HEADER, ...rows].join("\n")}\n`);
}

const ROWS = () => [
  row("KOPI-001", "Kopi Robusta Bubuk Lereng Kawi 250 gr"),
  row("KOPI-002", "Kopi Arabika Gayo Biji Sangrai 250 gr", "65000"),
  row("TEH-001", "Teh Hijau Tubruk Kebun Desa Cianjur 100 gr", "25000", "Teh"),
  row("MADU-001", "Madu Hutan Asli Menyembuhkan Segala Penyakit", "90000", "Madu"),
];

describe("desbumi connect + sync (tiktok-shop mock)", () => {
  it("connects with a code and stores the tokens in DESBUMI_HOME only (0600)", async () => {
    const r = await run(["connect", "tiktok-shop", "--code", `${mock.url}/callback?code=${mock.issueAuthCode()}&state=x`]);
    expect(r.io.stderr.text).toBe("");
    expect(r.code).toBe(0);
    expect(r.io.stdout.text).toContain("Connected: Toko Desa Mock (IDLCMOCK01, ID)");
    const files = await readdir(join(home, "credentials"));
    expect(files).toEqual(["tiktok-shop--desa.json"]);
  });

  it("first sync lists every row exactly once, each photo uploaded once, and says they went to review", async () => {
    await catalogue(ROWS());
    const r = await run(["sync", "--yes"]);
    expect(r.code).toBe(0);
    expect(r.io.stdout.text).toContain("Tokopedia & Shop Toko Desa Mock");
    expect(r.io.stdout.text).toContain("4 products submitted for review");
    const skus = mock.state.products.flatMap((p) => p.skus.map((s) => s.seller_sku)).sort();
    expect(skus).toEqual(["KOPI-001", "KOPI-002", "MADU-001", "TEH-001"]);
    expect(mock.stats().byRoute["POST /product/202309/images/upload"]).toBe(4);
    expect(photos.requests()).toBe(4);
  });

  it("a rerun writes nothing and uploads nothing; the rejected product shows its reason at its row", async () => {
    mock.resetStats();
    const before = photos.requests();
    const r = await run(["sync", "--yes"]);
    expect(r.code).toBe(0);
    const routes = Object.keys(mock.stats().byRoute);
    expect(routes.filter((k) => !k.startsWith("GET ") && !k.includes("/search"))).toEqual([]);
    expect(photos.requests()).toBe(before);
    // MADU-001 is on line 5 of katalog.csv
    expect(r.io.stdout.text + r.io.stderr.text).toMatch(/katalog\.csv:5.*rejected this product: Klaim medis tidak diizinkan \/ Medical claims are not allowed/);
  });

  it("a price edit makes exactly one price request", async () => {
    const rows = ROWS();
    rows[1] = row("KOPI-002", "Kopi Arabika Gayo Biji Sangrai 250 gr", "70000");
    await catalogue(rows);
    mock.resetStats();
    const r = await run(["sync", "--yes"]);
    expect(r.code).toBe(0);
    const writes = Object.entries(mock.stats().byRoute).filter(([k]) => !k.startsWith("GET ") && !k.includes("/search"));
    expect(writes).toEqual([["POST /product/202309/products/{id}/prices/update", 1]]);
    const p = mock.state.products.find((x) => x.skus[0]?.seller_sku === "KOPI-002");
    expect(p?.skus[0]?.price.amount).toBe("70000");
  });

  it("a short title and a missing required attribute are located at plan time, before anything is sent", async () => {
    await catalogue([...ROWS().slice(0, 3), row("KOPI-003", "Kopi Robusta", "45000"), row("BTK-001", "Kain Batik Tulis Motif Parang Lasem", "450000", "Kain Batik")]);
    mock.resetStats();
    const r = await run(["sync", "--yes"]);
    expect(r.code).not.toBe(0);
    const text = r.io.stdout.text + r.io.stderr.text;
    expect(text).toMatch(/katalog\.csv:5.*too short: 12 characters.*at least 25/);
    expect(text).toMatch(/katalog\.csv:6.*requires the attribute "Bahan"/);
    expect(text).toMatch(/Katun, Sutra, Rayon, Primisima/);
    expect(mock.stats().byRoute["POST /product/202309/products"]).toBeUndefined();
  });

  it("a revoked authorization is one reconnect message, exit 2, no retry loop", async () => {
    await catalogue(ROWS());
    mock.revokeAll();
    mock.resetStats();
    const r = await run(["sync", "--yes"]);
    expect(r.code).toBe(2);
    expect(r.io.stdout.text + r.io.stderr.text).toContain("Run `desbumi connect tiktok-shop --group desa` again");
    expect(mock.stats().requests).toBeLessThan(5);
  });

  it("disconnect removes the stored tokens", async () => {
    const r = await run(["disconnect", "tiktok-shop"]);
    expect(r.code).toBe(0);
    expect(await readdir(join(home, "credentials"))).toEqual([]);
  });

  it("no app secret, access or refresh token in any output or file under .desbumi/", async () => {
    const secrets = [mock.appSecret, ...mock.state.grants.flatMap((g) => [g.accessToken, g.refreshToken, g.previousAccessToken ?? "", g.previousRefreshToken ?? ""])].filter((s) => s.length > 8);
    expect(secrets.length).toBeGreaterThan(2);
    const files: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const e of await readdir(dir, { withFileTypes: true })) {
        if (e.isDirectory()) await walk(join(dir, e.name));
        else files.push(await readFile(join(dir, e.name), "utf8"));
      }
    };
    await walk(join(cwd, ".desbumi"));
    expect(files.length).toBeGreaterThan(1);
    for (const s of secrets) {
      for (const text of [...outputs, ...files]) expect(text.includes(s)).toBe(false);
    }
  });
});

describe("authorization ending soon (issue 15 item 4)", () => {
  it("validate and sync warn when the authorization ends within 14 days", async () => {
    const soon = await startTikTokMock({ refreshTtlSeconds: 10 * 86_400 });
    try {
      const dir = await tempDir();
      const h = await tempDir();
      await writeFile(join(dir, "desbumi.config.json"), JSON.stringify({ marketplace: { adapter: "tiktok-shop", baseUrl: soon.url, authUrl: soon.url }, groups: [{ id: "desa", name: "Desa", catalog: "katalog.csv" }] }));
      await writeFile(join(dir, "katalog.csv"), `${HEADER}\nKOPI-1,Kopi Robusta Bubuk Lereng Kawi 250 gr,Kopi,45000,3,250 gr,Kopi,baru,aktif,${photos.url}/a.png\n`);
      const e = { DESBUMI_HOME: h, TIKTOK_SHOP_APP_KEY: soon.appKey, TIKTOK_SHOP_APP_SECRET: soon.appSecret };
      expect(await main(["connect", "tiktok-shop", "--code", soon.issueAuthCode()], makeIo({ cwd: dir, env: e }))).toBe(0);
      const v = makeIo({ cwd: dir, env: e });
      await main(["--lang", "en", "validate"], v);
      expect(v.stderr.text).toMatch(/tiktok-shop authorization of Toko Desa Mock ends on \d{4}-\d\d-\d\d \(in (9|10) days\): run `desbumi connect tiktok-shop --group desa`/);
      const s = makeIo({ cwd: dir, env: e });
      expect(await main(["--lang", "en", "sync", "--yes"], s)).toBe(0);
      expect(s.stderr.text).toMatch(/authorization of Toko Desa Mock ends on/);
    } finally {
      await soon.close();
    }
  });
});
