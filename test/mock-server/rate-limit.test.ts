// Token buckets per endpoint, X-Ratelimit-* headers, 429, and bulk items counting one each (§3).
// The clock is frozen, so nothing refills unless the test moves it.
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { startMockServer, type MockServer } from "../../src/mock-server/index.js";
import { clientFor, fetchToken, makeCreate } from "./http.js";

let now = 1_700_000_000_000;
let server: MockServer;
let api: ReturnType<typeof clientFor>;
beforeAll(async () => {
  server = await startMockServer({ rateLimit: 5, burst: 5, clock: () => now });
  api = clientFor(server, await fetchToken(server));
});
beforeEach(() => server.reset());
afterAll(() => server.close());

const ETALASE = "/inventory/v1/fs/:fs/product/etalase";

test("headers on every response; 429 envelope when the bucket is empty; refill over time", async () => {
  const remaining: string[] = [];
  for (let i = 0; i < 5; i++) {
    const res = await api("GET", ETALASE);
    expect(res.status).toBe(200);
    expect(res.headers["x-ratelimit-limit"]).toBe("5 req/s (burst 5)");
    remaining.push(res.headers["x-ratelimit-remaining"]!);
  }
  expect(remaining).toEqual(["4", "3", "2", "1", "0"]);
  const limited = await api("GET", ETALASE);
  expect(limited.status).toBe(429);
  expect(limited.json).toMatchObject({ header: { messages: "Too many requests" }, data: null });
  expect(limited.headers).toMatchObject({
    "x-ratelimit-limit": "5 req/s (burst 5)",
    "x-ratelimit-remaining": "0",
    "x-ratelimit-reset-after": "0.200000",
    "x-ratelimit-full-reset-after": "1.000000",
  });
  // Another endpoint has its own bucket.
  const other = await api("GET", "/inventory/v1/fs/:fs/product/category", { noShop: true });
  expect(other.status).toBe(200);
  expect(other.headers["x-ratelimit-reset-after"]).toBe("-0.000000");
  now += 400;
  const refilled = await api("GET", ETALASE);
  expect(refilled.status).toBe(200);
  expect(refilled.headers["x-ratelimit-remaining"]).toBe("1");
  expect(server.stats().rateLimited).toBe(1);
});

test("each item of a bulk request takes one token; items over the limit fail with ERR_TOO_MANY_REQUEST", async () => {
  const create = await api("POST", "/v3/products/fs/:fs/create", { body: { products: Array.from({ length: 7 }, () => makeCreate()) } });
  expect(create.status).toBe(200);
  expect(create.json.data).toMatchObject({ total_data: 7, success_data: 5, fail_data: 2 });
  expect(create.json.data.failed_rows_data.map((r: { error: string[] }) => r.error)).toEqual([["ERR_TOO_MANY_REQUEST"], ["ERR_TOO_MANY_REQUEST"]]);
  expect(create.headers["x-ratelimit-remaining"]).toBe("0");
  expect(server.listings()).toHaveLength(5);

  const ids = server.listings().map((p) => p.productId);
  const price = await api("POST", "/inventory/v1/fs/:fs/price/update", { body: ids.map((id) => ({ product_id: id, new_price: 9000 })) });
  expect(price.json.data.succeed_rows).toBe(5);
  const stock = await api("POST", "/inventory/v1/fs/:fs/price/update", { body: [{ product_id: ids[0], new_price: 1000 }] });
  expect(stock.status).toBe(429);

  // Its own bucket: two tokens spent here leave three for the next request.
  await api("POST", "/v1/products/fs/:fs/inactive", { body: { product_id: ids.slice(0, 2) } });
  const status = await api("POST", "/v1/products/fs/:fs/inactive", { body: { product_id: ids } });
  expect(status.status).toBe(200);
  expect(status.json.data).toMatchObject({ total_data: 5, succeed_rows: 3, failed_rows: 2 });
  expect(status.json.data.failed_rows_data).toEqual([
    `Error Product ID [${ids[3]}] : ERR_TOO_MANY_REQUEST`,
    `Error Product ID [${ids[4]}] : ERR_TOO_MANY_REQUEST`,
  ]);
  expect(server.listings().map((p) => p.status)).toEqual([3, 3, 3, 1, 1]);

  now += 1000;
  const rows = [...ids, ids[0]!].map((id) => ({ product_id: id, new_stock: 7 }));
  const partial = await api("POST", "/inventory/v1/fs/:fs/stock/update", { body: rows });
  expect(partial.json.data.succeed_rows).toBe(5);
  expect(partial.json.data.failed_rows_data).toEqual([{ product_id: ids[0], sku: "", product_url: "", new_stock: 7, message: "ERR_TOO_MANY_REQUEST" }]);
});

test("the token endpoint is limited too (one token per request)", async () => {
  for (let i = 0; i < 5; i++) await fetchToken(server);
  await expect(fetchToken(server)).rejects.toThrow(/429/);
});
