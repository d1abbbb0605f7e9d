// A crash during a token refresh loses no authorization (issue 15 item 5): the built CLI runs a
// sync as a child process; the mock kills it (SIGKILL) the moment its refresh request arrives and
// then rotates the tokens, so the answer is lost. The token file still holds a working pair with
// the pending marker, and the next run refreshes and syncs.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { startTikTokMock, type TikTokMock } from "../../src/mock-server/tiktok-shop/index.js";
import type { StoredAuthorization } from "../../src/adapters/shared/token-store.js";
import { makeIo, tempDir } from "../sync/harness.js";
import { startPhotoServer, type PhotoServer } from "./tiktok-rig.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
let mock: TikTokMock;
let photos: PhotoServer;
let killNext: (() => void) | undefined;

beforeAll(async () => {
  mock = await startTikTokMock({
    onRequest: async ({ route }) => {
      if (route === "GET /api/v2/token/refresh" && killNext) {
        const kill = killNext;
        killNext = undefined;
        kill();
        await new Promise((r) => setTimeout(r, 200));
      }
    },
  });
  photos = await startPhotoServer();
});
afterAll(async () => {
  await mock.close();
  await photos.close();
});

function runChild(cwd: string, env: NodeJS.ProcessEnv, killOnRefresh: boolean): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  if (!existsSync(join(root, "dist", "cli", "index.js"))) throw new Error("dist/ is missing: run `npm run build` (npm test does it first)");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, "bin", "desbumi.js"), "--lang", "en", "sync", "--yes"], { cwd, env: { PATH: process.env.PATH, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    if (killOnRefresh) killNext = () => child.kill("SIGKILL");
    child.on("close", (code, signal) => resolve({ code, signal, out }));
  });
}

it("killing the process while its refresh is answered keeps the authorization", async () => {
  const cwd = await tempDir();
  const home = await tempDir();
  await writeFile(
    join(cwd, "desbumi.config.json"),
    JSON.stringify({
      marketplace: { adapter: "tiktok-shop", serviceId: mock.serviceId, baseUrl: mock.url, authUrl: mock.url, consentUrl: `${mock.url}/open/authorize` },
      groups: [{ id: "desa", name: "Desa", catalog: "katalog.csv" }],
    }),
  );
  await writeFile(
    join(cwd, "katalog.csv"),
    `sku,nama,deskripsi,harga,stok,berat,kategori,kondisi,status,foto\nKOPI-9,Kopi Robusta Bubuk Lereng Kawi 250 gr,Kopi kebun,45000,3,250 gr,Kopi,baru,aktif,${photos.url}/k9.png\n`,
  );
  const env = { DESBUMI_HOME: home, TIKTOK_SHOP_APP_KEY: mock.appKey, TIKTOK_SHOP_APP_SECRET: mock.appSecret };
  expect(await main(["connect", "tiktok-shop", "--code", mock.issueAuthCode()], makeIo({ cwd, env }))).toBe(0);
  const file = join(home, "credentials", "tiktok-shop--desa.json");
  const before = JSON.parse(await readFile(file, "utf8")) as StoredAuthorization;

  mock.expireAccessTokens();
  const crashed = await runChild(cwd, env, true);
  expect(crashed.signal).toBe("SIGKILL");
  const during = JSON.parse(await readFile(file, "utf8")) as StoredAuthorization;
  expect(during.tokens.refreshToken).toBe(before.tokens.refreshToken);
  expect(during.pendingRefresh).toBeDefined();
  expect(mock.state.products).toHaveLength(0);

  const next = await runChild(cwd, env, false);
  expect(next.out).not.toMatch(/connect tiktok-shop/);
  expect(next.code).toBe(0);
  const after = JSON.parse(await readFile(file, "utf8")) as StoredAuthorization;
  expect(after.tokens.refreshToken).not.toBe(before.tokens.refreshToken);
  expect(after.pendingRefresh).toBeUndefined();
  expect(mock.state.products.map((p) => p.skus[0]?.seller_sku)).toEqual(["KOPI-9"]);
}, 60_000);
