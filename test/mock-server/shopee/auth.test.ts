// The Shopee mock's authorization and signatures (issue 16, mock items 2-5).
import { afterEach, describe, expect, it } from "vitest";
import { startShopeeMock, type ShopeeMockServer } from "../../../src/mock-server/shopee/index.js";
import { hmacHex } from "../../../src/mock-server/shopee/sign.js";
import { TestClient, sign } from "./client.js";

let server: ShopeeMockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("shopee mock: signatures", () => {
  it("computes the reference's worked vectors", () => {
    const key = "shpk_mock_partner_key_0001";
    expect(hmacHex(key, "2001887/api/v2/shop/get_shop_info165571443159777174636562737266615546704c6d14701711")).toBe(
      "f05ed5f5e8eeee8d8ae8d4aab07af1e5fe1038d95187070ad664e0ff4552c0f1",
    );
    expect(hmacHex(key, "2001887/api/v2/auth/token/get1655714431")).toBe("7e6515927539b86d0a7f77863f1dba489a34c871e7ae2e3a0af1ed60c1e91370");
    expect(hmacHex(key, "2001887/api/v2/public/get_shops_by_partner1655714431")).toBe("b01f60b3c4ff3e4cc38a3805cf28dd6c936bce36cd3e6516ef9634c2c0d444d7");
  });

  it("refuses a wrong sign, an old timestamp, a missing token and another shop's id", async () => {
    server = await startShopeeMock();
    const c = new TestClient(server);
    await c.connect();
    const path = "/api/v2/product/get_item_list";
    const good = c.shopQuery(path, { offset: "0", page_size: "10", item_status: "NORMAL" });
    expect((await c.raw(path, good)).body.error).toBe("");

    const wrong = new URLSearchParams(good);
    wrong.set("sign", "0".repeat(64));
    expect(await c.raw(path, wrong)).toMatchObject({ status: 403, body: { error: "error_sign", message: "Wrong sign." } });

    const old = new TestClient(server, () => Math.floor(Date.now() / 1000) - 301);
    old.accessToken = c.accessToken;
    expect((await old.raw(path, old.shopQuery(path))).body).toMatchObject({ error: "error_param", message: "Timestamp is expired." });

    const noToken = new URLSearchParams(good);
    noToken.delete("access_token");
    expect((await c.raw(path, noToken)).body.error).toBe("error_param");

    const otherShop = new URLSearchParams(good);
    const ts = otherShop.get("timestamp") ?? "";
    otherShop.set("shop_id", "999");
    otherShop.set("sign", sign(server.partnerKey, `${server.partnerId}${path}${ts}${c.accessToken}999`));
    expect((await c.raw(path, otherShop)).body).toMatchObject({ error: "error_auth", message: "Invalid partner_id or shopid." });

    const unknown = new TestClient(server);
    unknown.accessToken = "f".repeat(32);
    expect((await unknown.get(path, { offset: "0", page_size: "10", item_status: "NORMAL" })).body.error).toBe("invalid_acceess_token");
  });
});

describe("shopee mock: authorization and tokens", () => {
  it("redirects with a single-use code and answers tokens flat", async () => {
    server = await startShopeeMock();
    const c = new TestClient(server);
    const path = "/api/v2/shop/auth_partner";
    const res = await c.raw(path, c.publicQuery(path, { redirect: "https://desa.example.test/landing" }));
    expect(res.status).toBe(302);
    const landing = new URL(res.headers.get("location") ?? "");
    expect(landing.searchParams.get("shop_id")).toBe(String(server.shopId));
    const code = landing.searchParams.get("code") ?? "";
    expect(code).toMatch(/^[0-9a-f]{32}$/);
    const body = { code, partner_id: server.partnerId, shop_id: server.shopId };
    const first = await c.post("/api/v2/auth/token/get", body, true);
    expect(first.body).toMatchObject({ error: "", expire_in: 14_400 });
    expect(first.body.response).toBeUndefined();
    expect(first.body.request_id).toMatch(/^[0-9a-f]{32}$/);
    expect((await c.post("/api/v2/auth/token/get", body, true)).body.error).toBe("invalid_code");
  });

  it("refresh tokens are single-use; the old access token lives 5 more minutes", async () => {
    let now = Date.now();
    server = await startShopeeMock({ clock: () => now });
    const c = new TestClient(server, () => Math.floor(now / 1000));
    const { refreshToken } = await c.connect();
    const oldAccess = c.accessToken;
    const refresh = (token: string) => c.post("/api/v2/auth/access_token/get", { refresh_token: token, partner_id: server?.partnerId, shop_id: server?.shopId }, true);
    const next = await refresh(refreshToken);
    expect(next.body).toMatchObject({ error: "", shop_id: server.shopId, partner_id: server.partnerId, expire_in: 14_400 });
    expect((await refresh(refreshToken)).body.error).toBe("error_shop_refresh_token");
    expect((await refresh(String(next.body.refresh_token))).body.error).toBe("");

    const list = () => c.get("/api/v2/product/get_item_list", { offset: "0", page_size: "1", item_status: "NORMAL" });
    expect((await list()).body.error).toBe("");
    now += 301_000;
    c.accessToken = oldAccess;
    expect((await list()).body.error).toBe("invalid_acceess_token");
  });

  it("an access token expires after 4 hours, a refresh token after 30 days; revoking stops both", async () => {
    let now = Date.now();
    server = await startShopeeMock({ clock: () => now });
    const c = new TestClient(server, () => Math.floor(now / 1000));
    const { refreshToken } = await c.connect();
    now += 14_401_000;
    expect((await c.get("/api/v2/product/get_item_list", { offset: "0", page_size: "1", item_status: "NORMAL" })).body.error).toBe("invalid_acceess_token");
    now += 30 * 86_400_000;
    const expired = await c.post("/api/v2/auth/access_token/get", { refresh_token: refreshToken, partner_id: server.partnerId, shop_id: server.shopId }, true);
    expect(expired.body.error).toBe("refresh_token_expired");

    const again = await c.connect();
    server.revoke();
    const revoked = await c.post("/api/v2/auth/access_token/get", { refresh_token: again.refreshToken, partner_id: server.partnerId, shop_id: server.shopId }, true);
    expect(revoked.body.error).toBe("shop_access_expired");
  });
});
