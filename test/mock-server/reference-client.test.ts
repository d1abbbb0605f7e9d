// A small client written only from the reference document (§2–§5), run end to end against the
// mock with its default limits (5 req/s, burst 5). If this needs a special case, the mock is wrong.
import { fetch } from "undici";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startMockServer, type MockServer } from "../../src/mock-server/index.js";

interface Envelope<T> {
  header: { process_time: number; messages: string; reason?: string; error_code?: string | number };
  data: T;
}

function createReferenceClient(cfg: { base: string; tokenUrl: string; fsId: number; shopId: number; clientId: string; clientSecret: string }) {
  let token: string | undefined;
  const sleep = (s: number) => new Promise((r) => setTimeout(r, Math.ceil(s * 1000)));

  async function getToken(): Promise<string> {
    if (token) return token;
    const res = await fetch(`${cfg.tokenUrl}?grant_type=client_credentials`, {
      method: "POST",
      headers: { Authorization: `Basic ${Buffer.from(`${cfg.clientId}:${cfg.clientSecret}`).toString("base64")}`, "Content-Length": "0" },
    });
    if (res.status !== 200) throw new Error(`token refused: ${res.status}`);
    const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
    token = body.access_token;
    return token;
  }

  async function callApi<T>(method: string, path: string, query: Record<string, string | number>, body?: unknown): Promise<Envelope<T>> {
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
    for (;;) {
      const res = await fetch(`${cfg.base}${path.replace("{fs_id}", String(cfg.fsId))}?${qs}`, {
        method,
        headers: { Authorization: `Bearer ${await getToken()}`, "Content-Type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (res.status === 429) {
        await sleep(Number(res.headers.get("X-Ratelimit-Full-Reset-After") ?? "1"));
        continue;
      }
      const env = (await res.json()) as Envelope<T>;
      if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${env.header.error_code} ${env.header.reason}`);
      return env;
    }
  }

  const shop = { shop_id: cfg.shopId };
  return {
    categories: () => callApi<{ categories: { id: string; name: string; child?: unknown[] }[] }>("GET", "/inventory/v1/fs/{fs_id}/product/category", {}),
    etalase: () => callApi<{ etalase: { etalase_id: number; etalase_name: string }[] }>("GET", "/inventory/v1/fs/{fs_id}/product/etalase", shop),
    listPage: (page: number, perPage: number) => callApi<any[]>("GET", "/inventory/v1/fs/{fs_id}/product/info", { ...shop, page, per_page: perPage }),
    getById: (id: number) => callApi<any[]>("GET", "/inventory/v1/fs/{fs_id}/product/info", { product_id: id }),
    create: (products: unknown[]) => callApi<any>("POST", "/v3/products/fs/{fs_id}/create", shop, { products }),
    edit: (products: unknown[]) => callApi<any>("PATCH", "/v3/products/fs/{fs_id}/edit", shop, { products }),
    updatePrice: (rows: unknown[]) => callApi<any>("POST", "/inventory/v1/fs/{fs_id}/price/update", shop, rows),
    updateStock: (rows: unknown[]) => callApi<any>("POST", "/inventory/v1/fs/{fs_id}/stock/update", shop, rows),
    setActive: (ids: number[]) => callApi<any>("POST", "/v1/products/fs/{fs_id}/active", shop, { product_id: ids }),
    setInactive: (ids: number[]) => callApi<any>("POST", "/v1/products/fs/{fs_id}/inactive", shop, { product_id: ids }),
    remove: (ids: number[]) => callApi<any>("POST", "/v3/products/fs/{fs_id}/delete", shop, { product_id: ids }),
  };
}

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());

test("token, list, create, edit, price, stock, deactivate/activate, delete — end to end", async () => {
  const client = createReferenceClient({ base: server.url, tokenUrl: server.tokenUrl, fsId: server.fsId, shopId: server.shopId, ...server.credentials });

  const tree = (await client.categories()).data.categories;
  const findLeaf = (nodes: any[], name: string): string | undefined => {
    for (const n of nodes) {
      if (!n.child && n.name === name) return n.id;
      const inner = n.child ? findLeaf(n.child, name) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  const jamu = Number(findLeaf(tree, "Jamu"));
  const etalase = (await client.etalase()).data.etalase[1]!;

  const created = await client.create([
    {
      Name: "Jamu Kunyit Asam 250 ml", Description: "Jamu segar tanpa pengawet", sku: "JKA-250", price: 12000, price_currency: "IDR",
      status: "LIMITED", stock: 30, min_order: 1, category_id: jamu, weight: 300, weight_unit: "GR", condition: "NEW",
      etalase: { id: etalase.etalase_id }, pictures: [{ file_path: "https://img.example.invalid/jka.jpg" }],
    },
  ]);
  expect(created.data.success_data).toBe(1);
  const id: number = created.data.success_rows_data[0].product_id;

  const page = await client.listPage(1, 50);
  expect(page.data.map((p) => p.basic.productID)).toEqual([id]);
  expect(page.data[0]).toMatchObject({ basic: { Name: "Jamu Kunyit Asam 250 ml", status: 1 }, menu: { id: etalase.etalase_id }, other: { sku: "JKA-250" } });

  await client.edit([{ id, description: "Jamu segar, resep desa" }]);
  await client.updatePrice([{ sku: "JKA-250", new_price: 13500 }]);
  await client.updateStock([{ product_id: id, new_stock: 12 }]);
  let p = (await client.getById(id)).data[0];
  expect([p.basic.shortDesc, p.price.value, p.stock.value, p.basic.Name]).toEqual(["Jamu segar, resep desa", 13500, 12, "Jamu Kunyit Asam 250 ml"]);

  await client.setInactive([id]);
  expect((await client.getById(id)).data[0].basic.status).toBe(3);
  await client.setActive([id]);
  p = (await client.getById(id)).data[0];
  expect([p.basic.status, p.stock.value]).toEqual([1, 12]);

  const removed = await client.remove([id]);
  expect(removed.data).toMatchObject({ succeed_rows: 1, failed_rows: 0 });
  expect((await client.listPage(1, 50)).data).toEqual([]);
  expect((await client.getById(id)).data[0].basic.status).toBe(0);
});
