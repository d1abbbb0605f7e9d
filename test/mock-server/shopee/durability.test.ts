// The Shopee mock's state file on the shared durable core (issue 13.2 rules for every mock): an
// acknowledged write is on disk before it is answered; a full disk refuses writes with a 5xx
// envelope (rolled back, so a refused token refresh does not burn the single-use refresh token)
// until it works again; a failed final save is an error; kill -9 loses no acknowledged write.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { StatePersistError } from "../../../src/mock-server/http/index.js";
import { startShopeeMock, type ShopeeMockServer } from "../../../src/mock-server/shopee/index.js";
import { startMockChild } from "../child.js";
import { fullDisk } from "../full-disk.js";
import { TestClient, fakePng, itemBody, response } from "./client.js";

const ROOT = resolve(import.meta.dirname, "../../..");
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-shopee-durable-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const item = (imageId: string, sku: string): Record<string, unknown> => itemBody(imageId, { item_name: `Masker Kain Batik ${sku}`, item_sku: sku });

interface Saved {
  shop: { items: { itemId: number; sku: string; price: number }[]; images: unknown[] };
}
const savedItems = async (file: string): Promise<Map<string, number>> => new Map(((JSON.parse(await readFile(file, "utf8")) as Saved).shop.items).map((i) => [i.sku, i.itemId]));

/** A fresh server on the saved file: its items' SKUs, and the id of one more item added with the saved token. */
async function restartAndAdd(stateFile: string, accessToken: string, image: string): Promise<{ skus: string[]; newItemId: number }> {
  const again = await startShopeeMock({ rateLimit: 100_000, stateFile });
  try {
    const skus = again.items().map((i) => i.sku);
    const c = new TestClient(again);
    c.accessToken = accessToken;
    const r = await c.post("/api/v2/product/add_item", item(image, "AFTER-RESTART"));
    if (r.body.error !== "") throw new Error(`add_item after the restart: ${JSON.stringify(r.body)}`);
    return { skus, newItemId: Number(response(r).item_id) };
  } finally {
    await again.close();
  }
}

describe("shopee mock: acknowledged writes are durable", () => {
  test("ENOSPC: writes and a token refresh are refused with error_server (5xx), rolled back; writes resume; a failed final save rejects", async () => {
    const stateFile = join(dir, "shopee.json");
    const fs = fullDisk();
    const server = await startShopeeMock({ rateLimit: 100_000, stateFile, stateFs: fs });
    const c = new TestClient(server);
    const { refreshToken } = await c.connect();
    const image = String((response(await c.upload(fakePng("a"))).image_info as Record<string, unknown>).image_id);
    const acked = new Map<string, number>();
    const add = async (sku: string): Promise<{ status: number; error: unknown }> => {
      const r = await c.post("/api/v2/product/add_item", item(image, sku));
      if (r.body.error === "") acked.set(sku, Number(response(r).item_id));
      return { status: r.status, error: r.body.error };
    };
    try {
      for (let i = 0; i < 4; i += 1) expect(await add(`OK-${i}`)).toEqual({ status: 200, error: "" });
      fs.failing = "ENOSPC";
      const refused = await Promise.all(Array.from({ length: 12 }, (_, i) => add(`FULL-${i}`)));
      expect(refused.every((r) => r.status === 503 && r.error === "error_server")).toBe(true);
      const price = await c.post("/api/v2/product/update_price", { item_id: acked.get("OK-0"), price_list: [{ model_id: 0, original_price: 99_000 }] });
      expect(price).toMatchObject({ status: 503, body: { error: "error_server", message: expect.stringMatching(/could not save/) } });
      const refresh = await c.post("/api/v2/auth/access_token/get", { refresh_token: refreshToken, partner_id: server.partnerId, shop_id: server.shopId }, true);
      expect(refresh.status).toBe(503);
      // Rolled back: what was refused is not served, and the file holds every acknowledged write.
      expect(server.items().map((i) => i.sku)).toEqual([...acked.keys()]);
      expect(server.items()[0]?.price).toBe(15_000);
      expect(server.stats().persistFailures).toBe(14);
      expect(await savedItems(stateFile)).toEqual(acked);
      expect((await readdir(dir)).sort()).toEqual(["shopee.json", "shopee.json.lock"]);
      // The disk works again: so do writes, and the refresh token refused above was not burnt.
      fs.failing = undefined;
      expect(await add("AFTER-1")).toEqual({ status: 200, error: "" });
      const again = await c.post("/api/v2/auth/access_token/get", { refresh_token: refreshToken, partner_id: server.partnerId, shop_id: server.shopId }, true);
      expect(again.body).toMatchObject({ error: "", access_token: expect.any(String) });
      c.accessToken = String(again.body.access_token);
      // A final save while the disk is full again fails loudly.
      fs.failing = "ENOSPC";
      server.setItemStatus(acked.get("OK-1") ?? 0, "BANNED");
      await expect(server.close()).rejects.toBeInstanceOf(StatePersistError);
      await expect(server.close()).rejects.toThrow(/Cannot save the mock state file .*shopee\.json \(the disk is full\)/);
    } finally {
      fs.failing = undefined;
      await server.close().catch(() => undefined);
    }
    expect(await readdir(dir)).toEqual(["shopee.json"]);
    const after = await restartAndAdd(stateFile, c.accessToken, image);
    expect(after.skus).toEqual([...acked.keys()]);
    expect([...acked.values()]).not.toContain(after.newItemId);
  });

  test("a state file that cannot be written stops the start with a plain error and leaves no file", async () => {
    const fs = fullDisk();
    fs.failing = "EROFS";
    await expect(startShopeeMock({ stateFile: join(dir, "shopee.json"), stateFs: fs })).rejects.toThrow(/Cannot save the mock state file .*read-only/);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe("shopee mock: kill -9", () => {
  test("kill -9 mid-burst of add_item: every acknowledged item is in the state file; no item id is handed out twice; no temp file stays", async () => {
    if (!existsSync(join(ROOT, "dist", "cli", "index.js"))) throw new Error("dist/ is missing: run `npm run build` (npm test does it first)");
    for (const killAfter of [20, 60]) {
      const stateFile = join(dir, `shopee-${killAfter}.json`);
      const child = await startMockChild(["--marketplace", "shopee", "--state", stateFile, "--port", "0", "--rate-limit", "100000"]);
      const url = child.url;
      const defaults = await startShopeeMock();
      const remote = { ...defaults, url } as ShopeeMockServer;
      await defaults.close();
      const c = new TestClient(remote);
      await c.connect();
      const image = String((response(await c.upload(fakePng("k"))).image_info as Record<string, unknown>).image_id);
      const acked = new Map<string, number>();
      let seq = 0;
      let killing: Promise<void> | undefined;
      const worker = async (): Promise<void> => {
        while (!killing) {
          const sku = `K-${seq++}`;
          try {
            const r = await c.post("/api/v2/product/add_item", item(image, sku));
            if (r.body.error === "") acked.set(sku, Number(response(r).item_id));
          } catch {
            // The kill cut this request off: not acknowledged.
          }
          if (!killing && acked.size >= killAfter) {
            killing = child.kill();
          }
        }
      };
      await Promise.all(Array.from({ length: 6 }, () => worker()));
      await killing;
      const saved = await savedItems(stateFile);
      expect(acked.size).toBeGreaterThanOrEqual(killAfter);
      expect([...acked].filter(([sku, id]) => saved.get(sku) !== id)).toEqual([]);

      // Restart on the same file (the dead child's lock is stale): tokens kept, new ids only.
      const after = await restartAndAdd(stateFile, c.accessToken, image);
      expect([...acked.values()]).not.toContain(after.newItemId);
      expect((await readdir(dir)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    }
  }, 120_000);
});
