// State file across restarts (atomic writes) and the seed file.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { UsageError } from "../../src/errors.js";
import { startMockServer } from "../../src/mock-server/index.js";
import { clientFor, fetchToken, makeCreate } from "./http.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-mock-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const fast = { rateLimit: 10_000, burst: 10_000 };

test("a restart with the same state file keeps the shop; ids keep increasing", async () => {
  const stateFile = join(dir, "nested", "shop.json");
  const first = await startMockServer({ ...fast, stateFile });
  const api = clientFor(first, await fetchToken(first));
  await api("POST", "/v3/products/fs/:fs/create", { body: { products: [makeCreate({ name: "Kopi A", sku: "KA" }), makeCreate({ name: "Kopi B", sku: "KB" })] } });
  const [a, b] = first.listings().map((p) => p.productId);
  await api("POST", "/inventory/v1/fs/:fs/price/update", { body: [{ sku: "KA", new_price: 42000 }] });
  await api("POST", "/v3/products/fs/:fs/delete", { body: { product_id: [b] } });
  const before = first.listings();
  await first.close();

  // Only the state file itself is left behind: temp files were renamed into place.
  expect(await readdir(join(dir, "nested"))).toEqual(["shop.json"]);
  expect(JSON.parse(await readFile(stateFile, "utf8"))).toMatchObject({ version: 1, products: expect.any(Array) });

  const second = await startMockServer({ ...fast, stateFile });
  try {
    expect(second.listings()).toEqual(before);
    const api2 = clientFor(second, await fetchToken(second));
    const page = await api2("GET", "/inventory/v1/fs/:fs/product/info", { query: { page: 1, per_page: 10 } });
    expect(page.json.data.map((p: any) => [p.basic.productID, p.price.value])).toEqual([[a, 42000]]);
    // The deleted product's name is free again; the new id continues after the old ones.
    const again = await api2("POST", "/v3/products/fs/:fs/create", { body: { products: [makeCreate({ name: "Kopi B", sku: "KB" })] } });
    expect(again.json.data.success_rows_data[0].product_id).toBe(b! + 1);
  } finally {
    await second.close();
  }
});

test("a broken state file stops the start with a clear UsageError", async () => {
  const stateFile = join(dir, "shop.json");
  await writeFile(stateFile, "{ half");
  await expect(startMockServer({ stateFile })).rejects.toThrow(UsageError);
  await writeFile(stateFile, JSON.stringify({ version: 2 }));
  await expect(startMockServer({ stateFile })).rejects.toThrow(/not a desbumi mock state/);
});

test("a seed file preloads listings (any key casing, ids and status kept)", async () => {
  const seedFile = join(dir, "seed.json");
  await writeFile(
    seedFile,
    JSON.stringify({
      products: [
        { ...makeCreate({ name: undefined, sku: "SEED-1" }), Name: "Kerupuk Udang", product_id: 2147800001 },
        { ...makeCreate({ sku: "SEED-2" }), active: false },
        { ...makeCreate({ sku: "SEED-3" }), status: 0 },
      ],
    }),
  );
  const server = await startMockServer({ ...fast, seedFile });
  try {
    const listings = server.listings();
    expect(listings.map((p) => [p.sku, p.status])).toEqual([
      ["SEED-1", 1],
      ["SEED-2", 3],
      ["SEED-3", 0],
    ]);
    expect(listings[0]).toMatchObject({ productId: 2147800001, name: "Kerupuk Udang" });
    expect(listings[1]!.productId).toBe(2147800002);
  } finally {
    await server.close();
  }
});

test("a seed product that breaks the create rules is refused with its position", async () => {
  const seedFile = join(dir, "seed.json");
  await writeFile(seedFile, JSON.stringify([makeCreate(), makeCreate({ price: 10 })]));
  await expect(startMockServer({ seedFile })).rejects.toThrow(/product 2: .*field \[price\]/);
  await writeFile(seedFile, JSON.stringify({ nope: true }));
  await expect(startMockServer({ seedFile })).rejects.toThrow(/must be a JSON array/);
});
