// Starts the Shopee mock and a loopback photo server on 127.0.0.1:0, connects a shop through the
// real authorization flow (auth_partner -> landing address -> connect hook -> token store in a
// temp DESBUMI_HOME) and builds the shopee adapter pointed at the mock.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Logger } from "pino";
import { createShopeeAdapter, shopeeOptionsSchema, type ShopeeAdapter, type ShopeeOptionsInput } from "../../src/adapters/shopee/index.js";
import { connectShopee } from "../../src/adapters/shopee/connect.js";
import { authorizationLink } from "../../src/adapters/shopee/sign.js";
import { silentLogger } from "../../src/log.js";
import { startShopeeMock, SEED_CATEGORY_ID, type SeedItem, type ShopeeMockOptions, type ShopeeMockServer } from "../../src/mock-server/shopee/index.js";
import type { SeedListing } from "./contract.js";

/** Masker Kain: a leaf without mandatory attributes. */
export const SHOPEE_LEAF_ID = String(SEED_CATEGORY_ID);

/** A PNG the mock accepts, different for every `marker` (so each photo has its own hash). */
export function pngBytes(marker: string, width = 600, height = 600): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write("IHDR", 4, "ascii");
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr[16] = 8;
  ihdr[17] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.from(`desbumi-test:${marker}`)]);
}

/** Serves pngBytes(<path>) for any path; counts downloads. */
export async function startPhotoServer(): Promise<{ url: string; downloads: () => number; close(): Promise<void> }> {
  let downloads = 0;
  const server: Server = createServer((req, res) => {
    downloads += 1;
    const body = pngBytes(req.url ?? "/");
    res.writeHead(200, { "Content-Type": "image/png", "Content-Length": body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, downloads: () => downloads, close: () => new Promise((r) => server.close(() => r())) };
}

/** Photo URLs of test catalogues name img.example.test; this fetch serves them from the loopback server. */
export const loopbackPhotos = (photoUrl: string): typeof fetch => (input, init) => {
  const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
  if (url.hostname !== "127.0.0.1") return fetch(`${photoUrl}${url.pathname}`, init);
  return fetch(input, init);
};

export interface ShopeeRig {
  server: ShopeeMockServer;
  adapter: ShopeeAdapter;
  env: NodeJS.ProcessEnv;
  home: string;
  dir: string;
  photos: Awaited<ReturnType<typeof startPhotoServer>>;
  /** A fresh adapter on the same shop, token store and photo cache (a second run). */
  reopen(): Promise<ShopeeAdapter>;
  stop(): Promise<void>;
}

export const toSeedItem = (s: SeedListing): SeedItem => ({ sku: s.sku, name: s.name, price: s.price, stock: s.stock, ...(s.status === "inactive" ? { status: "UNLIST" } : {}) });

/** Connects the mock's shop the way a seller does: open the link, follow the redirect, paste the address. */
export async function connectThroughMock(server: ShopeeMockServer, env: NodeJS.ProcessEnv, group = "default"): Promise<void> {
  const options = shopeeOptionsSchema.parse({ baseUrl: server.url });
  const link = authorizationLink(server.url, { partnerId: server.partnerId, partnerKey: server.partnerKey }, options.redirectUrl, Math.floor(Date.now() / 1000));
  const landing = (await fetch(link, { redirect: "manual" })).headers.get("location") ?? "";
  await connectShopee(options, { log: silentLogger(), env, cwd: process.cwd(), group, code: landing, say: () => undefined, ask: async () => undefined });
}

export interface ShopeeRigOptions {
  seed?: readonly SeedListing[];
  seedItems?: readonly SeedItem[];
  server?: ShopeeMockOptions;
  adapter?: Partial<ShopeeOptionsInput>;
  log?: Logger;
  /** Wraps the adapter's API fetch (tests reshape the mock's answers into other shapes the reference allows). */
  apiFetch?: (real: typeof fetch) => typeof fetch;
}

export async function startShopeeRig(opts: ShopeeRigOptions = {}): Promise<ShopeeRig> {
  const dir = await mkdtemp(join(tmpdir(), "desbumi-shopee-"));
  const home = join(dir, "home");
  const photos = await startPhotoServer();
  const server = await startShopeeMock({ rateLimit: 1000, seed: [...(opts.seed ?? []).map(toSeedItem), ...(opts.seedItems ?? [])], ...opts.server });
  const env: NodeJS.ProcessEnv = { DESBUMI_HOME: home, SHOPEE_PARTNER_ID: String(server.partnerId), SHOPEE_PARTNER_KEY: server.partnerKey };
  await connectThroughMock(server, env);
  const open = (): Promise<ShopeeAdapter> =>
    createShopeeAdapter(shopeeOptionsSchema.parse({ baseUrl: server.url, pace: 1000, retryBaseMs: 5, requestTimeoutMs: 5_000, ...opts.adapter }), {
      log: opts.log ?? silentLogger(),
      env,
      cwd: dir,
      fetch: loopbackPhotos(photos.url),
    }, opts.apiFetch ? { apiFetch: opts.apiFetch(globalThis.fetch) } : {});
  let adapter = await open();
  return {
    server,
    get adapter() {
      return adapter;
    },
    env,
    home,
    dir,
    photos,
    async reopen() {
      await adapter.close();
      adapter = await open();
      return adapter;
    },
    async stop() {
      await adapter.close();
      await server.close();
      await photos.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * An API fetch that rewrites the JSON answers of some paths (`product/get_model_list` -> fn), so a
 * test runs the adapter against the real mock while answering in another shape the reference allows.
 */
export const reshapeAnswers =
  (rewrite: Record<string, (body: Record<string, unknown>) => unknown>): ((real: typeof fetch) => typeof fetch) =>
  (real) =>
  async (input, init) => {
    const res = await real(input, init);
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    const fn = rewrite[url.pathname.replace(/^\/api\/v2\//, "")];
    if (!fn) return res;
    const body = (await res.json()) as Record<string, unknown>;
    return new Response(JSON.stringify(fn(body)), { status: res.status, headers: { "Content-Type": "application/json" } });
  };
