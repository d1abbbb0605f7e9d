// Issue 12.4: `validate` checks categories against the target's tree when it is known offline (the
// practice shop's is built in; a connected shop's is cached with its date by sync), and `sync`
// reports category errors in the same round as the others. A bulk category map holding "Jamu"
// and "jamu" is an error.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { categoryCacheFile, readCategoryCache, writeCategoryCache } from "../../src/categories/offline.js";
import { csvRow, makeIo, tempDir, writeCsv } from "../sync/harness.js";

const run = async (cwd: string, args: string[]) => {
  const io = makeIo({ cwd });
  const code = await main(["--lang", "en", "--log-level", "silent", ...args], io);
  return { code, out: io.stdout.text, err: io.stderr.text };
};

const jsonIssues = (out: string): [string, number][] =>
  (JSON.parse(out) as { files: { issues: { code: string; line: number }[] }[] }).files.flatMap((f) => f.issues.map((i) => [i.code, i.line] as [string, number]));

describe("issue 12.4: categories checked offline", () => {
  it("validate (practice shop) flags an ambiguous and an unknown category, as sync would", async () => {
    const cwd = await tempDir();
    await writeCsv(cwd, "k.csv", [
      csvRow("A-1", { kategori: "Jamu" }),
      csvRow("A-2", { kategori: "Batik Tulis" }),
      csvRow("A-3", { kategori: "Jamuu" }),
    ]);
    const { code, out } = await run(cwd, ["validate", "k.csv", "--format", "json"]);
    expect(code).toBe(1);
    expect(jsonIssues(out)).toEqual([
      ["CATEGORY_AMBIGUOUS", 3],
      ["CATEGORY_NOT_FOUND", 4],
    ]);
  });

  it("sync reports the category errors together with the other errors in one round", async () => {
    const cwd = await tempDir();
    await writeCsv(cwd, "k.csv", [csvRow("A-1", { kategori: "Batik Tulis" }), csvRow("A-2", { kategori: "Jamu", harga: "12,5" })]);
    const { code, out } = await run(cwd, ["sync", "k.csv", "--yes"]);
    expect(code).toBe(1);
    expect(out).toContain("k.csv:2");
    expect(out).toMatch(/matches several categories/);
    expect(out).toContain("k.csv:3");
    expect(out).toContain("the catalogue has 2 errors");
  });

  it("a connected shop's tree comes from the cache sync writes (with its date); without a cache nothing is guessed", async () => {
    const cwd = await tempDir();
    await writeFile(
      join(cwd, "desbumi.config.json"),
      JSON.stringify({ marketplace: { adapter: "tokopedia", fsId: 13004, shopId: 480829 }, groups: [{ id: "g", name: "G", catalog: "k.csv" }] }),
    );
    await writeCsv(cwd, "k.csv", [csvRow("A-1", { kategori: "Kopi Bubuk" }), csvRow("A-2", { kategori: "Teh" })]);
    const before = await run(cwd, ["validate", "--format", "json"]);
    expect(jsonIssues(before.out)).toEqual([]);
    const when = new Date("2026-11-30T10:00:00Z");
    await writeCategoryCache(cwd, "tokopedia-480829", [
      { id: "1", name: "Minuman", path: ["Minuman"], isLeaf: false },
      { id: "11", name: "Kopi Bubuk", path: ["Minuman", "Kopi Bubuk"], isLeaf: true },
    ], when);
    expect((await readCategoryCache(cwd, "tokopedia-480829"))?.source).toEqual({ kind: "cache", file: categoryCacheFile(cwd, "tokopedia-480829"), fetchedAt: when.toISOString() });
    const after = await run(cwd, ["validate", "--format", "json"]);
    expect(after.code).toBe(1);
    expect(jsonIssues(after.out)).toEqual([["CATEGORY_NOT_FOUND", 3]]);
  });

  it("sync to a connected shop writes the cache", async () => {
    // The sync core writes `.desbumi/categories-<adapter>-<shop>.json` after listing categories;
    // checked here through the mock server as a "real" shop.
    const { startMockServer } = await import("../../src/mock-server/index.js");
    const server = await startMockServer({ host: "127.0.0.1", port: 0 });
    try {
      const cwd = await tempDir();
      await writeCsv(cwd, "k.csv", [csvRow("A-1", { kategori: "Jamu" })]);
      const io = makeIo({ cwd, env: { TOKOPEDIA_CLIENT_ID: server.credentials.clientId, TOKOPEDIA_CLIENT_SECRET: server.credentials.clientSecret } });
      const args = ["--log-level", "silent", "sync", "k.csv", "--dry-run", "--marketplace", "tokopedia", "--base-url", server.url, "--token-url", server.tokenUrl, "--fs-id", String(server.fsId), "--shop-id", String(server.shopId)];
      expect(await main(args, io)).toBe(0);
      const cached = JSON.parse(await readFile(join(cwd, ".desbumi", `categories-tokopedia-${server.shopId}.json`), "utf8")) as { fetchedAt: string; categories: unknown[] };
      expect(cached.categories.length).toBeGreaterThan(10);
      expect(Number.isNaN(Date.parse(cached.fetchedAt))).toBe(false);
    } finally {
      await server.close();
    }
  });

  it("a tokopedia-bulk category map holding Jamu and jamu is a config error naming the key", async () => {
    const cwd = await tempDir();
    await mkdir(join(cwd, "up"));
    await writeFile(
      join(cwd, "desbumi.config.json"),
      JSON.stringify({ marketplace: { adapter: "tokopedia-bulk", outDir: "up", categories: { Jamu: 2981, jamu: 2982 } }, groups: [{ id: "g", name: "G", catalog: "k.csv" }] }),
    );
    await writeCsv(cwd, "k.csv", [csvRow("A-1", { kategori: "Jamu" })]);
    const { code, err, out } = await run(cwd, ["validate"]);
    expect(code).toBe(2);
    expect(err + out).toMatch(/categories\.jamu.*"Jamu" and "jamu" are the same category name/);
  });
});
