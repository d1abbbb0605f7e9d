// `npm run bench` (suite "tiktok"): the tiktok-shop adapter through the built CLI against its mock
// at 50 requests/s per endpoint (issue 15 item 7). Photos are served by a loopback server here.
import { createServer } from "node:http";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
/** A real 320x320 PNG of one colour per seed (so every product's photo has its own content). */
function png(seed) {
  const w = 320;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(w, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const row = Buffer.alloc(1 + w * 3);
  for (let x = 0; x < w; x++) row.set([seed & 0xff, (seed >> 8) & 0xff, (seed >> 16) & 0xff], 1 + x * 3);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.concat(Array.from({ length: w }, () => row)))), chunk("IEND", Buffer.alloc(0))]);
}

const KINDS = [
  ["Kopi Robusta Bubuk Lereng Kawi", "Kopi"],
  ["Teh Hijau Tubruk Kebun Cianjur", "Teh"],
  ["Keripik Singkong Pedas Manis Desa", "Makanan Ringan"],
  ["Madu Hutan Asli Sumbawa Murni", "Madu"],
  ["Tas Anyaman Pandan Buatan Tangan", "Anyaman"],
];

function catalogue(file, n, photoUrl, priceBump = new Map()) {
  const lines = ["sku,nama,deskripsi,harga,stok,berat,kategori,kondisi,status,foto"];
  for (let i = 0; i < n; i++) {
    const [name, category] = KINDS[i % KINDS.length];
    lines.push([`TTS-${String(i).padStart(6, "0")}`, `${name} ${i}`, "Buatan kelompok desa tanpa pengawet", 20000 + (i % 50) * 500 + (priceBump.get(i) ?? 0), 5 + (i % 40), "250 gr", category, "baru", "aktif", `${photoUrl}/p/${i}.png`].join(","));
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
}

/** Runs the suite; `measure(args, {env, cwd})`, `record(entry)`, `fmt` come from run.mjs. */
export async function benchTikTok({ root, out, bin, quick, measure, record, fmt }) {
  const { startTikTokMock } = await import(join(root, "dist", "mock-server", "tiktok-shop", "index.js"));
  const n = quick ? 200 : 1000;
  const limit = 50;
  const dir = join(out, "tiktok");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let photoRequests = 0;
  const photos = createServer((req, res) => {
    photoRequests += 1;
    const i = Number(/\/p\/(\d+)\.png/.exec(req.url ?? "")?.[1] ?? 0);
    const body = png(i + 1);
    res.writeHead(200, { "Content-Type": "image/png", "Content-Length": body.length });
    res.end(body);
  });
  await new Promise((r) => photos.listen(0, "127.0.0.1", r));
  const photoUrl = `http://127.0.0.1:${photos.address().port}`;
  const mock = await startTikTokMock({ rateLimit: limit });
  const env = { DESBUMI_HOME: join(dir, "home"), TIKTOK_SHOP_APP_KEY: mock.appKey, TIKTOK_SHOP_APP_SECRET: mock.appSecret };
  writeFileSync(
    join(dir, "desbumi.config.json"),
    JSON.stringify({ marketplace: { adapter: "tiktok-shop", serviceId: mock.serviceId, baseUrl: mock.url, authUrl: mock.url, consentUrl: `${mock.url}/open/authorize` }, groups: [{ id: "desa", name: "Desa", catalog: "katalog.csv" }] }),
  );
  const file = join(dir, "katalog.csv");
  catalogue(file, n, photoUrl);
  const sync = async () => {
    mock.resetStats();
    const r = await measure([bin, "sync", "--yes"], { env, cwd: dir });
    if (r.code !== 0) throw new Error(`tiktok-shop sync exited ${r.code}:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
    return { ...r, stats: mock.stats() };
  };
  try {
    const connected = await measure([bin, "connect", "tiktok-shop", "--code", mock.issueAuthCode()], { env, cwd: dir });
    if (connected.code !== 0) throw new Error(`connect exited ${connected.code}: ${connected.stdout}${connected.stderr}`);
    const first = await sync();
    const routes = first.stats.byRoute;
    // Each endpoint has its own 50 req/s bucket: the floor is the busiest endpoint's count / limit.
    const busiest = Math.max(...Object.values(routes));
    const floorMs = (busiest / limit) * 1000;
    record({
      name: `tiktok-shop: initial sync of ${fmt(n)} single-photo products (${limit} req/s per endpoint)`,
      metric: "ms",
      value: first.ms,
      baseline: floorMs,
      baselineName: "floor: busiest endpoint's requests / 50 req/s",
      ratio: first.ms / floorMs,
      target: "<= 1.15x",
      met: first.ms / floorMs <= 1.15,
      requests: first.stats.requests,
      responses429: first.stats.rateLimited,
      uploads: routes["POST /product/202309/images/upload"] ?? 0,
      creates: routes["POST /product/202309/products"] ?? 0,
    });
    const photosBefore = photoRequests;
    const again = await sync();
    const r2 = again.stats.byRoute;
    const searches = r2["POST /product/202502/products/search"] ?? 0;
    const writes = Object.entries(r2).filter(([k]) => !k.startsWith("GET ") && !k.includes("/search")).reduce((s, [, v]) => s + v, 0);
    const gets = r2["GET /product/202309/products/{id}"] ?? 0;
    const expected = Math.ceil(n / 100);
    record({
      name: `tiktok-shop: no-op resync of ${fmt(n)} products`,
      metric: "search requests",
      value: searches,
      baseline: expected,
      baselineName: "ceil(n / 100) pages",
      ratio: searches / expected,
      target: "= 1x, zero uploads, zero writes, zero Get Product",
      met: searches === expected && writes === 0 && gets === 0 && photoRequests === photosBefore,
      writes,
      requests: again.stats.requests,
      otherReads: Object.fromEntries(Object.entries(r2).filter(([k]) => k.startsWith("GET "))),
    });
  } finally {
    await mock.close();
    await new Promise((r) => photos.close(r));
  }
}
