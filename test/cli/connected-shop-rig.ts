// A project folder connected to a marketplace mock on 127.0.0.1:0, through the real `desbumi connect`,
// for end-to-end CLI tests (the attribute tests share it). Registers its own vitest hooks.
import { createHmac } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { main } from "../../src/cli/index.js";
import { startShopeeMock, type ShopeeMockServer } from "../../src/mock-server/shopee/index.js";
import { startTikTokMock, type TikTokMock } from "../../src/mock-server/tiktok-shop/index.js";
import { startPhotoServer as startShopeePhotos } from "../adapters/shopee-rig.js";
import { startPhotoServer as startTikTokPhotos, type PhotoServer } from "../adapters/tiktok-rig.js";
import { makeIo, tempDir, type TestIo } from "../sync/harness.js";

export interface ConnectedRig<M> {
  readonly mock: M;
  readonly photos: { url: string };
  readonly cwd: string;
  /** `desbumi --lang en ARGS` in the connected folder (Shopee's with --log-level silent). */
  run(args: string[]): Promise<{ code: number; io: TestIo }>;
}

const GROUP = { id: "desa", name: "Kelompok Desa", catalog: "katalog.csv" };

/** The rig's run; mock, photos and cwd are filled in by the hook that starts them. */
const filledIn = <M>(run: ConnectedRig<M>["run"]): ConnectedRig<M> => ({ run }) as ConnectedRig<M>;

async function cli(args: string[], at: { cwd: string; env: NodeJS.ProcessEnv }, quiet: boolean): Promise<{ code: number; io: TestIo }> {
  const io = makeIo(at);
  return { code: await main(["--lang", "en", ...(quiet ? ["--log-level", "silent"] : []), ...args], io), io };
}

/** One Tokopedia & Shop mock and folder for the whole file (connected once, in beforeAll). */
export function connectedTikTokShop(appSecret: string, opts: { quiet?: boolean } = {}): ConnectedRig<TikTokMock> {
  let mock: TikTokMock;
  let photos: PhotoServer;
  let home: string;
  const rig: ConnectedRig<TikTokMock> = filledIn((args) =>
    cli(args, { cwd: rig.cwd, env: { DESBUMI_HOME: home, TIKTOK_SHOP_APP_KEY: mock.appKey, TIKTOK_SHOP_APP_SECRET: mock.appSecret } }, opts.quiet === true),
  );
  beforeAll(async () => {
    mock = await startTikTokMock({ appSecret });
    photos = await startTikTokPhotos();
    const cwd = await tempDir();
    home = await tempDir();
    Object.assign(rig, { mock, photos, cwd });
    const marketplace = { adapter: "tiktok-shop", serviceId: mock.serviceId, baseUrl: mock.url, authUrl: mock.url, consentUrl: `${mock.url}/open/authorize`, retryBaseMs: 5 };
    await writeFile(join(cwd, "desbumi.config.json"), JSON.stringify({ marketplace, groups: [GROUP] }));
    const connected = await rig.run(["connect", "tiktok-shop", "--code", `${mock.url}/callback?code=${mock.issueAuthCode()}&state=x`]);
    expect(connected.code, connected.io.stderr.text).toBe(0);
  });
  afterAll(async () => {
    await mock.close();
    await photos.close();
  });
  return rig;
}

/** A fresh Shopee mock and folder for each test (connected in beforeEach, via auth_partner's landing). */
export function connectedShopee(): ConnectedRig<ShopeeMockServer> {
  let mock: ShopeeMockServer;
  let photos: Awaited<ReturnType<typeof startShopeePhotos>>;
  let env: NodeJS.ProcessEnv;
  const rig: ConnectedRig<ShopeeMockServer> = filledIn((args) => cli(args, { cwd: rig.cwd, env }, true));
  beforeEach(async () => {
    photos = await startShopeePhotos();
    mock = await startShopeeMock({ rateLimit: 1000 });
    const cwd = await tempDir();
    Object.assign(rig, { mock, photos, cwd });
    env = { DESBUMI_HOME: join(cwd, "home"), SHOPEE_PARTNER_ID: String(mock.partnerId), SHOPEE_PARTNER_KEY: mock.partnerKey, LANG: "en_US.UTF-8" };
    await writeFile(join(cwd, "desbumi.config.json"), JSON.stringify({ marketplace: { adapter: "shopee", baseUrl: mock.url, pace: 1000, retryBaseMs: 5 }, groups: [GROUP] }));
    const ts = Math.floor(Date.now() / 1000);
    const path = "/api/v2/shop/auth_partner";
    const sign = createHmac("sha256", mock.partnerKey).update(`${mock.partnerId}${path}${ts}`).digest("hex");
    const res = await fetch(`${mock.url}${path}?partner_id=${mock.partnerId}&timestamp=${ts}&sign=${sign}&redirect=${encodeURIComponent("https://localhost/x")}`, { redirect: "manual" });
    const landing = new URL(res.headers.get("location") ?? "");
    const connected = await rig.run(["connect", "shopee", "--code", landing.searchParams.get("code") ?? "", "--shop-id", landing.searchParams.get("shop_id") ?? ""]);
    expect(connected.code, connected.io.stderr.text).toBe(0);
  });
  afterEach(async () => {
    await mock.close();
    await photos.close();
  });
  return rig;
}
