// Shopee signing exactly as documented (issue 16): the reference's worked vectors (key
// shpk_mock_partner_key_0001) for a Shop call and two Public calls.
import { expect, test } from "vitest";
import { hmacSha256Hex } from "../../src/adapters/shared/sign.js";
import { authorizationLink, publicBase, publicQuery, shopBase, shopQuery } from "../../src/adapters/shopee/sign.js";

const KEY = "shpk_mock_partner_key_0001";

test("the shop base string and its sign match the reference vector", () => {
  const base = shopBase(2001887, "/api/v2/shop/get_shop_info", 1655714431, "59777174636562737266615546704c6d", 14701711);
  expect(base).toBe("2001887/api/v2/shop/get_shop_info165571443159777174636562737266615546704c6d14701711");
  expect(hmacSha256Hex(KEY, base)).toBe("f05ed5f5e8eeee8d8ae8d4aab07af1e5fe1038d95187070ad664e0ff4552c0f1");
  const q = shopQuery({ partnerId: 2001887, partnerKey: KEY }, "/api/v2/shop/get_shop_info", 1655714431, "59777174636562737266615546704c6d", 14701711);
  expect(Object.fromEntries(q)).toEqual({
    partner_id: "2001887",
    timestamp: "1655714431",
    access_token: "59777174636562737266615546704c6d",
    shop_id: "14701711",
    sign: "f05ed5f5e8eeee8d8ae8d4aab07af1e5fe1038d95187070ad664e0ff4552c0f1",
  });
});

test("public calls sign partner_id + path + timestamp only", () => {
  expect(publicBase(2001887, "/api/v2/auth/token/get", 1655714431)).toBe("2001887/api/v2/auth/token/get1655714431");
  expect(publicQuery({ partnerId: 2001887, partnerKey: KEY }, "/api/v2/auth/token/get", 1655714431).get("sign")).toBe("7e6515927539b86d0a7f77863f1dba489a34c871e7ae2e3a0af1ed60c1e91370");
  expect(hmacSha256Hex(KEY, publicBase(2001887, "/api/v2/public/get_shops_by_partner", 1655714431))).toBe("b01f60b3c4ff3e4cc38a3805cf28dd6c936bce36cd3e6516ef9634c2c0d444d7");
});

test("the authorization link is signed for auth_partner and carries the redirect", () => {
  const link = new URL(authorizationLink("https://partner.shopeemobile.com/", { partnerId: 2001887, partnerKey: KEY }, "https://localhost/done", 1655714431));
  expect(link.origin + link.pathname).toBe("https://partner.shopeemobile.com/api/v2/shop/auth_partner");
  expect(link.searchParams.get("sign")).toBe(hmacSha256Hex(KEY, "2001887/api/v2/shop/auth_partner1655714431"));
  expect(link.searchParams.get("redirect")).toBe("https://localhost/done");
});
