// Issue 8, part 2: the built CLI interrupted during apply. Ctrl-C (SIGINT) stops cleanly with the
// in-flight items recorded and a summary; SIGKILL loses nothing a rerun cannot fix, and the rerun
// creates no duplicates. Runs `node bin/desbumi.js` (built by `npm test` before vitest starts).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  fetchToken,
  liveListings,
  makeCatalog,
  readJournal,
  runCli,
  SecretSweep,
  STACK_TRACE,
  startShop,
  tempDir,
  writeText,
  type JournalLine,
  type Shop,
} from "./harness.js";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin", "desbumi.js");
const PRODUCTS = 80;
const WAIT_MS = 20_000;

interface Child {
  code: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout: () => string;
  stderr: () => string;
  kill(signal: NodeJS.Signals): void;
}

function spawnCli(args: string[], cwd: string, env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => void (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => void (err += d.toString()));
  const code = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on("close", (c, s) => done({ code: c, signal: s })));
  const timer = setTimeout(() => child.kill("SIGKILL"), WAIT_MS * 2);
  void code.then(() => clearTimeout(timer));
  return { code, stdout: () => out, stderr: () => err, kill: (s) => void child.kill(s) };
}

/** Polls the run journal until `predicate` holds (bounded). */
async function waitForJournal(cwd: string, predicate: (lines: JournalLine[]) => boolean): Promise<string> {
  const dir = join(cwd, ".desbumi", "runs");
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const names = existsSync(dir) ? await readdir(dir) : [];
    const name = names.sort().at(-1);
    if (name) {
      const path = join(dir, name);
      const lines = await readJournal(path).catch(() => []);
      if (predicate(lines)) return path;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`journal condition not reached within ${WAIT_MS} ms`);
}

const outcomes = (lines: readonly JournalLine[]): JournalLine[] => lines.filter((l) => l.type === "outcome");

describe("interrupting sync during apply (built CLI)", () => {
  let shop: Shop | undefined;
  let cwd: string;
  beforeAll(() => {
    if (!existsSync(join(ROOT, "dist", "cli", "index.js"))) throw new Error("dist/ is missing: run `npm run build` (npm test does it first)");
  });
  afterEach(async () => {
    await shop?.close();
    shop = undefined;
    if (cwd) await rm(cwd, { recursive: true, force: true });
  });

  /** A shop slow enough that apply takes seconds: 20 items/s, each bulk item counted. */
  async function slowSetup(): Promise<string[]> {
    shop = await startShop({ rateLimit: 20, burst: 20, faults: { latencyMs: 40 } });
    cwd = await tempDir("desbumi-interrupt-");
    await mkdir(cwd, { recursive: true });
    await writeText(cwd, "katalog.csv", makeCatalog(PRODUCTS, 7).csv);
    return ["sync", "katalog.csv", "--yes", "--concurrency", "2", ...shop.flags];
  }

  async function rerunUntilConverged(args: string[]): Promise<number> {
    for (let run = 1; run <= 5; run++) {
      const r = await runCli(args, { cwd, env: shop?.env ?? {} });
      if (r.code === 0 && /No changes/.test(r.stdout)) return run;
    }
    throw new Error("sync did not converge within 5 reruns");
  }

  it("SIGINT stops taking work, records what was in flight, prints a summary and exits non-zero", async () => {
    const args = await slowSetup();
    // Debug logging on, so the secret check below reads the most talkative stderr there is.
    const child = spawnCli(["--log-level", "debug", ...args], cwd, shop?.env ?? {});
    await waitForJournal(cwd, (lines) => outcomes(lines).length > 0);
    child.kill("SIGINT");
    const { code, signal } = await child.code;
    const stdout = child.stdout();
    const stderr = child.stderr();

    expect(signal).toBeNull();
    expect(code).toBe(1);
    expect(stderr).toContain("Stopping: no new requests");
    expect(stdout).toMatch(/Stopped: \d+ done, \d+ not started — run sync again to finish\./);
    expect(`${stdout}${stderr}`).not.toMatch(STACK_TRACE);

    const journalPath = resolve(cwd, /^Journal: (.+)$/m.exec(stdout)?.[1]?.trim() ?? "");
    const lines = await readJournal(journalPath);
    const end = lines.at(-1);
    expect(end?.type).toBe("run-end");
    expect(end?.interrupted).toBe(true);
    // Every item whose write was sent has an outcome: nothing in flight went unrecorded.
    const intents = lines.filter((l) => l.type === "intent").map((l) => `${l.kind} ${l.sku}`).sort();
    const decided = outcomes(lines).filter((l) => l.status !== "skipped").map((l) => `${l.kind} ${l.sku}`).sort();
    expect(decided).toEqual(intents);
    // It really stopped early, and the rest is accounted for as not started.
    const skipped = outcomes(lines).filter((l) => l.status === "skipped").length;
    expect(skipped).toBeGreaterThan(0);
    // One outcome per planned create (rows marked inactive are created as inactive listings).
    expect(outcomes(lines)).toHaveLength(makeCatalog(PRODUCTS, 7).rows.length);
    // What the shop holds matches what the journal says was applied.
    const applied = outcomes(lines).filter((l) => l.status === "applied").length;
    expect(liveListings(shop!.server)).toHaveLength(applied);

    await rerunUntilConverged(args);
    const skus = liveListings(shop!.server).map((l) => l.sku);
    expect(new Set(skus).size).toBe(skus.length);
    expect(skus.length).toBe(makeCatalog(PRODUCTS, 7).rows.length);

    const sweep = new SecretSweep();
    sweep.add("interrupted stdout", stdout);
    sweep.add("interrupted stderr (debug log)", stderr);
    await sweep.addFilesUnder(cwd);
    expect(stderr).toContain("desbumi: debug: ");
    expect(sweep.leaks([shop!.server.credentials.clientId, shop!.server.credentials.clientSecret, await fetchToken(shop!.server)])).toEqual([]);
  }, 60_000);

  it("SIGKILL mid-apply: the journal keeps what it saw, and a rerun converges without duplicates", async () => {
    const args = await slowSetup();
    const child = spawnCli(args, cwd, shop?.env ?? {});
    const journalPath = await waitForJournal(cwd, (lines) => lines.some((l) => l.type === "intent"));
    child.kill("SIGKILL");
    const { signal } = await child.code;
    expect(signal).toBe("SIGKILL");

    // Killed: no run-end, but every line written so far is whole JSON (readJournal parses each).
    const lines = await readJournal(journalPath);
    expect(lines[0]?.type).toBe("run-start");
    expect(lines.some((l) => l.type === "run-end")).toBe(false);
    expect(liveListings(shop!.server).length).toBeLessThan(PRODUCTS);

    const runs = await rerunUntilConverged(args);
    expect(runs).toBeLessThanOrEqual(3);
    const skus = liveListings(shop!.server).map((l) => l.sku);
    expect(new Set(skus).size).toBe(skus.length);
    expect(skus.sort()).toEqual(
      makeCatalog(PRODUCTS, 7)
        .rows
        .map((r) => r.sku)
        .sort(),
    );
  }, 60_000);
});
