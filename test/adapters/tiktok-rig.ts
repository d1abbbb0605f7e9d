// A tiktok-shop test rig: the mock on 127.0.0.1 port 0, a temp DESBUMI_HOME and project folder, a
// loopback photo server (photo URLs on img.example.test are served by it), a shop connected
// through the real connect flow, and helpers to seed products straight into the mock.
import { createServer, type Server } from "node:http";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { silentLogger } from "../../src/log.js";
import { startTikTokMock, type TikTokMock, type TikTokMockOptions } from "../../src/mock-server/tiktok-shop/index.js";
import type { MockProduct } from "../../src/mock-server/tiktok-shop/state.js";
import { tiktokShopOptionsSchema, type TikTokShopOptions } from "../../src/adapters/tiktok-shop/definition.js";
import { connectTikTokShop } from "../../src/adapters/tiktok-shop/connect.js";
import { createTikTokShopAdapter } from "../../src/adapters/tiktok-shop/index.js";
import type { MarketplaceAdapter } from "../../src/adapters/types.js";
import { encodePng } from "../check/png.js";

export const TIKTOK_LEAF_ID = "600102"; // Kopi
export const WAREHOUSE_ID = "7300000000000000001";

/** A real (decodable) PNG of one colour; `seed` picks the colour so contents differ. */
export const makePng = (width: number, height: number, seed: number): Buffer =>
  encodePng(width, height, [seed & 0xff, (seed >> 8) & 0xff, (seed >> 16) & 0xff]);

const hashPath = (p: string): number => {
  let h = 7;
  for (const ch of p) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h & 0xffffff;
};

export interface PhotoServer {
  url: string;
  requests: () => number;
  /** fetch that sends img.example.test to this loopback server (tests never leave 127.0.0.1). */
  fetch: typeof fetch;
  close(): Promise<void>;
}

export async function startPhotoServer(): Promise<PhotoServer> {
  let count = 0;
  const server: Server = createServer((req, res) => {
    count += 1;
    const body = makePng(320, 320, hashPath(req.url ?? "/"));
    res.writeHead(200, { "Content-Type": "image/png", "Content-Length": body.length });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const rewrite: typeof fetch = (input, init) => {
    const u = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    if (u.hostname !== "127.0.0.1") {
      if (u.hostname !== "img.example.test") throw new Error(`test tried to reach ${u.hostname}`);
      return fetch(`${url}${u.pathname}`, init);
    }
    return fetch(u, init);
  };
  return {
    url,
    requests: () => count,
    fetch: rewrite,
    close: () => new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    }),
  };
}

export interface TikTokRig {
  mock: TikTokMock;
  photos: PhotoServer;
  home: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  options: TikTokShopOptions;
  adapter(): Promise<MarketplaceAdapter>;
  seed(p: { sku?: string; name: string; price: number; stock: number; status?: "active" | "inactive" }): MockProduct;
  stop(): Promise<void>;
}

export async function startTikTokRig(mockOptions: TikTokMockOptions = {}, optionOverrides: Partial<TikTokShopOptions> = {}): Promise<TikTokRig> {
  const mock = await startTikTokMock({ appSecret: "test-secret-0123456789", ...mockOptions });
  const photos = await startPhotoServer();
  const home = await mkdtemp(join(tmpdir(), "desbumi-tts-home-"));
  const cwd = await mkdtemp(join(tmpdir(), "desbumi-tts-proj-"));
  const env: NodeJS.ProcessEnv = { DESBUMI_HOME: home, TIKTOK_SHOP_APP_KEY: mock.appKey, TIKTOK_SHOP_APP_SECRET: mock.appSecret };
  const options = tiktokShopOptionsSchema.parse({ baseUrl: mock.url, authUrl: mock.url, consentUrl: `${mock.url}/open/authorize`, serviceId: mock.serviceId, retryBaseMs: 5, ...optionOverrides });
  const log = silentLogger();
  await connectTikTokShop(options, { log, env, cwd, group: "default", code: mock.issueAuthCode(), say: () => undefined, ask: async () => undefined });
  const opened: MarketplaceAdapter[] = [];
  return {
    mock,
    photos,
    home,
    cwd,
    env,
    options,
    adapter: async () => {
      const a = await createTikTokShopAdapter(options, { log, env, cwd, group: "default", fetch: photos.fetch });
      opened.push(a);
      return a;
    },
    seed: ({ sku, name, price, stock, status }) => {
      const s = mock.state;
      const id = `17${String(900000 + s.nextId++).padStart(17, "0")}`;
      const now = Math.floor(Date.now() / 1000) - 60;
      const product: MockProduct = {
        id,
        shopId: s.shops[0]?.id ?? "",
        title: name,
        description: "",
        category_id: TIKTOK_LEAF_ID,
        main_images: [],
        package_weight: { value: "0.25", unit: "KILOGRAM" },
        product_attributes: [],
        certifications: [],
        skus: [{ id: `18${String(900000 + s.nextId++).padStart(17, "0")}`, ...(sku !== undefined ? { seller_sku: sku } : {}), price: { amount: String(price), currency: "IDR" }, inventory: [{ warehouse_id: WAREHOUSE_ID, quantity: stock }], sales_attributes: [], status: "NORMAL" }],
        listing_platforms: ["TOKOPEDIA", "TIKTOK_SHOP"],
        status: status === "inactive" ? "SELLER_DEACTIVATED" : "ACTIVATE",
        audit: status === "inactive" ? "NONE" : "APPROVED",
        audit_failed_reasons: [],
        create_time: now,
        update_time: now,
      };
      s.products.push(product);
      return product;
    },
    stop: async () => {
      for (const a of opened) await a.close().catch(() => undefined);
      await mock.close();
      await photos.close();
    },
  };
}
