// `npm run bench` (issue 16): an initial sync of 1,000 products to the Shopee mock at its 10 req/s
// through the CLI, against the floor (the requests it needs / the rate limit), and a no-op resync
// that must make only reads (no write, no upload). Photos come from a loopback server.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";

export async function benchShopee({ root, out, bin, quick, measure, record, fmt }) {
  const { startShopeeMock } = await import(join(root, "dist", "mock-server", "shopee", "index.js"));
  const { connectShopee } = await import(join(root, "dist", "adapters", "shopee", "connect.js"));
  const { shopeeOptionsSchema } = await import(join(root, "dist", "adapters", "shopee", "definition.js"));
  const { authorizationLink } = await import(join(root, "dist", "adapters", "shopee", "sign.js"));
  const { silentLogger } = await import(join(root, "dist", "log.js"));
  const n = quick ? 100 : 1000;
  const rate = 10;
  const dir = join(out, "shopee");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const png = (marker) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`bench:${marker}`)]);
  const photos = createServer((req, res) => res.end(png(req.url)));
  await new Promise((r) => photos.listen(0, "127.0.0.1", r));
  const photoUrl = `http://127.0.0.1:${photos.address().port}`;
  const rows = Array.from({ length: n }, (_, i) => `BN-${String(i).padStart(4, "0")},Masker Kain Desa ${i},Buatan tangan warga desa,${20_000 + i},10,250 gr,Masker Kain,baru,aktif,${photoUrl}/${i}.png`);
  const file = join(dir, "katalog.csv");
  writeFileSync(file, `sku,nama,deskripsi,harga,stok,berat,kategori,kondisi,status,foto\n${rows.join("\n")}\n`);
  const server = await startShopeeMock({ rateLimit: rate });
  const env = { DESBUMI_HOME: join(dir, "home"), SHOPEE_PARTNER_ID: String(server.partnerId), SHOPEE_PARTNER_KEY: server.partnerKey };
  const options = shopeeOptionsSchema.parse({ baseUrl: server.url });
  const link = authorizationLink(server.url, { partnerId: server.partnerId, partnerKey: server.partnerKey }, options.redirectUrl, Math.floor(Date.now() / 1000));
  const landing = (await fetch(link, { redirect: "manual" })).headers.get("location");
  await connectShopee(options, { log: silentLogger(), env, cwd: dir, group: "default", code: landing, say: () => undefined, ask: async () => undefined });
  const sync = async () => {
    server.resetStats();
    const r = await measure([bin, "sync", file, "--yes", "--marketplace", "shopee", "--base-url", server.url], { env, cwd: dir });
    return { ...r, stats: server.stats() };
  };
  try {
    const first = await sync();
    if (first.code !== 0) throw new Error(`shopee initial sync exited ${first.code}:\n${first.stdout.slice(-3000)}\n${first.stderr.slice(-3000)}`);
    const floorMs = (first.stats.requests / rate) * 1000;
    const ratio = first.ms / floorMs;
    record({
      name: `shopee: initial sync of ${fmt(n)} products (${rate} req/s)`,
      metric: "ms",
      value: first.ms,
      baseline: floorMs,
      baselineName: "floor (requests needed / rate limit)",
      ratio,
      target: "<= 1.15x",
      met: ratio <= 1.15,
      requests: first.stats.requests,
      responses429: first.stats.rateLimited,
    });
    const again = await sync();
    const paths = Object.keys(again.stats.byPath);
    const isReadOnly = again.stats.writes === 0 && paths.every((p) => p.startsWith("product/get_") || p.startsWith("logistics/get_"));
    record({
      name: "shopee: no-op resync",
      metric: "write requests",
      value: again.stats.writes,
      baseline: 0,
      baselineName: `reads only: ${paths.join(", ")}`,
      ratio: isReadOnly ? 1 : 0,
      target: "only reads, zero writes and uploads",
      met: isReadOnly,
      requests: again.stats.requests,
    });
  } finally {
    await server.close();
    await new Promise((r) => photos.close(r));
  }
}
