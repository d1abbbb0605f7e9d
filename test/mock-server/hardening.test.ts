// Issue 13, the mock's request-level items, each against the real server on 127.0.0.1:
// 13.8 (auth before allocation, canonical buckets), 13.9 (depth), 13.13 (__proto__), 13.17 (strict
// numbers, weight units, content type, invisible characters in names).
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { startMockServer, type MockServer } from "../../src/mock-server/index.js";
import { call, clientFor, fetchToken, makeCreate } from "./http.js";

let server: MockServer;
let api: ReturnType<typeof clientFor>;
beforeEach(async () => {
  server = await startMockServer({ rateLimit: 100_000, burst: 100_000 });
  api = clientFor(server, await fetchToken(server));
});
afterEach(() => server.close());

const create = (products: unknown[]) => api("POST", "/v3/products/fs/:fs/create", { body: { products } });
const rowErrors = (res: { json: any }): string[] => res.json.data.failed_rows_data.flatMap((r: any) => r.error);

describe("issue 13.9: nesting depth", () => {
  test("a deeply nested body is a 400 envelope, not a 500", async () => {
    const raw = `{"products":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    const res = await api("POST", "/v3/products/fs/:fs/create", { raw });
    expect(res.status).toBe(400);
    expect(res.json.header).toMatchObject({ error_code: "PRD_DLV_015", reason: expect.stringMatching(/nested deeper than 32 levels/) });
    expect(server.listings()).toEqual([]);
  });
});

describe("issue 13.13: __proto__ keys", () => {
  test("fields under __proto__ are not read as the product's own", async () => {
    const raw = `{"products":[{"__proto__":${JSON.stringify(makeCreate({ name: "Dari Prototipe" }))}}]}`;
    const res = await api("POST", "/v3/products/fs/:fs/create", { raw });
    expect(res.status).toBe(200);
    expect(res.json.data.success_data).toBe(0);
    expect(rowErrors(res)).toContain("Field [name] should not be empty");
    const wrapped = await api("POST", "/v3/products/fs/:fs/create", { raw: `{"__proto__":{"products":[${JSON.stringify(makeCreate())}]}}` });
    expect(wrapped.status).toBe(400);
    expect(server.listings()).toEqual([]);
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });
});

describe("issue 13.17: the reference's types, strictly", () => {
  test("1e3 and 2147700000.0 are not ints; 0x7fffffff and 1e3 are not query ids", async () => {
    await create([makeCreate({ sku: "KT-A" })]);
    const id = server.listings()[0]!.productId;
    for (const raw of [`[{"product_id":${id}.0,"new_price":20000}]`, `[{"product_id":${id},"new_price":2e4}]`]) {
      const res = await api("POST", "/inventory/v1/fs/:fs/price/update", { raw });
      expect(res.status, raw).toBe(400);
      expect(res.json.header.error_code).toBe("PRD_DLV_042");
      expect(res.json.header.reason).toMatch(/should be int/);
    }
    const viaStatus = await api("POST", "/v1/products/fs/:fs/inactive", { raw: `{"product_id":[${id}.0]}` });
    expect(viaStatus.status).toBe(400);
    expect(viaStatus.json.header.reason).toContain(`[${id}.0]`);
    const priceCreate = await api("POST", "/v3/products/fs/:fs/create", { raw: `{"products":[${JSON.stringify(makeCreate()).replace('"price":15000', '"price":1.5e4')}]}` });
    expect(priceCreate.status).toBe(400);
    for (const q of ["0x7fffffff", "1e3", `${id}.0`]) {
      const res = await api("GET", "/inventory/v1/fs/:fs/product/info", { query: { product_id: q }, noShop: true });
      expect(res.status, q).toBe(400);
    }
    expect(server.listings()[0]!.price).toBe(15000);
    // Integer literals still work, and a weight may be fractional where the unit makes it whole.
    expect((await api("POST", "/inventory/v1/fs/:fs/price/update", { raw: `[{"product_id":${id},"new_price":20000}]` })).json.data.succeed_rows).toBe(1);
  });

  test("weight: exact units, whole grams (0.0006 KG is refused, not stored as 1 g)", async () => {
    const res = await create([
      makeCreate({ sku: "W1", weight: 0.0006, weight_unit: "KG" }),
      makeCreate({ sku: "W2", weight: 250, weight_unit: "gr" }),
      makeCreate({ sku: "W3", weight: 250.5, weight_unit: "GR" }),
      makeCreate({ sku: "W4", weight: 0.3, weight_unit: "KG" }),
      makeCreate({ sku: "W5", weight: 1.25, weight_unit: "KG" }),
    ]);
    const bySku = Object.fromEntries(res.json.data.failed_rows_data.map((r: any) => [r.sku, r.error.join(" ")]));
    expect(Object.keys(bySku).sort()).toEqual(["W1", "W2", "W3"]);
    expect(bySku.W1).toMatch(/whole number of grams/);
    expect(bySku.W2).toMatch(/weight_unit/);
    expect(server.listings().map((p) => [p.sku, p.weightGrams])).toEqual([
      ["W4", 300],
      ["W5", 1250],
    ]);
  });

  test("a body that is not Content-Type application/json is refused", async () => {
    const body = JSON.stringify({ products: [makeCreate()] });
    const url = `${server.url}/v3/products/fs/${server.fsId}/create?shop_id=${server.shopId}`;
    const headers = { authorization: `Bearer ${await fetchToken(server)}` };
    for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
      const res = await call(url, { method: "POST", raw: body, headers: { ...headers, "content-type": type } });
      expect(res.status, type).toBe(400);
      expect(res.json.header.reason).toMatch(/Content-Type must be application\/json/);
    }
    expect(server.listings()).toEqual([]);
    const ok = await call(url, { method: "POST", raw: body, headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
    expect(ok.json.data.success_data).toBe(1);
  });

  test("a zero-width character does not make a visually duplicate name (or SKU) a new one", async () => {
    await create([makeCreate({ name: "Keripik Tempe Pedas", sku: "KTP" })]);
    const res = await create([
      makeCreate({ name: "Keripik\u200b Tempe Pedas" }),
      makeCreate({ name: "Keripik  Tempe\ufeff Pedas" }),
      makeCreate({ name: "\u200b\u200d" }),
      makeCreate({ sku: "K\u200bTP" }),
    ]);
    expect(res.json.data.success_data).toBe(0);
    const errors = rowErrors(res);
    expect(errors.filter((e) => /field \[name\] is already used/.test(e))).toHaveLength(2);
    expect(errors).toContain("Field [name] should not be empty");
    expect(errors.some((e) => /field \[sku\] is already used/.test(e))).toBe(true);
  });
});

describe("issue 13.8: authenticate before allocating; canonical buckets", () => {
  test("unauthenticated requests with invented fs_ids create no bucket", async () => {
    const before = server.stats().rateLimitBuckets; // the token endpoint's own
    for (let i = 0; i < 300; i++) {
      const res = await call(`${server.url}/v3/products/fs/${"9".repeat(50)}${i}/create?shop_id=1`, { method: "POST", body: {} });
      expect(res.status).toBe(401);
    }
    expect(server.stats().rateLimitBuckets).toBe(before);
  });

  test("padded fs_ids share the canonical bucket: they cannot bypass the rate limit", async () => {
    const limited = await startMockServer({ rateLimit: 1, burst: 3, clock: () => 1_000 });
    try {
      const token = await fetchToken(limited);
      const before = limited.stats().rateLimitBuckets;
      const statuses: number[] = [];
      for (let pad = 0; pad < 6; pad++) {
        const fs = `${"0".repeat(pad)}${limited.fsId}`;
        const res = await call(`${limited.url}/inventory/v1/fs/${fs}/product/etalase?shop_id=${limited.shopId}`, { headers: { authorization: `Bearer ${token}` } });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
      expect(limited.stats().rateLimitBuckets).toBe(before + 1);
    } finally {
      await limited.close();
    }
  });
});
