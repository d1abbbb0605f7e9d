// Takeover (issue 12): `desbumi pull` writes the live shop as a catalogue in desbumi's own columns.
// Done when: on a seeded practice shop, `pull` then `sync` of the pulled file is a no-op (CSV and
// XLSX), and the written file validates cleanly. Also: listings without SKU (with the --adopt
// note), --photos from a loopback server, no overwriting without --force, variants as rows.
import { copyFile, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { memory } from "../../src/adapters/memory/index.js";
import { loadCatalog } from "../../src/catalog/index.js";
import { startMockServer, type MockServer } from "../../src/mock-server/index.js";
import { pulledCatalog } from "../../src/pull/rows.js";
import { buildPulledCsv } from "../../src/pull/write-catalog.js";
import { makeListing } from "../builders.js";
import { MOCK_LEAF_ID } from "../adapters/mock-harness.js";
import { encodePng } from "../check/png.js";
import { makeIo, tempDir } from "../sync/harness.js";

const run = async (cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
  const io = makeIo({ cwd, env });
  const code = await main(["--lang", "en", "--log-level", "silent", ...args], io);
  return { code, out: io.stdout.text, err: io.stderr.text };
};

const EXTRA = [
  "sku,nama,deskripsi,harga,stok,berat,kategori,kondisi,status,minimum pemesanan,foto",
  `007,Jamu Kunyit Asam Segar Botol 250 ml,"Baris 1, dengan koma\nBaris 2 ""kutip""",25000,10,1500,Jamu,Bekas,Nonaktif,3,https://img.desbumi.example/007.jpg`,
  `JM-002,Jamu Beras Kencur Segar Botol 250 ml,- pedas sedikit,18000,0,250,Jamu,Baru,Aktif,1,https://img.desbumi.example/jm-2a.jpg|https://img.desbumi.example/jm-2b.jpg`,
].join("\n");

/** A practice shop holding the Banyuwangi fixture (etalase, categories, inactive row) and the edge rows above. */
async function seededPracticeShop(): Promise<string> {
  const cwd = await tempDir();
  await copyFile(fileURLToPath(new URL("../../fixtures/catalogs/banyuwangi.csv", import.meta.url)), join(cwd, "banyuwangi.csv"));
  await writeFile(join(cwd, "extra.csv"), `${EXTRA}\n`);
  for (const file of ["banyuwangi.csv", "extra.csv"]) {
    const seeded = await run(cwd, ["sync", file, "--yes"]);
    expect(seeded.err).toBe("");
    expect(seeded.code).toBe(0);
  }
  return cwd;
}

describe("desbumi pull: pull then sync is a no-op", () => {
  it.each(["csv", "xlsx"])("%s: the pulled file validates cleanly and syncing it changes nothing", async (ext) => {
    const cwd = await seededPracticeShop();
    const pulled = await run(cwd, ["pull", "-o", `toko.${ext}`]);
    expect(pulled.err).toBe("");
    expect(pulled.code).toBe(0);
    expect(pulled.out).toContain(`Written: toko.${ext} (10 rows from 10 listings in practice shop (Tokopedia & Shop, mock marketplace, .desbumi/practice-shop.json))`);
    expect(pulled.out).not.toContain("--adopt");

    const validated = await run(cwd, ["validate", `toko.${ext}`, "--format", "json"]);
    expect(validated.code).toBe(0);
    const report = JSON.parse(validated.out) as { valid: boolean; files: { issues: unknown[]; products: { sku: string; description: string; condition: string; status: string; min_order: number }[] }[] };
    expect(report.valid).toBe(true);
    expect(report.files[0]?.issues).toEqual([]);
    const products = report.files[0]?.products ?? [];
    expect(products.map((p) => p.sku)).toEqual(["007", "BWI-BT-01", "BWI-BT-02", "BWI-BT-03", "BWI-KP-01", "BWI-KP-02", "BWI-KP-03", "BWI-SN-01", "BWI-SN-02", "JM-002"]);
    expect(products[0]).toMatchObject({ description: 'Baris 1, dengan koma\nBaris 2 "kutip"', condition: "USED", status: "inactive", min_order: 3 });
    expect(products.at(-1)?.description).toBe("- pedas sedikit");

    const synced = await run(cwd, ["sync", `toko.${ext}`, "--dry-run", "--format", "json"]);
    expect(synced.code).toBe(0);
    const doc = JSON.parse(synced.out) as { plan: { changes: unknown[]; unchanged: number } };
    expect(doc.plan.changes).toEqual([]);
    expect(doc.plan.unchanged).toBe(10);
  });

  it("refuses to overwrite a file (also one it wrote) unless --force; refuses desbumi's own state and other formats", async () => {
    const cwd = await seededPracticeShop();
    expect((await run(cwd, ["pull"])).code).toBe(0);
    const before = await readFile(join(cwd, "katalog-toko.xlsx"));
    const again = await run(cwd, ["pull"]);
    expect(again.code).toBe(2);
    expect(again.err).toContain("katalog-toko.xlsx already exists; not overwritten");
    expect(await readFile(join(cwd, "katalog-toko.xlsx"))).toEqual(before);
    expect((await run(cwd, ["pull", "--force"])).code).toBe(0);
    const state = await run(cwd, ["pull", "-o", ".desbumi/shop.csv"]);
    expect(state.code).toBe(2);
    expect(state.err).toContain("desbumi's own data");
    const txt = await run(cwd, ["pull", "-o", "toko.txt"]);
    expect(txt.code).toBe(2);
    expect(txt.err).toContain("must end in .xlsx or .csv");
    const bulk = await run(cwd, ["pull", "--marketplace", "tokopedia-bulk", "--out-dir", "x", "-o", "b.csv"]);
    expect(bulk.code).toBe(2);
  });
});

let mock: MockServer | undefined;
let photoServer: Server | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
  await new Promise<void>((done) => (photoServer ? photoServer.close(() => done()) : done()));
  photoServer = undefined;
});

const handMade = (name: string, picture: string, sku?: string) => ({
  name,
  ...(sku ? { sku } : {}),
  price: 20000,
  stock: 5,
  status: "LIMITED",
  condition: "NEW",
  category_id: Number(MOCK_LEAF_ID),
  weight: 250,
  weight_unit: "GR",
  min_order: 1,
  description: "Dibuat di Seller Center",
  pictures: [{ file_path: picture }],
});

describe("desbumi pull from a shop with hand-made listings", () => {
  it("writes listings without SKU with an empty SKU cell and says how to adopt them; --photos downloads into foto/", async () => {
    const png = encodePng(400, 400, [200, 120, 40]);
    photoServer = createServer((req, res) => {
      if (req.url === "/missing.jpg") res.writeHead(404).end();
      else res.writeHead(200, { "content-type": "image/png" }).end(png);
    });
    await new Promise<void>((done) => photoServer!.listen(0, "127.0.0.1", done));
    const base = `http://127.0.0.1:${(photoServer.address() as AddressInfo).port}`;
    const cwd = await tempDir();
    const seedFile = join(cwd, "seed.json");
    await writeFile(seedFile, JSON.stringify([handMade("Jamu Kunyit", `${base}/kunyit.jpg`), handMade("Kopi Robusta", `${base}/missing.jpg`), handMade("Teh Melati", `${base}/teh.jpg`, "TH-1")]));
    mock = await startMockServer({ host: "127.0.0.1", port: 0, seedFile, rateLimit: 1000, burst: 1000 });
    const env = { TOKOPEDIA_CLIENT_ID: mock.credentials.clientId, TOKOPEDIA_CLIENT_SECRET: mock.credentials.clientSecret };
    const target = ["--marketplace", "tokopedia", "--base-url", mock.url, "--token-url", mock.tokenUrl, "--fs-id", String(mock.fsId), "--shop-id", String(mock.shopId)];
    await mkdir(join(cwd, "out"));

    const pulled = await run(cwd, ["pull", "-o", "out/toko.csv", "--photos", ...target], env);
    expect(pulled.err).toBe("");
    expect(pulled.code).toBe(0);
    expect(pulled.out).toContain("2 listings without a SKU (made by hand in Seller Center) are written with an empty SKU cell");
    expect(pulled.out).toContain("desbumi sync out/toko.csv --adopt");
    expect(pulled.out).toContain("Photos: 2 downloaded into foto/");
    expect(pulled.out).toContain(`Photo not downloaded, its cell keeps the address: ${base}/missing.jpg`);
    expect((await readdir(join(cwd, "out", "foto"))).sort()).toEqual([expect.stringMatching(/^\d+-1\.png$/), "TH-1-1.png"]);
    expect(await readFile(join(cwd, "out", "foto", "TH-1-1.png"))).toEqual(Buffer.from(png));

    const lines = (await readFile(join(cwd, "out", "toko.csv"), "utf8")).split("\r\n");
    expect(lines[2]).toMatch(/^TH-1,Teh Melati,.*,foto\/TH-1-1\.png,,,,$/);
    // No SKU: sorted after the SKUs, by name; the SKU cell is empty.
    expect(lines[3]).toMatch(/^,Jamu Kunyit,.*,foto\/\d+-1\.png,,,,$/);
    expect(lines[4]).toContain(`,${base}/missing.jpg,`);
    expect(lines[4]?.startsWith(",Kopi Robusta,")).toBe(true);
  });
});

describe("pulled rows (pure)", () => {
  it("a listing with variants becomes one row per variant under Kode Induk, which the catalogue reader reads back as the same product", async () => {
    const listings = [
      makeListing({
        id: "L1",
        sku: "BTK-LRG",
        name: "Kemeja Batik Tulis Lasem",
        description: "Batik tulis asli Lasem.",
        categoryId: "1801",
        weight: 300,
        images: ["https://img.desbumi.example/batik-1.jpg"],
        variants: [
          { id: "v1", sku: "BTK-LRG-M", options: { Ukuran: "M", Warna: "Biru" }, price: 350000, stock: 4, images: ["https://img.desbumi.example/biru.jpg"] },
          { id: "v2", sku: "BTK-LRG-L", options: { Ukuran: "L", Warna: "Biru" }, price: 375000, stock: 0 },
        ],
      }),
      makeListing({ id: "L2", sku: "KP-1", name: "Kopi Robusta", description: "Kopi.", categoryId: "2982", price: 30000, stock: 8, images: ["https://img.desbumi.example/kopi.jpg"] }),
    ];
    const catalog = pulledCatalog(listings);
    expect(catalog.headers.slice(0, 2)).toEqual(["Kode Induk", "Kode Produk (SKU)"]);
    expect(catalog.headers.slice(-5)).toEqual(["Nama Variasi 1", "Varian untuk Variasi 1", "Nama Variasi 2", "Varian untuk Variasi 2", "Foto Variasi"]);
    expect(catalog).toMatchObject({ listings: 2, variants: 2, withoutSku: 0 });
    const dir = await tempDir();
    await writeFile(join(dir, "p.csv"), buildPulledCsv(catalog));
    // Rules of a marketplace with variants (the in-memory shop takes them, as TikTok Shop and Shopee do).
    const read = await loadCatalog(join(dir, "p.csv"), { rules: memory.rules });
    expect(read.issues).toEqual([]);
    const batik = read.products.find((p) => p.sku === "BTK-LRG");
    const kopi = read.products.find((p) => p.sku === "KP-1");
    expect(read.products).toHaveLength(2);
    expect(batik).toMatchObject({ sku: "BTK-LRG", name: "Kemeja Batik Tulis Lasem", category: "1801", weight: 300, images: ["https://img.desbumi.example/batik-1.jpg"] });
    expect(batik?.variants?.map((v) => [v.sku, v.options, v.price, v.stock, v.images])).toEqual([
      ["BTK-LRG-M", { Ukuran: "M", Warna: "Biru" }, 350000, 4, ["https://img.desbumi.example/biru.jpg"]],
      ["BTK-LRG-L", { Ukuran: "L", Warna: "Biru" }, 375000, 0, []],
    ]);
    expect(kopi).toMatchObject({ sku: "KP-1", price: 30000, stock: 8 });
    expect(kopi?.variants ?? []).toEqual([]);
  });
});
