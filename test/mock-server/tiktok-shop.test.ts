// The tiktok-shop mock follows the reference's §10 (issue 15 item 2): signing vectors, the
// gateway's order of checks, tokens (single-use codes, rotation), envelope and codes, image upload
// checks, the ID title rule, review simulation, batch partial failures, rate limit, faults.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signRequest, signatureBase } from "../../src/adapters/tiktok-shop/sign.js";
import { DEFAULT_RATE_LIMIT, startTikTokMock, signSelfTest, type TikTokMock } from "../../src/mock-server/tiktok-shop/index.js";
import { makePng } from "../adapters/tiktok-rig.js";

let mock: TikTokMock;
let token = "";
let refresh = "";
const CIPHER = "ROW_mockCipherDesa0001";
const WH = "7300000000000000001";

async function tokenGet(code: string): Promise<Record<string, any>> {
  const u = new URL("/api/v2/token/get", mock.url);
  u.search = new URLSearchParams({ app_key: mock.appKey, app_secret: mock.appSecret, auth_code: code, grant_type: "authorized_code" }).toString();
  return (await fetch(u)).json() as Promise<Record<string, any>>;
}
async function tokenRefresh(rt: string): Promise<Record<string, any>> {
  const u = new URL("/api/v2/token/refresh", mock.url);
  u.search = new URLSearchParams({ app_key: mock.appKey, app_secret: mock.appSecret, refresh_token: rt, grant_type: "refresh_token" }).toString();
  return (await fetch(u)).json() as Promise<Record<string, any>>;
}

interface Call {
  method?: string;
  query?: Record<string, string>;
  json?: unknown;
  form?: FormData;
  cipher?: boolean;
  token?: string;
  timestamp?: number;
  sign?: string | null;
}
async function call(path: string, c: Call = {}): Promise<{ status: number; body: Record<string, any> }> {
  const query: Record<string, string> = { app_key: mock.appKey, timestamp: String(c.timestamp ?? Math.floor(Date.now() / 1000)), ...(c.query ?? {}) };
  if (c.cipher !== false) query.shop_cipher = CIPHER;
  const body = c.json !== undefined ? JSON.stringify(c.json) : undefined;
  const sign = c.sign === undefined ? signRequest(mock.appSecret, { path, query, ...(body ? { body } : {}), contentType: c.form ? "multipart/form-data" : "application/json" }) : c.sign;
  if (sign !== null) query.sign = sign;
  const u = new URL(path, mock.url);
  u.search = new URLSearchParams(query).toString();
  const headers: Record<string, string> = { "x-tts-access-token": c.token ?? token };
  if (!c.form) headers["content-type"] = "application/json";
  const res = await fetch(u, { method: c.method ?? (body || c.form ? "POST" : "GET"), headers, ...(c.form ? { body: c.form } : body ? { body } : {}) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

async function upload(bytes: Uint8Array, type = "image/png", useCase = "MAIN_IMAGE") {
  const form = new FormData();
  form.set("data", new Blob([bytes], { type }), "p.png");
  form.set("use_case", useCase);
  return call("/product/202309/images/upload", { form, cipher: false });
}

const product = (uri: string, over: Record<string, unknown> = {}) => ({
  title: "Kopi Robusta Lereng Gunung Kawi 250 gram",
  description: "<p>Kopi bubuk dari kebun warga.</p>",
  category_id: "600102",
  main_images: [{ uri }],
  package_weight: { value: "0.25", unit: "KILOGRAM" },
  skus: [{ seller_sku: "KOPI-001", price: { amount: "45000", currency: "IDR" }, inventory: [{ warehouse_id: WH, quantity: 10 }] }],
  listing_platforms: ["TOKOPEDIA", "TIKTOK_SHOP"],
  ...over,
});

beforeEach(async () => {
  mock = await startTikTokMock({ appSecret: "mock-secret" });
  const got = await tokenGet(mock.issueAuthCode());
  token = got.data.access_token;
  refresh = got.data.refresh_token;
});
afterEach(async () => {
  await mock.close();
});

describe("signing", () => {
  it("matches the documented vectors on both sides (mock self-test, adapter signer)", () => {
    expect(signSelfTest()).toBe(true);
    expect(signRequest("e59af819cc", { path: "/authorization/202309/shops", query: { app_key: "29a39d", timestamp: "1623812664" } })).toBe(
      "b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8",
    );
    expect(signRequest("app_secret", { path: "/test-api", query: { foo: "bar" } })).toBe("d3cb7fe11ecae942802ceeca67e7cf10120cc12f1517d45fbc1c8cfe5413c80f");
    // body example: shop_cipher sorts between app_key and timestamp, the JSON body is appended raw, sign/access_token excluded
    expect(
      signatureBase({ path: "/event/202309/webhooks", query: { timestamp: "1696909648", shop_cipher: "ROW_xkMbgAAAeVAQra0eZWebFQq5aIKt", app_key: "68xu9ks5p4i8", sign: "x", access_token: "y" }, body: '{"a":1}', contentType: "application/json" }),
    ).toBe('/event/202309/webhooksapp_key68xu9ks5p4i8shop_cipherROW_xkMbgAAAeVAQra0eZWebFQq5aIKttimestamp1696909648{"a":1}');
    expect(signatureBase({ path: "/x", query: { a: "1" }, body: "BIN", contentType: "multipart/form-data; boundary=zz" })).toBe("/xa1");
  });
});

describe("gateway", () => {
  it("checks in order: path, app_key, signature, timestamp, token, cipher", async () => {
    expect((await call("/product/202309/nothing")).body.code).toBe(36009009);
    expect((await call("/product/202309/categories", { query: { app_key: "wrong" } })).body.code).toBe(36009004);
    const unsigned = await call("/product/202309/categories", { sign: null });
    expect([unsigned.status, unsigned.body.code]).toEqual([401, 36009004]);
    const badSign = await call("/product/202309/categories", { sign: "0".repeat(64) });
    expect([badSign.status, badSign.body.code]).toEqual([401, 106001]);
    const old = await call("/product/202309/categories", { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(old.body).toMatchObject({ code: 36009004, message: expect.stringMatching(/older than 5 minutes/) });
    const ahead = await call("/product/202309/categories", { timestamp: Math.floor(Date.now() / 1000) + 31 });
    expect(ahead.body.message).toMatch(/30 seconds ahead/);
    expect((await call("/product/202309/categories", { token: "TTP_nope" })).body.code).toBe(36009004);
    expect((await call("/product/202309/categories", { cipher: false })).body.code).toBe(106013);
    expect((await call("/authorization/202309/shops")).body).toMatchObject({ code: 36009004, message: expect.stringMatching(/shop_cipher/) });
    const shops = await call("/authorization/202309/shops", { cipher: false });
    expect(shops.body).toMatchObject({ code: 0, message: "Success", data: { shops: [{ region: "ID", cipher: CIPHER, code: "IDLCMOCK01" }] } });
    expect(shops.body.request_id).toMatch(/^\d{14}[0-9A-F]{20}$/);
  });
});

describe("tokens", () => {
  it("auth codes are single use; grant_type literals are checked", async () => {
    const code = mock.issueAuthCode();
    expect((await tokenGet(code)).code).toBe(0);
    expect((await tokenGet(code)).code).toBe(36004004);
  });

  it("refresh rotates both tokens; the old refresh token works until the new access token is used", async () => {
    const first = await tokenRefresh(refresh);
    expect(first.code).toBe(0);
    expect(first.data.refresh_token).not.toBe(refresh);
    expect(first.data.access_token_expire_in).toBeGreaterThan(Date.now() / 1000 + 6 * 86400);
    // answer "lost": the old refresh token still works (new access token never used)
    const again = await tokenRefresh(refresh);
    expect(again.code).toBe(0);
    expect((await call("/authorization/202309/shops", { cipher: false, token: again.data.access_token })).body.code).toBe(0);
    expect((await tokenRefresh(refresh)).code).toBe(36004005);
    // the first pair was replaced twice: its access token is gone
    expect((await call("/authorization/202309/shops", { cipher: false, token })).body.code).toBe(36009004);
  });

  it("an expired access token is 105002; revoked is 36009004 and refresh is refused", async () => {
    mock.expireAccessTokens();
    expect((await call("/product/202309/categories")).body.code).toBe(105002);
    mock.revokeAll();
    expect((await call("/product/202309/categories")).body.code).toBe(36009004);
    expect((await tokenRefresh(refresh)).code).toBe(36004005);
  });
});

describe("images and products", () => {
  it("uploads only real images of allowed size, as multipart", async () => {
    const ok = await upload(makePng(400, 400, 1));
    expect(ok.body).toMatchObject({ code: 0, data: { uri: expect.stringMatching(/^tos-/), width: 400, height: 400, use_case: "MAIN_IMAGE" } });
    expect((await upload(makePng(200, 200, 2))).body.code).toBe(12038014);
    expect((await upload(new TextEncoder().encode("not an image"))).body.code).toBe(12038004);
    expect((await call("/product/202309/images/upload", { json: { data: "base64" }, cipher: false })).body.code).toBe(36009023);
  });

  it("creates (PENDING, then live on the next read), enforces the ID title rule and required attributes, and dedupes by idempotency_key", async () => {
    const uri = (await upload(makePng(400, 400, 3))).body.data.uri as string;
    expect((await call("/product/202309/products", { json: product(uri, { title: "Kopi Robusta" }) })).body.code).toBe(12052910);
    expect((await call("/product/202309/products", { json: product("tos-unknown") })).body.code).toBe(12052300);
    expect((await call("/product/202309/products", { json: product(uri, { category_id: "600001" }) })).body.code).toBe(12052024);
    expect((await call("/product/202309/products", { json: product(uri, { category_id: "600301", title: "Kain Batik Tulis Motif Parang Lasem" }) })).body).toMatchObject({ code: 12052104, message: expect.stringMatching(/Bahan/) });
    const first = await call("/product/202309/products", { json: product(uri, { idempotency_key: "k-1" }) });
    expect(first.body.code).toBe(0);
    const again = await call("/product/202309/products", { json: product(uri, { idempotency_key: "k-1" }) });
    expect(again.body.data.product_id).toBe(first.body.data.product_id);
    expect(mock.state.products).toHaveLength(1);
    expect(mock.state.products[0]?.status).toBe("PENDING");
    const page = await call("/product/202502/products/search", { query: { page_size: "10" }, json: {} });
    expect(page.body.data.products[0]).toMatchObject({ status: "ACTIVATE", audit: { status: "APPROVED" }, integrated_platform_statuses: [{ platform: "TOKOPEDIA", status: "ACTIVATE" }] });
  });

  it("fails the review of a medical claim with reasons", async () => {
    const uri = (await upload(makePng(400, 400, 4))).body.data.uri as string;
    const created = await call("/product/202309/products", { json: product(uri, { category_id: "600102", title: "Kopi Jahe Menyembuhkan Segala Penyakit" }) });
    const got = await call(`/product/202309/products/${created.body.data.product_id}`);
    expect(got.body.data).toMatchObject({ status: "FAILED", audit: { status: "FAILED" } });
    expect(got.body.data.audit_failed_reasons[0].reasons[0]).toMatch(/Medical claims/);
  });

  it("batch endpoints report per-item failures in data.errors with code 0", async () => {
    const uri = (await upload(makePng(400, 400, 5))).body.data.uri as string;
    const id = (await call("/product/202309/products", { json: product(uri) })).body.data.product_id as string;
    const inv = await call(`/product/202309/products/${id}/inventory/update`, { json: { skus: [{ id: "nope", inventory: [{ warehouse_id: WH, quantity: 1 }] }] } });
    expect(inv.body.data.errors[0]).toMatchObject({ code: 12052990, detail: { extra_errors: [{ code: 12052557 }] } });
    const res = await call("/product/202309/products/deactivate", { json: { product_ids: [id, "1700000000000000999"] } });
    expect(res.body.code).toBe(0);
    expect(res.body.data.errors).toEqual([expect.objectContaining({ code: 12052032, detail: { product_id: "1700000000000000999" } })]);
    const tooMany = await call("/product/202309/products/activate", { json: { product_ids: Array.from({ length: 21 }, (_, i) => String(i)) } });
    expect(tooMany.body.code).toBe(12019120);
  });

  it("§4 table / §4.4: price, stock and deactivate take ACTIVATE products only (12052901 in review)", async () => {
    await mock.close();
    mock = await startTikTokMock({ appSecret: "mock-secret", reviewDelayMs: 3_600_000, deactivateInReview: false });
    token = (await tokenGet(mock.issueAuthCode())).data.access_token;
    const uri = (await upload(makePng(400, 400, 6))).body.data.uri as string;
    const created = (await call("/product/202309/products", { json: product(uri) })).body.data;
    const id = created.product_id as string;
    const sku = created.skus[0].id as string;
    const price = await call(`/product/202309/products/${id}/prices/update`, { json: { skus: [{ id: sku, price: { amount: "46000", currency: "IDR" } }] } });
    expect(price.body.code).toBe(12052901);
    const stock = await call(`/product/202309/products/${id}/inventory/update`, { json: { skus: [{ id: sku, inventory: [{ warehouse_id: WH, quantity: 3 }] }] } });
    expect(stock.body.code).toBe(12052901);
    const off = await call("/product/202309/products/deactivate", { json: { product_ids: [id] } });
    expect(off.body).toMatchObject({ code: 0, data: { errors: [{ code: 12052901, detail: { product_id: id } }] } });
    // the partial edit takes them in any status but FREEZE/DELETED (§4.4)
    const edit = await call(`/product/202309/products/${id}/partial_edit`, { json: { skus: [{ id: sku, seller_sku: "KOPI-001", price: { amount: "46000", currency: "IDR" }, inventory: [{ warehouse_id: WH, quantity: 3 }] }] } });
    expect(edit.body.code).toBe(0);
    expect(mock.state.products[0]?.skus[0]).toMatchObject({ id: sku, price: { amount: "46000" }, inventory: [{ quantity: 3 }] });
    // once live, the cheap endpoints work
    mock.state.products[0]!.auditDueMs = 0;
    expect((await call(`/product/202309/products/${id}/prices/update`, { json: { skus: [{ id: sku, price: { amount: "47000", currency: "IDR" } }] } })).body.code).toBe(0);
  });
});

describe("limits and faults", () => {
  it("answers 429 with 36009002 over the per-endpoint limit (default 50/s)", async () => {
    expect(DEFAULT_RATE_LIMIT).toBe(50);
    await mock.close();
    mock = await startTikTokMock({ appSecret: "mock-secret", rateLimit: 5 });
    token = (await tokenGet(mock.issueAuthCode())).data.access_token;
    const results = await Promise.all(Array.from({ length: 20 }, () => call("/product/202309/categories")));
    const limited = results.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]?.body.code).toBe(36009002);
    // another endpoint has its own bucket
    expect((await call("/logistics/202309/warehouses")).status).toBe(200);
  });

  it("commit-then-drop commits the create and drops the answer", async () => {
    const uri = (await upload(makePng(400, 400, 6))).body.data.uri as string;
    mock.setFaults({ commitThenDrop: 1 });
    await expect(call("/product/202309/products", { json: product(uri) })).rejects.toThrow();
    mock.setFaults(undefined);
    expect(mock.state.products).toHaveLength(1);
  });
});
