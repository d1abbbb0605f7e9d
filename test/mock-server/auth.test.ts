// Token issuance, Bearer enforcement, fs_id/shop binding (reference §2, §3).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMockServer, type MockServer } from "../../src/mock-server/index.js";
import { basicOf, call, clientFor, fetchToken } from "./http.js";

let now = 1_700_000_000_000;
let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ clientId: "practice-id", clientSecret: "practice-secret", tokenTtlSeconds: 60, clock: () => now, rateLimit: 1000, burst: 1000 });
});
afterAll(() => server.close());

const tokenCall = (auth?: string, query = "?grant_type=client_credentials") =>
  call(`${server.tokenUrl}${query}`, { method: "POST", ...(auth ? { headers: { authorization: auth } } : {}) });

describe("POST /token", () => {
  test("issues a Bearer token and the same one until it expires", async () => {
    expect(server.tokenUrl).toBe(`${server.url}/token`);
    const first = await tokenCall(basicOf("practice-id", "practice-secret"));
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ token_type: "Bearer", expires_in: 60 });
    expect(typeof first.json.access_token).toBe("string");
    now += 20_000;
    const second = await tokenCall(basicOf("practice-id", "practice-secret"));
    expect(second.json.access_token).toBe(first.json.access_token);
    expect(second.json.expires_in).toBe(40);
    expect(second.headers["x-ratelimit-limit"]).toBeDefined();
  });

  test.each([
    ["no Authorization", undefined],
    ["wrong secret", basicOf("practice-id", "nope")],
    ["wrong id", basicOf("someone", "practice-secret")],
    ["not Basic", "Bearer abc"],
    ["garbage", "Basic !!!"],
  ])("%s → 401 envelope", async (_label, auth) => {
    const res = await tokenCall(auth);
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ header: { messages: "Unauthorized" }, data: null });
  });

  test("grant_type other than client_credentials → 400", async () => {
    const res = await tokenCall(basicOf("practice-id", "practice-secret"), "?grant_type=password");
    expect(res.status).toBe(400);
    expect(res.json.data).toBeNull();
  });
});

describe("Bearer on product routes", () => {
  const info = (auth?: string) =>
    call(`${server.url}/inventory/v1/fs/${server.fsId}/product/info?product_id=1`, auth ? { headers: { authorization: auth } } : {});

  test("missing or unknown token → 401 envelope with rate-limit headers", async () => {
    for (const auth of [undefined, "Bearer not-the-token", "Basic abc"]) {
      const res = await info(auth);
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ header: expect.objectContaining({ messages: "Unauthorized" }), data: null });
      expect(res.headers["x-ratelimit-remaining"]).toMatch(/^\d+$/);
    }
  });

  test("an expired token → 401; a new one is issued after expiry", async () => {
    const old = await fetchToken(server);
    expect((await info(`Bearer ${old}`)).status).toBe(200);
    now += 61_000;
    const expired = await info(`Bearer ${old}`);
    expect(expired.status).toBe(401);
    expect(expired.json.header.messages).toBe("Unauthorized");
    const fresh = await fetchToken(server);
    expect(fresh).not.toBe(old);
    expect((await info(`Bearer ${fresh}`)).status).toBe(200);
  });
});

describe("fs_id and shop binding", () => {
  test("unknown fs_id → 403 RBAC_MDLW_001", async () => {
    const token = await fetchToken(server);
    const res = await call(`${server.url}/inventory/v1/fs/999/product/etalase?shop_id=${server.shopId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ header: { error_code: "RBAC_MDLW_001" }, data: null });
  });

  test("shop not bound to the fs_id → 403 RBAC_MDLW_001", async () => {
    const api = clientFor(server, await fetchToken(server));
    const res = await api("GET", "/inventory/v1/fs/:fs/product/etalase", { noShop: true, query: { shop_id: 111 } });
    expect(res.status).toBe(403);
    expect(res.json.header.error_code).toBe("RBAC_MDLW_001");
  });

  test("missing shop_id → 400 PRD_DLV_016; bad shop_id → PRD_DLV_003; bad fs_id → PRD_DLV_002", async () => {
    const token = await fetchToken(server);
    const api = clientFor(server, token);
    const missing = await api("POST", "/v1/products/fs/:fs/active", { noShop: true, body: { product_id: [1] } });
    expect([missing.status, missing.json.header.error_code]).toEqual([400, "PRD_DLV_016"]);
    const bad = await api("POST", "/v1/products/fs/:fs/active", { noShop: true, query: { shop_id: "abc" }, body: { product_id: [1] } });
    expect([bad.status, bad.json.header.error_code]).toEqual([400, "PRD_DLV_003"]);
    const badFs = await call(`${server.url}/inventory/v1/fs/abc/product/category`, { headers: { authorization: `Bearer ${token}` } });
    expect([badFs.status, badFs.json.header.error_code]).toEqual([400, "PRD_DLV_002"]);
    expect(badFs.json.header.messages).toBe("We could not process your request due to malformed request, please check again");
  });

  test("unknown path → 404 envelope; wrong method → 405", async () => {
    const token = await fetchToken(server);
    const res = await call(`${server.url}/v9/nothing`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(404);
    expect(res.json.data).toBeNull();
    const wrong = await call(`${server.url}/inventory/v1/fs/${server.fsId}/product/info?product_id=1`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: {},
    });
    expect(wrong.status).toBe(405);
  });
});
