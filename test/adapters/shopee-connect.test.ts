// `desbumi connect shopee` through the adapter's connect hook (issue 16): the signed link is printed,
// the landing address is asked for and exchanged, tokens land in the token store (0600), never in
// what is printed; a used code and missing partner credentials are plain errors.
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { TokenStore } from "../../src/adapters/shared/token-store.js";
import { connectShopee, parseLanding } from "../../src/adapters/shopee/connect.js";
import { shopeeOptionsSchema } from "../../src/adapters/shopee/definition.js";
import { AdapterError } from "../../src/errors.js";
import type { Text } from "../../src/i18n.js";
import { silentLogger } from "../../src/log.js";
import { startShopeeMock, type ShopeeMockServer } from "../../src/mock-server/shopee/index.js";

let server: ShopeeMockServer;
let home: string;
beforeEach(async () => {
  server = await startShopeeMock();
  home = await mkdtemp(join(tmpdir(), "desbumi-shopee-home-"));
});
afterEach(async () => {
  await server.close();
  await rm(home, { recursive: true, force: true });
});

const envOf = (): NodeJS.ProcessEnv => ({ DESBUMI_HOME: home, SHOPEE_PARTNER_ID: String(server.partnerId), SHOPEE_PARTNER_KEY: server.partnerKey });

it("prints a signed 5-minute link, asks for the landing address, stores the tokens 0600", async () => {
  const said: Text[] = [];
  let landing = "";
  const result = await connectShopee(shopeeOptionsSchema.parse({ baseUrl: server.url }), {
    log: silentLogger(),
    env: envOf(),
    cwd: home,
    group: "muiwo",
    say: (t) => said.push(t),
    ask: async () => {
      const link = /https?:\/\/\S+auth_partner\S+/.exec(said[0]?.en ?? "")?.[0] ?? "";
      landing = (await fetch(link, { redirect: "manual" })).headers.get("location") ?? "";
      return landing;
    },
  });
  expect(said[0]?.en).toMatch(/within 5 minutes/);
  expect(said[0]?.id).toMatch(/dalam 5 menit/);
  expect(landing).toMatch(/code=[0-9a-f]{32}&shop_id=14701711/);
  expect(result.shop.id).toBe(String(server.shopId));
  const store = new TokenStore(home);
  const auth = await store.read("shopee", "muiwo");
  expect(auth?.tokens.accessToken).toMatch(/^[0-9a-f]{32}$/);
  expect((await stat(store.file("shopee", "muiwo"))).mode & 0o777).toBe(0o600);
  for (const t of said) for (const secret of [server.partnerKey, auth?.tokens.accessToken ?? "", auth?.tokens.refreshToken ?? ""]) expect(`${t.en}${t.id}`).not.toContain(secret);
});

it("a code used twice is one plain bilingual error", async () => {
  const options = shopeeOptionsSchema.parse({ baseUrl: server.url });
  const { authorizationLink } = await import("../../src/adapters/shopee/sign.js");
  const link = authorizationLink(server.url, { partnerId: server.partnerId, partnerKey: server.partnerKey }, options.redirectUrl, Math.floor(Date.now() / 1000));
  const landing = (await fetch(link, { redirect: "manual" })).headers.get("location") ?? "";
  const ctx = { log: silentLogger(), env: envOf(), cwd: home, group: "default", code: landing, say: () => undefined, ask: async () => undefined };
  await connectShopee(options, ctx);
  const error = await connectShopee(options, ctx).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AdapterError);
  expect((error as AdapterError).text.en).toMatch(/did not accept that code \(invalid_code\).*desbumi connect shopee/);
  expect((error as AdapterError).text.id).toMatch(/tidak menerima kode itu/);
});

it("partner id and key only from the environment", async () => {
  const error = await connectShopee(shopeeOptionsSchema.parse({ baseUrl: server.url }), { log: silentLogger(), env: { DESBUMI_HOME: home }, cwd: home, group: "default", code: "x", say: () => undefined, ask: async () => undefined }).catch((e: unknown) => e);
  expect((error as AdapterError).text.en).toMatch(/Set SHOPEE_PARTNER_ID and SHOPEE_PARTNER_KEY in the environment/);
});

it("reads the landing address or a bare code", () => {
  expect(parseLanding("https://localhost/desbumi/shopee-connected?code=abc&shop_id=42")).toEqual({ code: "abc", shopId: 42 });
  expect(parseLanding("  abc ")).toEqual({ code: "abc" });
});

it("reference A1: a landing with main_account_id is exchanged with main_account_id; the shop comes from shop_id_list and refreshes on its own", async () => {
  const main = await startShopeeMock({ mainAccountId: 7001 });
  try {
    const env = { DESBUMI_HOME: home, SHOPEE_PARTNER_ID: String(main.partnerId), SHOPEE_PARTNER_KEY: main.partnerKey };
    const options = shopeeOptionsSchema.parse({ baseUrl: main.url });
    const { authorizationLink } = await import("../../src/adapters/shopee/sign.js");
    const link = authorizationLink(main.url, { partnerId: main.partnerId, partnerKey: main.partnerKey }, options.redirectUrl, Math.floor(Date.now() / 1000));
    const landing = (await fetch(link, { redirect: "manual" })).headers.get("location") ?? "";
    expect(parseLanding(landing)).toEqual({ code: expect.stringMatching(/^[0-9a-f]{32}$/), mainAccountId: 7001 });
    const result = await connectShopee(options, { log: silentLogger(), env, cwd: home, group: "default", code: landing, say: () => undefined, ask: async () => undefined });
    expect(result.shop.id).toBe(String(main.shopId));
    expect(main.tokenCounts().exchanges).toBe(1);
    const { createShopeeAdapter } = await import("../../src/adapters/shopee/index.js");
    main.expireAccessTokens();
    const adapter = await createShopeeAdapter(options, { log: silentLogger(), env, cwd: home });
    expect(await adapter.listListings()).toEqual([]);
    expect(main.tokenCounts().refreshes).toBe(1);
    await adapter.close();
  } finally {
    await main.close();
  }
});
