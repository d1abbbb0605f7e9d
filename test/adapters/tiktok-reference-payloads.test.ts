// The tiktok-shop client and reader fed answers shaped as shared/reference/tiktok-shop-api.md
// prints them (not as our mock writes them): where the reference leaves room (numbers as strings,
// absent optional fields, HTTP 200 with a retry code, DELETED rows), the adapter must still read.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { Pacer } from "../../src/adapters/shared/pacing.js";
import { PhotoUploadCache, photoCacheFile } from "../../src/adapters/shared/photo-cache.js";
import { TikTokClient } from "../../src/adapters/tiktok-shop/client.js";
import { DetailCache } from "../../src/adapters/tiktok-shop/details.js";
import { readListings } from "../../src/adapters/tiktok-shop/read.js";
import { setStatus, type WriteDeps } from "../../src/adapters/tiktok-shop/write.js";

type Answer = { status?: number; body: unknown };

/** A TikTokClient whose fetch answers from `route(method, path)`, recording what was asked. */
function clientAnswering(route: (method: string, path: string, n: number) => Answer) {
  const asked: string[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const key = `${init?.method ?? "GET"} ${url.pathname}`;
    asked.push(key);
    const answer = route(init?.method ?? "GET", url.pathname, asked.filter((a) => a === key).length);
    return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200, headers: { "content-type": "application/json" } });
  };
  const client = new TikTokClient({
    baseUrl: "http://127.0.0.1:9",
    appKey: "29a39d",
    appSecret: "e59af819cc",
    session: { accessToken: async () => "TTP_test", expired: async () => "TTP_test" },
    group: "default",
    pacer: new Pacer({ ratePerSecond: 1000 }),
    log: silentLogger(),
    fetch: fetchFn,
    maxRetries: 2,
    retryBaseMs: 1,
    timeoutMs: 5_000,
    cipher: () => "GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3",
  });
  return { client, asked };
}

const ok = (data: unknown): Answer => ({ body: { code: 0, message: "Success", request_id: "202203070749000101890810281E8C70B7", data } });

async function readDeps(client: TikTokClient) {
  const dir = await mkdtemp(join(tmpdir(), "desbumi-tts-ref-"));
  return {
    client,
    details: await DetailCache.open(dir, "7494049642642441621"),
    photos: await PhotoUploadCache.open(photoCacheFile(dir, "tiktok-shop", "7494049642642441621"), "tiktok-shop", "7494049642642441621"),
    warehouseId: "7068517275539719942",
    concurrency: 2,
  };
}

// §4.1 search row and §4.3 Get Product, as the reference lists their fields.
const searchRow = (id: string, sku: string, status: string, quantity: unknown) => ({
  id,
  title: "Keripik Singkong Pedas Khas Lereng Kawi 200 gr",
  status,
  create_time: 1_700_000_000,
  update_time: 1_700_000_100,
  sales_regions: ["ID"],
  audit: { status: status === "ACTIVATE" ? "APPROVED" : "NONE", pre_approved_reasons: [] },
  integrated_platform_statuses: [{ platform: "TOKOPEDIA", status }],
  has_draft: false,
  is_not_for_sale: false,
  skus: [{ id: `${id}9`, seller_sku: sku, price: { currency: "IDR", tax_exclusive_price: "45000", sale_price: "45000" }, inventory: [{ warehouse_id: "7068517275539719942", quantity }], status_info: { status: "NORMAL" } }],
});
const detail = (id: string) => ({
  id,
  title: "Keripik Singkong Pedas Khas Lereng Kawi 200 gr",
  status: "ACTIVATE",
  product_status: "ACTIVATE",
  audit: { status: "APPROVED" },
  description: "<p>Keripik singkong.</p>",
  category_chains: [
    { id: "600001", parent_id: "0", local_name: "Makanan", is_leaf: false },
    { id: "600102", parent_id: "600001", local_name: "Keripik", is_leaf: true },
  ],
  main_images: [{ uri: "tos-maliva-i-o3syd03w52-us/c668cdf70b7f483c94dbe", urls: ["https://p-oec-va.ibyteimg.com/x.jpg"], thumb_urls: [], width: 800, height: 800 }],
  package_weight: { value: "0.2", unit: "KILOGRAM" },
  skus: [],
});

describe("tiktok-shop reading reference-shaped answers", () => {
  it("§4.1: a quantity sent as a string is a number, a DELETED row is no listing, an absent next_page_token ends the pages", async () => {
    const { client, asked } = clientAnswering((method, path) => {
      if (path.endsWith("/products/search")) return ok({ total_count: 2, products: [searchRow("1729592969712207008", "KR-1", "ACTIVATE", "12"), searchRow("1729592969712207010", "KR-2", "DELETED", 0)] });
      if (path === "/product/202309/products/1729592969712207008") return ok(detail("1729592969712207008"));
      return { status: 404, body: { code: 12052032, message: "The product does not exist.", request_id: "x", data: null } };
    });
    const listings = await readListings(await readDeps(client));
    expect(listings.map((l) => [l.sku, l.stock, l.price, l.weight, l.categoryId, l.description])).toEqual([["KR-1", 12, 45_000, 200, "600102", "Keripik singkong."]]);
    expect(asked.filter((a) => a.endsWith("/products/search"))).toHaveLength(1);
    expect(asked).not.toContain("GET /product/202309/products/1729592969712207010");
  });

  it("§3: 36009003 (internal error, retry) with HTTP 200 is retried, not read as an answer", async () => {
    const { client, asked } = clientAnswering((_m, _p, n) => (n === 1 ? { status: 200, body: { code: 36009003, message: "Internal error, please retry.", request_id: "x", data: {} } } : ok({ total_count: 0, products: [], next_page_token: "" })));
    const listings = await readListings(await readDeps(client));
    expect(listings).toEqual([]);
    expect(asked).toEqual(["POST /product/202502/products/search", "POST /product/202502/products/search"]);
  });

  it("§4.4: deactivate of a product still in review (12052901 in data.errors) is a retryable failure that says the next sync stops it", async () => {
    const { client } = clientAnswering(() => ok({ errors: [{ code: 12052901, message: "The action is not allowed in the current status.", detail: { product_id: "1729592969712207008" } }] }));
    const deps = await readDeps(client);
    const outcomes = await setStatus([{ kind: "deactivate", sku: "KR-1", listingId: "1729592969712207008", reason: "catalog-inactive", fields: [] }], false, { ...deps, platforms: ["TOKOPEDIA"], skuIds: new Map(), attributeIds: async () => undefined, quota: { reached: false } } satisfies WriteDeps);
    expect(outcomes).toEqual([{ status: "failed", sku: "KR-1", kind: "deactivate", listingId: "1729592969712207008", error: { code: "12052901", retryable: true, message: expect.stringMatching(/review.*next sync.*\/ Produk sedang ditinjau/) } }]);
  });

  it.each([
    [101000, "The access token is not authorized for the shop of this shop_cipher.", /connect tiktok-shop/],
    [105005, "Access denied: the app lacks the scope Product Basic.", /105005.*Partner Center.*connect tiktok-shop/],
  ])("§3: %i stops the run with what to do, not a protocol error", async (code, message, wording) => {
    const { client } = clientAnswering(() => ({ status: 200, body: { code, message, request_id: "x", data: {} } }));
    const error = await readListings(await readDeps(client)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AdapterError", kind: "auth" });
    expect(String((error as Error).message)).toMatch(wording);
  });
});
