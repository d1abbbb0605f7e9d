// Issue 13.2, the embedded practice shop: `kill -9` a `desbumi sync` on the practice shop mid-apply;
// every create its journal records as applied must be in `.desbumi/practice-shop.json` (it used to
// lose them: 20 creates journaled as applied were absent after the kill). Built CLI (npm test builds).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterEach, beforeAll, expect, test } from "vitest";
import { makeCatalog, readJournal, tempDir, TIKTOK_PRACTICE, writeText, type JournalLine } from "../reliability/harness.js";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin", "desbumi.js");

let cwd: string | undefined;
beforeAll(() => {
  if (!existsSync(join(ROOT, "dist", "cli", "index.js"))) throw new Error("dist/ is missing: run `npm run build` (npm test does it first)");
});
afterEach(async () => {
  if (cwd) await rm(cwd, { recursive: true, force: true });
});

async function journalOf(dir: string): Promise<JournalLine[]> {
  const runs = join(dir, ".desbumi", "runs");
  const name = existsSync(runs) ? (await readdir(runs)).sort().at(-1) : undefined;
  return name ? readJournal(join(runs, name)).catch(() => []) : [];
}

test("kill -9 of a sync on the practice shop: every journaled create is in the shop's state file", async () => {
  cwd = await tempDir("desbumi-practice-kill-");
  const { csv } = makeCatalog(120, 7, "PK", TIKTOK_PRACTICE);
  await writeText(cwd, "katalog.csv", csv);
  const child = spawn(process.execPath, [BIN, "sync", "katalog.csv", "--yes"], { cwd, env: { PATH: process.env.PATH ?? "" }, stdio: ["ignore", "pipe", "pipe"] });
  const closed = new Promise<void>((done) => child.on("close", () => done()));
  const deadline = Date.now() + 30_000;
  let applied: string[] = [];
  while (Date.now() < deadline) {
    applied = (await journalOf(cwd)).filter((l) => l.type === "outcome" && l.status === "applied" && l.sku).map((l) => l.sku!);
    if (applied.length >= 15) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill("SIGKILL");
  await closed;
  // What the journal says after the kill (outcomes written up to the kill count too).
  applied = (await journalOf(cwd)).filter((l) => l.type === "outcome" && l.status === "applied" && l.sku).map((l) => l.sku!);
  expect(applied.length).toBeGreaterThanOrEqual(15);
  expect(applied.length).toBeLessThan(120); // killed mid-apply, not after it
  // The Tokopedia & Shop practice shop's state: products with their SKUs (seller_sku).
  const state = JSON.parse(await readFile(join(cwd, ".desbumi", "practice-shop.json"), "utf8")) as { products: { skus: { seller_sku?: string }[] }[] };
  const saved = new Set(state.products.flatMap((p) => p.skus.map((s) => s.seller_sku)));
  expect(saved.size).toBeGreaterThanOrEqual(applied.length);
  expect(applied.filter((sku) => !saved.has(sku))).toEqual([]);
}, 60_000);
