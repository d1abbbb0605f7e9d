import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTarget, resolveTargetDefinition } from "../../src/target/open.js";
import { ConfigError, UsageError } from "../../src/errors.js";
import { silentLogger } from "../../src/log.js";
import { startMockServer, type MockServer } from "../../src/mock-server/index.js";
import { makeDesired } from "../builders.js";

/** Jamu (a drink) in the Tokopedia & Shop practice shop's tree. */
const PRACTICE_LEAF_ID = "600117";

const log = silentLogger();

describe("openTarget", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "desbumi-target-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("with no marketplace anywhere, opens the Tokopedia & Shop practice shop, whose state survives a restart", async () => {
    const env = { LANG: "id_ID.UTF-8" };
    const first = await openTarget({ flags: {}, env, baseDir: dir, log });
    expect(first.isPracticeShop).toBe(true);
    expect(first.definition.name).toBe("tiktok-shop");
    expect(first.label).toBe("practice shop / toko latihan (Tokopedia & Shop, mock marketplace / marketplace tiruan, .desbumi/practice-shop.json)");
    expect(first.adapter.label).toBe(first.label);
    const outcomes = await first.adapter.apply([
      { kind: "create", sku: "P-1", product: makeDesired({ sku: "P-1", name: "Jamu Latihan Kunyit Asam 250 ml", categoryId: PRACTICE_LEAF_ID }) },
    ]);
    expect(outcomes[0]?.status).toBe("applied");
    await first.close();
    expect(existsSync(join(dir, ".desbumi", "practice-shop.json"))).toBe(true);
    // The practice app's key/secret went into a copy of env, never into the caller's or process.env,
    // and its tokens were held in memory: nothing in the user's token store, nothing in the state file.
    expect(env).toEqual({ LANG: "id_ID.UTF-8" });
    expect(process.env.TIKTOK_SHOP_APP_SECRET).toBeUndefined();
    const state = await readFile(join(dir, ".desbumi", "practice-shop.json"), "utf8");
    expect(state).not.toMatch(/TTP_/);
    expect(JSON.parse(state)).toMatchObject({ grants: [], authCodes: [] });
    // The photo was uploaded (Tokopedia & Shop takes no outside links), once.
    expect(Object.keys((JSON.parse(state) as { images: object }).images)).toHaveLength(1);

    const second = await openTarget({ flags: {}, env, baseDir: dir, log });
    expect((await second.adapter.listListings()).map((l) => [l.sku, l.review?.state])).toEqual([["P-1", "in-review"]]);
    await second.close();
  });

  it("a practice shop of the old Tokopedia-style mock is moved aside and a new one starts", async () => {
    const file = join(dir, ".desbumi", "practice-shop.json");
    await mkdir(join(dir, ".desbumi"), { recursive: true });
    const old = JSON.stringify({ version: 1, shopId: 1, name: "Toko", etalase: [], nextProductId: 2, products: [] });
    await writeFile(file, old);
    const target = await openTarget({ flags: {}, env: {}, baseDir: dir, log });
    expect(await target.adapter.listListings()).toEqual([]);
    await target.close();
    const aside = (await readdir(join(dir, ".desbumi"))).filter((f) => f.startsWith("practice-shop.json.tokopedia-legacy-"));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, ".desbumi", aside[0]!), "utf8")).toBe(old);
  });

  it("the review clock: in review first, live once the practice shop's review time has passed", async () => {
    const env = { DESBUMI_PRACTICE_REVIEW_MS: "300" };
    const shop = await openTarget({ flags: {}, env, baseDir: dir, log });
    await shop.adapter.apply([{ kind: "create", sku: "R-1", product: makeDesired({ sku: "R-1", name: "Keripik Tempe Latihan Renyah 100 gr", categoryId: PRACTICE_LEAF_ID }) }]);
    expect((await shop.adapter.listListings())[0]?.review?.state).toBe("in-review");
    await new Promise((r) => setTimeout(r, 400));
    expect((await shop.adapter.listListings())[0]?.review?.state).toBe("live");
    await shop.close();
    await expect(openTarget({ flags: {}, env: { DESBUMI_PRACTICE_REVIEW_MS: "soon" }, baseDir: dir, log })).rejects.toThrow(/DESBUMI_PRACTICE_REVIEW_MS/);
  });

  it("a config group gets its own practice shop, named in the label", async () => {
    const alpha = await openTarget({ flags: {}, env: {}, baseDir: dir, log, group: "alpha" });
    expect(alpha.label).toBe("practice shop / toko latihan (Tokopedia & Shop, mock marketplace / marketplace tiruan, .desbumi/practice-shop-alpha.json)");
    await alpha.adapter.apply([
      { kind: "create", sku: "A-1", product: makeDesired({ sku: "A-1", name: "Jamu Alpha Beras Kencur 250 ml", categoryId: PRACTICE_LEAF_ID }) },
    ]);
    await alpha.close();
    expect(existsSync(join(dir, ".desbumi", "practice-shop-alpha.json"))).toBe(true);
    expect(existsSync(join(dir, ".desbumi", "practice-shop.json"))).toBe(false);

    const beta = await openTarget({ flags: {}, env: {}, baseDir: dir, log, group: "beta" });
    expect(await beta.adapter.listListings()).toEqual([]);
    await beta.close();
    const shared = await openTarget({ flags: {}, env: {}, baseDir: dir, log });
    expect(await shared.adapter.listListings()).toEqual([]);
    await shared.close();
  });

  describe("against a mock marketplace", () => {
    let server: MockServer;
    beforeEach(async () => {
      server = await startMockServer({ host: "127.0.0.1", port: 0, rateLimit: 1000, burst: 1000 });
    });
    afterEach(async () => {
      await server.close();
    });

    it("flags win over the config's marketplace block", async () => {
      const target = await openTarget({
        flags: { baseUrl: server.url, tokenUrl: server.tokenUrl, shopId: String(server.shopId) },
        marketplace: { adapter: "tokopedia", baseUrl: "http://127.0.0.1:9", tokenUrl: "http://127.0.0.1:9/token", fsId: server.fsId, shopId: 1 },
        env: { TOKOPEDIA_CLIENT_ID: server.credentials.clientId, TOKOPEDIA_CLIENT_SECRET: server.credentials.clientSecret },
        baseDir: dir,
        log,
      });
      expect(target.isPracticeShop).toBe(false);
      expect(target.label).toContain(`Tokopedia shop / toko Tokopedia ${server.shopId}`);
      expect(await target.adapter.listListings()).toEqual([]);
      await target.close();
    });

    it("credential variable names come from the config block", async () => {
      const target = await openTarget({
        flags: { marketplace: "tokopedia" },
        marketplace: {
          adapter: "tokopedia",
          baseUrl: server.url,
          tokenUrl: server.tokenUrl,
          fsId: String(server.fsId),
          shopId: server.shopId,
          clientIdEnv: "SHOP_A_ID",
          clientSecretEnv: "SHOP_A_SECRET",
        },
        env: { SHOP_A_ID: server.credentials.clientId, SHOP_A_SECRET: server.credentials.clientSecret },
        baseDir: dir,
        log,
      });
      expect(await target.adapter.listListings()).toEqual([]);
      await target.close();
    });
  });

  it("opens the config's adapter with its options", async () => {
    const target = await openTarget({
      flags: {},
      marketplace: { adapter: "memory", listings: [{ sku: "M-1", name: "Kopi", price: 10_000 }] },
      env: {},
      baseDir: dir,
      log,
    });
    expect(target.definition.name).toBe("memory");
    expect((await target.adapter.listListings()).map((l) => l.sku)).toEqual(["M-1"]);
    await target.close();
  });

  it("an unknown marketplace is a usage error listing the known ones", async () => {
    // NOTE: "shopee" was the example until issue 16 made it a real adapter.
    const error = await openTarget({ flags: { marketplace: "lazada" }, env: {}, baseDir: dir, log }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).text.en).toMatch(/lazada.*tokopedia.*shopee/);
    expect((error as UsageError).text.en).not.toContain("memory");
    expect((error as UsageError).text.id).toContain("tidak dikenal");
  });

  it("invalid options are a config error with one line per key path", async () => {
    const error = await openTarget({
      flags: { marketplace: "tokopedia", concurrency: 0 },
      marketplace: { adapter: "tokopedia", shopId: "toko-saya" },
      env: {},
      baseDir: dir,
      log,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const lines = (error as ConfigError).issues.map((t) => t.en);
    expect(lines.some((l) => l.startsWith("marketplace.fsId"))).toBe(true);
    expect(lines.some((l) => l.startsWith("marketplace.shopId"))).toBe(true);
    expect(lines.some((l) => l.startsWith("marketplace.concurrency"))).toBe(true);
    expect((error as ConfigError).issues.every((t) => t.id !== "" && t.en !== "")).toBe(true);
  });

  it("connection flags without a marketplace, or for an adapter without them, are usage errors", async () => {
    await expect(openTarget({ flags: { fsId: "1" }, env: {}, baseDir: dir, log })).rejects.toThrow(/--fs-id only applies with --marketplace/);
    await expect(openTarget({ flags: { marketplace: "memory", baseUrl: "http://127.0.0.1:9" }, env: {}, baseDir: dir, log })).rejects.toThrow(
      /--base-url does not apply to marketplace "memory"/,
    );
    expect(existsSync(join(dir, ".desbumi"))).toBe(false);
  });

  it("resolveTargetDefinition names the adapter offline (practice shop = tiktok-shop rules)", () => {
    expect(resolveTargetDefinition({ flags: {} })).toMatchObject({ isPracticeShop: true, definition: { name: "tiktok-shop" } });
    expect(resolveTargetDefinition({ flags: { marketplace: "memory" } }).definition.name).toBe("memory");
  });
});
