// Success and error shapes of the product endpoints (reference §5, §6).
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { startMockServer, type MockServer } from "../../src/mock-server/index.js";
import { clientFor, fetchToken, makeCreate, type Answer } from "./http.js";

let server: MockServer;
let api: ReturnType<typeof clientFor>;
beforeAll(async () => {
  server = await startMockServer({ rateLimit: 10_000, burst: 10_000, maxStock: 1000 });
  api = clientFor(server, await fetchToken(server));
});
beforeEach(() => server.reset());
afterAll(() => server.close());

const CREATE = "/v3/products/fs/:fs/create";
const EDIT = "/v3/products/fs/:fs/edit";
const INFO = "/inventory/v1/fs/:fs/product/info";

async function createOne(overrides: Record<string, unknown> = {}): Promise<number> {
  const res = await api("POST", CREATE, { body: { products: [makeCreate(overrides)] } });
  expect(res.json.data.success_data, JSON.stringify(res.json)).toBe(1);
  return res.json.data.success_rows_data[0].product_id as number;
}

const infoById = async (id: number): Promise<any> => (await api("GET", INFO, { noShop: true, query: { product_id: id } })).json.data[0];

const expectMalformed = (res: Answer, code: string): void => {
  expect(res.status).toBe(400);
  expect(res.json.header.error_code).toBe(code);
  expect(res.json.data).toBeNull();
};

describe("create v3", () => {
  test("returns synchronous ids and the §5.2 counts; keys match case-insensitively", async () => {
    const res = await api("POST", CREATE, {
      body: { products: [makeCreate({ name: undefined, Name: "Kopi Robusta Temanggung", description: undefined, Description: "Kopi bubuk" })] },
    });
    expect(res.status).toBe(200);
    expect(res.json.header).toMatchObject({ messages: "Your request has been processed successfully", error_code: "" });
    expect(typeof res.json.header.process_time).toBe("number");
    expect(res.json.data).toMatchObject({ total_data: 1, success_data: 1, fail_data: 0, failed_rows_data: [] });
    const id = res.json.data.success_rows_data[0].product_id;
    expect(id).toBeGreaterThanOrEqual(2147700000);
    const p = await infoById(id);
    expect(p.basic).toMatchObject({ productID: id, shopID: server.shopId, status: 1, Name: "Kopi Robusta Temanggung", condition: 1, childCategoryID: 2991, shortDesc: "Kopi bubuk" });
    expect(p.price).toMatchObject({ value: 15000, currency: 1, idr: 15000 });
    expect(p.stock).toMatchObject({ value: 40 });
    expect(p.weight).toEqual({ value: 250, unit: 1 });
    expect(p.pictures[0].OriginalURL).toBe("https://img.example.invalid/kt.jpg");
    expect(p.other.sku).toMatch(/^KT-/);
    expect(p.extraAttribute.minOrder).toBe(1);
    expect(p.menu).toEqual({});
  });

  test("per-product failures come back with HTTP 200 in failed_rows_data", async () => {
    await createOne({ name: "Carica Dieng", sku: "CAR-1" });
    const res = await api("POST", CREATE, {
      body: {
        products: [
          makeCreate({ name: "carica dieng " }),
          makeCreate({ sku: "car-1" }),
          makeCreate({ name: "x".repeat(71), description: "d".repeat(2001) }),
          makeCreate({ price: 99, stock: 1001, condition: "BEKAS", weight_unit: "LB", category_id: 35 }),
          makeCreate({ category_id: 1, pictures: [], min_order: 0, sku: "s".repeat(51) }),
          makeCreate({ name: undefined, price: undefined, status: undefined }),
          makeCreate({ pictures: [{ file_path: "not a url" }], etalase: { id: 42 } }),
          makeCreate({ name: "Sah" }),
        ],
      },
    });
    expect(res.status).toBe(200);
    const d = res.json.data;
    expect([d.total_data, d.success_data, d.fail_data]).toEqual([8, 1, 7]);
    const errors: string[][] = d.failed_rows_data.map((r: { error: string[] }) => r.error);
    expect(errors[0]).toEqual(["Value [carica dieng ] of field [name] is already used, please use different value"]);
    expect(errors[1]).toEqual(["Value [car-1] of field [sku] is already used, please use different value"]);
    expect(errors[2]).toEqual([
      "Field [name] must be at most 70 characters, got 71",
      "Field [description] must be at most 2000 characters, got 2001",
    ]);
    expect(errors[3]?.join("\n")).toMatch(/field \[price\].*\n.*field \[stock\].*between 0 and 1000\n.*field \[condition\].*\n.*field \[weight_unit\].*\n.*not a leaf/);
    expect(errors[4]?.join("\n")).toMatch(/\[sku\] must be at most 50.*\n.*field \[min_order\].*\nCategory \[1\] not found\n.*\[pictures\] must have 1 to 5/);
    expect(errors[5]).toEqual(["Field [name] should not be empty", "Field [price] should not be empty", "Field [status] should not be empty"]);
    expect(errors[6]?.join("\n")).toMatch(/http\(s\) image URL\nEtalase \[42\] not found/);
    expect(d.failed_rows_data[0]).toMatchObject({ product_name: "carica dieng ", product_price: 15000, sku: expect.any(String) });
    expect(server.listings()).toHaveLength(2);
  });

  test("KG weights are stored in grams; EMPTY creates a warehouse (inactive) product", async () => {
    const id = await createOne({ weight: 0.5, weight_unit: "KG", status: "EMPTY", stock: 0 });
    const p = await infoById(id);
    expect(p.weight).toEqual({ value: 500, unit: 1 });
    expect(p.basic.status).toBe(3);
  });

  test("malformed bodies → 400 with PRD_DLV codes, nothing created", async () => {
    expectMalformed(await api("POST", CREATE, { raw: "{not json" }), "PRD_DLV_015");
    expectMalformed(await api("POST", CREATE, { body: [makeCreate()] }), "PRD_DLV_043");
    expectMalformed(await api("POST", CREATE, { body: { products: [] } }), "PRD_DLV_045");
    expectMalformed(await api("POST", CREATE, { body: { products: [makeCreate({ price: "15000" })] } }), "PRD_DLV_042");
    expectMalformed(await api("POST", CREATE, { body: { products: Array.from({ length: 26 }, () => makeCreate()) } }), "PRD_DLV_018");
    expectMalformed(await api("POST", CREATE, { body: { products: ["x"] } }), "PRD_DLV_043");
    expect(server.listings()).toHaveLength(0);
  });
});

describe("edit v3", () => {
  test("only the fields sent change; etalase via etalase or menu", async () => {
    const id = await createOne({ name: "Teh Kayu Aro", sku: "TKA" });
    const etalase = (await api("GET", "/inventory/v1/fs/:fs/product/etalase")).json.data.etalase;
    const res = await api("PATCH", EDIT, { body: { products: [{ id, Price: 17000, menu: { id: etalase[1].etalase_id } }] } });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ total_data: 1, success_data: 1, fail_data: 0, success_rows_data: [{ product_id: id, product_sku: "TKA" }] });
    const p = await infoById(id);
    expect(p.price.value).toBe(17000);
    expect(p.basic.Name).toBe("Teh Kayu Aro");
    expect(p.stock.value).toBe(40);
    expect(p.menu).toEqual({ id: etalase[1].etalase_id, Name: etalase[1].etalase_name });
    await api("PATCH", EDIT, { body: { products: [{ id, etalase: { id: etalase[0].etalase_id }, name: "Teh Kayu Aro Premium" }] } });
    const q = await infoById(id);
    expect(q.menu.id).toBe(etalase[0].etalase_id);
    expect(q.basic.Name).toBe("Teh Kayu Aro Premium");
    expect(q.price.value).toBe(17000);
  });

  test("row failures: missing id, unknown id, deleted product, duplicate name", async () => {
    const a = await createOne({ name: "Jamu Kunyit Asam" });
    const b = await createOne({ name: "Jamu Beras Kencur" });
    await api("POST", "/v3/products/fs/:fs/delete", { body: { product_id: [b] } });
    const c = await createOne();
    const res = await api("PATCH", EDIT, {
      body: { products: [{ price: 1000 }, { id: 1, price: 1000 }, { id: b, price: 1000 }, { id: c, name: "jamu kunyit asam" }] },
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ total_data: 4, success_data: 0, fail_data: 4 });
    expect(res.json.data.failed_rows_data.map((r: { error: string[] }) => r.error[0])).toEqual([
      "Field [id] should not be empty",
      "Product [1] not found",
      "Product Status Not In Active or Warehouse. Edit Process Canceled",
      "Value [jamu kunyit asam] of field [name] is already used, please use different value",
    ]);
    expect(res.json.data.failed_rows_data[3]).toMatchObject({ product_id: c });
    expect((await infoById(a)).basic.Name).toBe("Jamu Kunyit Asam");
  });
});

describe("product info", () => {
  test("by product_id list (also `product`), by sku, by product_url", async () => {
    const a = await createOne({ sku: "A-1" });
    const b = await createOne({ sku: "B-1" });
    const both = await api("GET", INFO, { noShop: true, query: { product_id: `${b},${a},999` } });
    expect(both.json.data.map((p: any) => p.basic.productID)).toEqual([b, a]);
    const alias = await api("GET", INFO, { noShop: true, query: { product: a } });
    expect(alias.json.data[0].basic.productID).toBe(a);
    const bySku = await api("GET", INFO, { query: { sku: "b-1" } });
    expect(bySku.json.data.map((p: any) => p.basic.productID)).toEqual([b]);
    const url = both.json.data[0].other.url;
    const byUrl = await api("GET", INFO, { noShop: true, query: { product_url: url } });
    expect(byUrl.json.data[0].basic.productID).toBe(b);
    expectMalformed(await api("GET", INFO, { noShop: true, query: { product_id: "abc" } }), "PRD_DLV_042");
  });

  test("shop pages: deterministic by product_id, ≤ 50 per page, deleted hidden, page required", async () => {
    const ids: number[] = [];
    const res = await api("POST", CREATE, { body: { products: Array.from({ length: 7 }, () => makeCreate()) } });
    for (const row of res.json.data.success_rows_data) ids.push(row.product_id);
    await api("POST", "/v3/products/fs/:fs/delete", { body: { product_id: [ids[2]] } });
    await api("POST", "/v1/products/fs/:fs/inactive", { body: { product_id: [ids[3]] } });
    const page1 = await api("GET", INFO, { query: { page: 1, per_page: 4 } });
    const page2 = await api("GET", INFO, { query: { page: 2, per_page: 4 } });
    const seen = [...page1.json.data, ...page2.json.data].map((p: any) => p.basic.productID);
    expect(seen).toEqual(ids.filter((id) => id !== ids[2]));
    expect(page1.json.data[2].basic.status).toBe(3);
    const deleted = await api("GET", INFO, { noShop: true, query: { product_id: ids[2]! } });
    expect(deleted.json.data[0].basic.status).toBe(0);
    const after = await api("GET", INFO, { query: { page: 1, per_page: 50, last_sort: ids[4]! } });
    expect(after.json.data.map((p: any) => p.basic.productID)).toEqual(ids.slice(5));
    expectMalformed(await api("GET", INFO, { query: { per_page: 10 } }), "PRD_DLV_005");
    expectMalformed(await api("GET", INFO, { query: { page: 1, per_page: 51 } }), "PRD_DLV_038");
    expectMalformed(await api("GET", INFO, { noShop: true }), "PRD_DLV_045");
  });
});

describe("price and stock updates", () => {
  test("rows by sku (preferred) or product_id; failures per row with HTTP 200", async () => {
    const a = await createOne({ sku: "P-A" });
    const b = await createOne({ sku: "P-B" });
    const res = await api("POST", "/inventory/v1/fs/:fs/price/update", {
      body: [
        { sku: "P-A", product_id: b, new_price: 20000 },
        { product_id: b, new_price: 30000 },
        { product_id: 123, new_price: 1000 },
        { sku: "NOPE", new_price: 1000 },
        { product_id: a, new_price: 50 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ failed_rows: 3, succeed_rows: 2 });
    expect(res.json.data.failed_rows_data).toEqual([
      { product_id: 123, sku: "", product_url: "", new_price: 1000, message: "Invalid Product ID." },
      { product_id: 0, sku: "NOPE", product_url: "", new_price: 1000, message: "Invalid SKU." },
      { product_id: a, sku: "", product_url: "", new_price: 50, message: expect.stringMatching(/between 100 and 100000000/) },
    ]);
    expect((await infoById(a)).price.value).toBe(20000);
    expect((await infoById(b)).price.value).toBe(30000);
  });

  test("stock 0 sends an active product to the warehouse and a restock brings it back", async () => {
    const a = await createOne({ sku: "S-A" });
    const stock = (rows: unknown, query: Record<string, string> = {}) => api("POST", "/inventory/v1/fs/:fs/stock/update", { body: rows, query });
    expect((await stock([{ sku: "S-A", new_stock: 0 }])).json.data).toEqual({ failed_rows: 0, failed_rows_data: [], succeed_rows: 1 });
    expect((await infoById(a)).basic.status).toBe(3);
    await stock([{ product_id: a, new_stock: 5 }]);
    expect((await infoById(a)).basic).toMatchObject({ status: 1 });
    await stock([{ product_id: a, new_stock: 0 }], { bypass_update_product_status: "true" });
    const p = await infoById(a);
    expect([p.basic.status, p.stock.value]).toEqual([1, 0]);
    const bad = await stock([{ product_id: a, new_stock: 1001 }]);
    expect(bad.json.data.failed_rows_data[0]).toMatchObject({ product_id: a, new_stock: 1001 });
  });

  test("malformed: object body, > 100 rows, wrong types", async () => {
    expectMalformed(await api("POST", "/inventory/v1/fs/:fs/price/update", { body: { sku: "x", new_price: 1 } }), "PRD_DLV_043");
    expectMalformed(
      await api("POST", "/inventory/v1/fs/:fs/stock/update", { body: Array.from({ length: 101 }, (_, i) => ({ product_id: i, new_stock: 1 })) }),
      "PRD_DLV_018",
    );
    expectMalformed(await api("POST", "/inventory/v1/fs/:fs/stock/update", { body: [{ product_id: "1", new_stock: 1 }] }), "PRD_DLV_042");
  });
});

describe("active, inactive, delete", () => {
  test("status codes and string failures", async () => {
    const a = await createOne();
    const inactive = await api("POST", "/v1/products/fs/:fs/inactive", { body: { product_id: [a, 77] } });
    expect(inactive.status).toBe(200);
    expect(inactive.json.data).toEqual({
      total_data: 2,
      succeed_rows: 1,
      failed_rows: 1,
      failed_rows_data: ["Error Product ID [77] : There are some problem when retrieve product info"],
    });
    expect((await infoById(a)).basic.status).toBe(3);
    const active = await api("POST", "/v1/products/fs/:fs/active", { body: { Product_ID: [a] } });
    expect(active.json.data).toEqual({ total_data: 1, succeed_rows: 1, failed_rows: 0, failed_rows_data: null });
    expect((await infoById(a)).basic.status).toBe(1);
    const del = await api("DELETE", "/v3/products/fs/:fs/delete", { body: { product_id: [a] } });
    expect(del.json.data.succeed_rows).toBe(1);
    expect((await infoById(a)).basic.status).toBe(0);
    const again = await api("POST", "/v3/products/fs/:fs/delete", { body: { product_id: [a] } });
    expect(again.json.data.failed_rows).toBe(1);
    // A deleted product frees its name and sku.
    const reused = server.listings().find((p) => p.productId === a)!;
    await createOne({ name: reused.name, sku: reused.sku });
  });

  test("malformed: > 25 ids, non-integer ids, wrong shape", async () => {
    expectMalformed(await api("POST", "/v1/products/fs/:fs/active", { body: { product_id: Array.from({ length: 26 }, (_, i) => i + 1) } }), "PRD_DLV_018");
    expectMalformed(await api("POST", "/v1/products/fs/:fs/inactive", { body: { product_id: ["1"] } }), "PRD_DLV_042");
    expectMalformed(await api("POST", "/v3/products/fs/:fs/delete", { body: [1, 2] }), "PRD_DLV_043");
  });
});

describe("etalase and categories", () => {
  test("etalase list", async () => {
    const res = await api("GET", "/inventory/v1/fs/:fs/product/etalase");
    expect(res.json.data.shop).toMatchObject({ id: server.shopId, name: expect.any(String) });
    expect(res.json.data.etalase.length).toBeGreaterThan(0);
    expect(res.json.data.etalase[0]).toMatchObject({ etalase_id: expect.any(Number), etalase_name: expect.any(String), url: expect.any(String) });
  });

  test("tree with string ids, leaves without child; keyword gives flat leaf paths", async () => {
    const res = await api("GET", "/inventory/v1/fs/:fs/product/category", { noShop: true });
    expect(res.json.header.error_code).toBe(0);
    const leaves: { id: string; name: string }[] = [];
    const walk = (nodes: any[]): void => {
      for (const n of nodes) {
        expect(typeof n.id).toBe("string");
        if (n.child) walk(n.child);
        else leaves.push(n);
      }
    };
    walk(res.json.data.categories);
    expect(leaves.length).toBeGreaterThanOrEqual(40);
    expect(leaves.map((l) => l.name)).toEqual(expect.arrayContaining(["Masker Kain", "Jamu", "Kopi", "Keripik", "Carica", "Batik Tulis", "Anyaman Bambu"]));
    const found = await api("GET", "/inventory/v1/fs/:fs/product/category", { noShop: true, query: { keyword: "carica" } });
    expect(found.json.data.categories).toEqual([{ name: "makanan-minuman / Makanan Kaleng & Awetan / Carica", id: "3002" }]);
  });
});
