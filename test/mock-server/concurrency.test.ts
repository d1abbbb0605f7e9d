// Issue 3 "done when": a burst of 1,000 concurrent requests leaves consistent state.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { startMockServer } from "../../src/mock-server/index.js";
import { clientFor, fetchToken, makeCreate, type Answer } from "./http.js";

test("1,000 concurrent creates, price updates, edits and reads keep the shop consistent", async () => {
  const dir = await mkdtemp(join(tmpdir(), "desbumi-burst-"));
  const stateFile = join(dir, "shop.json");
  const server = await startMockServer({ rateLimit: 100_000, burst: 100_000, stateFile });
  try {
    const api = clientFor(server, await fetchToken(server));
    // 400 creates over a pool of 250 names/skus: exactly 250 can win, the rest must be refused.
    const creates = Array.from({ length: 400 }, (_, i) =>
      api("POST", "/v3/products/fs/:fs/create", { body: { products: [makeCreate({ name: `Anyaman ${i % 250}`, sku: `ANY-${i % 250}` })] } }),
    );
    const prices = Array.from({ length: 300 }, (_, i) =>
      api("POST", "/inventory/v1/fs/:fs/price/update", { body: [{ sku: `ANY-${i % 250}`, new_price: 20000 + i }] }),
    );
    // Edits rename products into a colliding pool: at most one live product may hold each name.
    const edits = Array.from({ length: 150 }, (_, i) =>
      api("PATCH", "/v3/products/fs/:fs/edit", { body: { products: [{ id: 2147700000 + (i % 200), name: `Tas Pandan ${i % 40}` }] } }),
    );
    const reads = Array.from({ length: 150 }, (_, i) =>
      api("GET", "/inventory/v1/fs/:fs/product/info", { query: { page: 1 + (i % 5), per_page: 50 } }),
    );
    const [c, p, e, r] = await Promise.all([creates, prices, edits, reads].map((batch) => Promise.all(batch))) as Answer[][];

    for (const res of [...c!, ...p!, ...e!, ...r!]) expect(res.status).toBe(200);
    const created = c!.reduce((n, res) => n + res.json.data.success_data, 0);
    const refused = c!.reduce((n, res) => n + res.json.data.fail_data, 0);
    expect([created, refused]).toEqual([250, 150]);

    const listings = server.listings();
    expect(listings).toHaveLength(250);
    expect(new Set(listings.map((l) => l.sku.toLowerCase())).size).toBe(250);
    expect(new Set(listings.map((l) => l.name.toLowerCase())).size).toBe(250);
    expect(new Set(listings.map((l) => l.productId)).size).toBe(250);
    expect(listings.map((l) => l.productId)).toEqual(Array.from({ length: 250 }, (_, i) => 2147700000 + i));

    // Every successful price row left its mark; prices are either the original or an update.
    const pricedOk = p!.reduce((n, res) => n + res.json.data.succeed_rows, 0);
    const pricedFailed = p!.reduce((n, res) => n + res.json.data.failed_rows, 0);
    expect(pricedOk + pricedFailed).toBe(300);
    for (const l of listings) expect(l.price === 15000 || (l.price >= 20000 && l.price < 20300)).toBe(true);

    const renamed = e!.reduce((n, res) => n + res.json.data.success_data, 0);
    expect(renamed).toBeGreaterThan(0);
    expect(listings.filter((l) => l.name.startsWith("Tas Pandan")).length).toBeLessThanOrEqual(40);
    expect(server.stats().requests).toBe(1001);

    await server.close();
    const saved = JSON.parse(await readFile(stateFile, "utf8"));
    expect(saved.products).toEqual(listings);
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});
