// Issue 13.2 (ENOSPC through the fs seam), 13.10 (lock on the real path), 13.11 (state checked on
// load) and 12.17 (credentials kept in the mock-server's state file), against the real server.
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { StateFileBusyError, StatePersistError, startMockServer } from "../../src/mock-server/index.js";
import { fullDisk } from "./full-disk.js";
import { clientFor, fetchToken, makeCreate } from "./http.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "desbumi-durable-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const fast = { rateLimit: 100_000, burst: 100_000 };

describe("issue 13.2: acknowledged writes are on disk; a full disk refuses writes", () => {
  test("ENOSPC: creates are refused with a 5xx envelope, nothing acknowledged is lost, writes resume", async () => {
    const stateFile = join(dir, "shop.json");
    const fs = fullDisk();
    const server = await startMockServer({ ...fast, stateFile, stateFs: fs });
    const api = clientFor(server, await fetchToken(server));
    const acked: string[] = [];
    const createOne = async (sku: string): Promise<number> => {
      const res = await api("POST", "/v3/products/fs/:fs/create", { body: { products: [makeCreate({ sku })] } });
      if (res.status === 200 && res.json.data.success_data === 1) acked.push(sku);
      return res.status;
    };
    try {
      for (let i = 0; i < 5; i++) expect(await createOne(`OK-${i}`)).toBe(200);
      fs.failing = "ENOSPC";
      const refused = await Promise.all(Array.from({ length: 20 }, (_, i) => createOne(`FULL-${i}`)));
      expect(new Set(refused)).toEqual(new Set([503]));
      const one = await api("POST", "/inventory/v1/fs/:fs/price/update", { body: [{ sku: "OK-0", new_price: 99000 }] });
      expect(one.status).toBe(503);
      expect(one.json.header).toMatchObject({ error_code: "OPENAPI_DB_002", messages: "Our server encounters an error, please try again later" });
      // Rolled back: what was refused is not served either, and the file holds every acknowledged write.
      expect(server.listings().map((p) => p.sku)).toEqual(acked);
      expect(server.listings()[0]!.price).toBe(15000);
      expect(server.stats().persistFailures).toBe(21);
      expect((JSON.parse(await readFile(stateFile, "utf8")) as { products: { sku: string }[] }).products.map((p) => p.sku)).toEqual(acked);
      expect(await readdir(dir)).toEqual(["shop.json", "shop.json.lock"]);
      // A final save while the disk is still full fails loudly.
      server.reset();
      await expect(server.close()).rejects.toBeInstanceOf(StatePersistError);
    } finally {
      fs.failing = undefined;
      await server.close().catch(() => undefined);
    }
    expect(await readdir(dir)).toEqual(["shop.json"]);
    const again = await startMockServer({ ...fast, stateFile, stateFs: fs });
    try {
      expect(again.listings().map((p) => p.sku)).toEqual(acked);
      const api2 = clientFor(again, await fetchToken(again));
      const res = await api2("POST", "/v3/products/fs/:fs/create", { body: { products: [makeCreate({ sku: "AFTER" })] } });
      expect(res.status).toBe(200);
      // Never an id handed out twice: the refused creates' ids were not kept, the acked ones are.
      expect(res.json.data.success_rows_data[0].product_id).toBe(Math.max(...again.listings().map((p) => p.productId)));
    } finally {
      await again.close();
    }
  });

  test("an unwritable state file stops the start with a plain error", async () => {
    const fs = fullDisk();
    fs.failing = "EROFS";
    await expect(startMockServer({ stateFile: join(dir, "shop.json"), stateFs: fs })).rejects.toThrow(/Cannot save the mock state file .*read-only/);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe("issue 13.10: the lock is on the real path", () => {
  test("a second server through a symlink (or another spelling) of the same file is refused", async () => {
    const real = join(dir, "shop.json");
    const link = join(dir, "link.json");
    await symlink(real, link); // dangling until the first server writes the file
    const first = await startMockServer({ stateFile: link });
    try {
      await clientFor(first, await fetchToken(first))("POST", "/v3/products/fs/:fs/create", { body: { products: [makeCreate()] } });
      await expect(startMockServer({ stateFile: real })).rejects.toBeInstanceOf(StateFileBusyError);
      await expect(startMockServer({ stateFile: join(dir, "x", "..", "shop.json") })).rejects.toBeInstanceOf(StateFileBusyError);
    } finally {
      await first.close();
    }
    // The write went to the real file; the symlink is still a symlink.
    const { lstat } = await import("node:fs/promises");
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(JSON.parse(await readFile(real, "utf8"))).toMatchObject({ version: 1 });
  });
});

describe("issue 13.11: the state file is checked with the API's rules on load", () => {
  const valid = async (): Promise<Record<string, any>> => {
    const stateFile = join(dir, "seed-shop.json");
    const server = await startMockServer({ ...fast, stateFile });
    const api = clientFor(server, await fetchToken(server));
    await api("POST", "/v3/products/fs/:fs/create", { body: { products: [makeCreate({ sku: "A" }), makeCreate({ sku: "B" })] } });
    await server.close();
    return JSON.parse(await readFile(stateFile, "utf8")) as Record<string, any>;
  };

  test.each([
    ["duplicate ids", (s: any) => void (s.products[1].productId = s.products[0].productId), /products\[1\]\.productId: product id \d+ is used by two products/],
    ["negative stock", (s: any) => void (s.products[0].stock = -5), /products\[0\]\.stock: -5 is not a whole number between 0 and 999999/],
    ["a javascript: picture", (s: any) => void (s.products[1].pictures = ["javascript:alert(1)"]), /products\[1\]\.pictures\[0\]: "javascript:alert\(1\)" is not an http\(s\) URL/],
    ["an id near 2^53", (s: any) => void (s.products[0].productId = 2 ** 53 - 2), /products\[0\]\.productId/],
    ["nextProductId near 2^53", (s: any) => void (s.nextProductId = 2 ** 53 - 1), /nextProductId/],
    ["two live products with one SKU", (s: any) => void (s.products[1].sku = "a"), /products\[1\]\.sku: the same SKU as products\[0\]/],
  ])("%s is refused with its place in the file, in both languages", async (_name, breakIt, where) => {
    const state = await valid();
    breakIt(state);
    const stateFile = join(dir, "broken.json");
    await writeFile(stateFile, JSON.stringify(state));
    const error = await startMockServer({ stateFile }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(where);
    expect((error as Error).message).toMatch(/is inconsistent at .*move the file away/);
    expect((error as { text: { id: string } }).text.id).toMatch(/tidak konsisten di/);
    // Refused before anything was written: the file is as it was.
    expect(JSON.parse(await readFile(stateFile, "utf8"))).toEqual(state);
  });
});

describe("issue 13.11: ids stay below 2^53 on the way in too", () => {
  test("a full shop refuses creates per row; a seed id near 2^53 is refused at start", async () => {
    const stateFile = join(dir, "full.json");
    const base = { version: 1, shopId: 480829, name: "Toko", etalase: [], products: [] };
    await writeFile(stateFile, JSON.stringify({ ...base, nextProductId: Number.MAX_SAFE_INTEGER - 999_999 }));
    const server = await startMockServer({ ...fast, stateFile });
    try {
      const res = await clientFor(server, await fetchToken(server))("POST", "/v3/products/fs/:fs/create", { body: { products: [makeCreate()] } });
      expect(res.json.data.failed_rows_data[0].error).toContain(`This shop cannot take more products (product ids would pass ${Number.MAX_SAFE_INTEGER - 1_000_000})`);
      expect(server.listings()).toEqual([]);
    } finally {
      await server.close();
    }
    const seedFile = join(dir, "seed.json");
    await writeFile(seedFile, JSON.stringify([{ ...makeCreate(), product_id: 2 ** 53 - 5 }]));
    await expect(startMockServer({ seedFile })).rejects.toThrow(/product 1: product_id 9007199254740987 must be a unique whole number from 1 to/);
  });
});

describe("issue 12.17: credentials kept in the mock's own state file", () => {
  test("with persistCredentials a restart keeps them; flags win and are kept; without it they are not stored", async () => {
    const stateFile = join(dir, "shop.json");
    const first = await startMockServer({ stateFile, persistCredentials: true });
    const creds = first.credentials;
    await first.close();
    const second = await startMockServer({ stateFile, persistCredentials: true });
    expect(second.credentials).toEqual(creds);
    await fetchToken(second);
    await second.close();
    const pinned = await startMockServer({ stateFile, persistCredentials: true, clientId: "pin-id", clientSecret: "pin-secret" });
    await pinned.close();
    const third = await startMockServer({ stateFile, persistCredentials: true });
    expect(third.credentials).toEqual({ clientId: "pin-id", clientSecret: "pin-secret" });
    await third.close();
    // A server not asked to keep them (the practice shop) drops them from the file.
    const practice = await startMockServer({ stateFile });
    expect(practice.credentials.clientId).not.toBe("pin-id");
    await practice.close();
    expect(await readFile(stateFile, "utf8")).not.toContain("pin-secret");
  });
});

describe("issue 13.10/13.14: a state path that cannot be used is a plain error", () => {
  test("a file where the state file's folder should be, and a symlink loop", async () => {
    await writeFile(join(dir, "plain"), "x");
    await expect(startMockServer({ stateFile: join(dir, "plain", "shop.json") })).rejects.toThrow(/Cannot use the mock state file .*Choose a file in a folder you can write to/);
    await symlink(join(dir, "loop-b"), join(dir, "loop-a"));
    await symlink(join(dir, "loop-a"), join(dir, "loop-b"));
    const error = await startMockServer({ stateFile: join(dir, "loop-a") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as { text?: { id: string } }).text?.id).toMatch(/tidak bisa (dipakai|dikunci)|tidak bisa dibaca/);
  });
});
