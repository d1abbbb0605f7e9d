// Issue 13 item 18: two syncs on one remote shop at the same time. The built CLI takes a per-shop
// lock in .desbumi/: one run does the work, the other stops at once with exit 2 naming the first;
// a lock left by a run that is gone is taken over with a note.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { shopLockPath } from "../../src/target/shop-lock.js";
import { liveListings, makeCatalog, STACK_TRACE, startShop, tempDir, writeText, type Shop } from "./harness.js";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin", "desbumi.js");

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, "--no-color", ...args], { cwd, env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => void (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => void (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/** A pid that certainly belongs to no process any more. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  const pid = child.pid!;
  await new Promise((r) => child.on("close", r));
  return pid;
}

const locksIn = async (cwd: string): Promise<string[]> => (await readdir(join(cwd, ".desbumi")).catch(() => [])).filter((f) => f.endsWith(".lock"));

describe("one writing run per shop (issue 13 item 18)", () => {
  let shop: Shop | undefined;
  let cwd: string;
  beforeAll(() => {
    if (!existsSync(join(ROOT, "dist", "cli", "index.js"))) throw new Error("dist/ is missing: run `npm run build` (npm test does it first)");
  });
  afterEach(async () => {
    await shop?.close();
    shop = undefined;
    await rm(cwd, { recursive: true, force: true });
  });

  it("two syncs at the same time: one succeeds, the other exits 2 at once naming the first run", async () => {
    // Slow enough (20 requests/s) that the first run still holds the shop when the second starts.
    shop = await startShop({ rateLimit: 20, burst: 20, faults: { latencyMs: 20 } });
    cwd = await tempDir("desbumi-lock-");
    const catalog = makeCatalog(30, 3);
    await writeText(cwd, "katalog.csv", catalog.csv);
    const args = ["sync", "katalog.csv", "--yes", ...shop.flags];
    const [a, b] = await Promise.all([cli(args, cwd, shop.env), cli(args, cwd, shop.env)]);
    const runs = [a, b] as Ran[];
    const refused = runs.filter((r) => r.code === 2);
    const done = runs.filter((r) => r.code === 0);
    expect(runs.map((r) => r.code).sort(), runs.map((r) => r.stderr).join("\n---\n")).toEqual([0, 2]);
    const message = refused[0]?.stderr ?? "";
    expect(message).toMatch(/Another desbumi run is already changing Tokopedia .*: `desbumi sync`, pid \d+ on .+, since \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(message).toContain("Wait until it has finished, then run again.");
    expect(message).toMatch(/delete \.desbumi\/shop-tokopedia-[0-9a-f]{12}\.lock/);
    expect(`${message}${refused[0]?.stdout}`).not.toMatch(/internal error|Internal error/);
    expect(message).not.toMatch(STACK_TRACE);
    // The refused run sent nothing; the other created every product once.
    const skus = liveListings(shop.server).map((l) => l.sku);
    expect(new Set(skus).size).toBe(skus.length);
    expect(skus).toHaveLength(catalog.rows.length);
    expect(done[0]?.stdout).toMatch(/Applied: 30 created/);
    // Released on exit.
    expect(await locksIn(cwd)).toEqual([]);
  });

  it("a lock left by a run that is gone (dead pid on this host) is taken over with a note, and released", async () => {
    shop = await startShop();
    cwd = await tempDir("desbumi-lock-");
    await writeText(cwd, "katalog.csv", makeCatalog(3, 4).csv);
    const label = `Tokopedia shop / toko Tokopedia ${shop.server.shopId} (${new URL(shop.server.url).host})`;
    const lock = shopLockPath(cwd, "tokopedia", label);
    const pid = await deadPid();
    await mkdir(join(cwd, ".desbumi"), { recursive: true });
    await writeFile(lock, JSON.stringify({ pid, host: hostname(), startedAt: "2026-12-01T23:05:00.000Z", command: "desbumi sync", shop: label }));
    const run = await cli(["sync", "katalog.csv", "--yes", ...shop.flags], cwd, shop.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`Note: an earlier run on ${label} (\`desbumi sync\`, pid ${pid}, since 2026-12-01 23:05 UTC) ended without releasing its lock`);
    expect(liveListings(shop.server)).toHaveLength(3);
    expect(await locksIn(cwd)).toEqual([]);
  });

  it("a lock held by a live run is never taken over; a dry run does not need it", async () => {
    shop = await startShop();
    cwd = await tempDir("desbumi-lock-");
    await writeText(cwd, "katalog.csv", makeCatalog(3, 5).csv);
    const label = `Tokopedia shop / toko Tokopedia ${shop.server.shopId} (${new URL(shop.server.url).host})`;
    const lock = shopLockPath(cwd, "tokopedia", label);
    // A live Node process stands for the other run (this test's own worker).
    const other = { pid: process.pid, host: hostname(), startedAt: "2026-12-02T01:00:00.000Z", command: "desbumi apply", shop: label };
    await mkdir(join(cwd, ".desbumi"), { recursive: true });
    await writeFile(lock, JSON.stringify(other));
    const refused = await cli(["--lang", "id", "sync", "katalog.csv", "--yes", ...shop.flags], cwd, shop.env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`Proses desbumi lain sedang mengubah ${label}: \`desbumi apply\`, pid ${process.pid}`);
    expect(liveListings(shop.server)).toHaveLength(0);
    expect(JSON.parse(await readFile(lock, "utf8"))).toEqual(other);
    const dry = await cli(["sync", "katalog.csv", "--dry-run", ...shop.flags], cwd, shop.env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Plan: 3 to create/);
  });
});
