// Regression, issue 13 item 16: Ctrl-C before apply ends the process by SIGINT, which a shell shows
// as exit code 130; that code is documented in the README's exit code table, with no stack trace.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT_INTERRUPTED } from "../../src/exit-codes.js";
import { csvRow, tempDir, writeCsv } from "../sync/harness.js";
import { makeCatalog, readJournal, startShop, writeText } from "./harness.js";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin", "desbumi.js");

// A marketplace that accepts the token request and never answers: the run waits before any apply.
let server: Server;
let requested: () => void;
const gotRequest = new Promise<void>((r) => (requested = r));
beforeAll(async () => {
  server = createServer(() => requested());
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe("exit code 130 (issue 13 item 16)", () => {
  it("SIGINT while planning: killed by SIGINT (shell: 130), nothing on stderr that looks like a crash", async () => {
    const cwd = await tempDir();
    await writeCsv(cwd, "k.csv", [csvRow("A-1")]);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const args = [BIN, "sync", "k.csv", "--yes", "--marketplace", "tokopedia", "--base-url", url, "--token-url", `${url}/token`, "--fs-id", "1", "--shop-id", "1"];
    const child = spawn(process.execPath, args, {
      cwd,
      env: { PATH: process.env.PATH ?? "", TOKOPEDIA_CLIENT_ID: "id", TOKOPEDIA_CLIENT_SECRET: "secret" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => void (stderr += d.toString()));
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on("close", (code, signal) => done({ code, signal })));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    await gotRequest;
    child.kill("SIGINT");
    const { code, signal } = await closed;
    clearTimeout(timer);
    expect({ code, signal }).toEqual({ code: null, signal: "SIGINT" });
    expect(stderr).not.toMatch(/\n\s+at /);
    const readme = await readFile(join(ROOT, "README.md"), "utf8");
    expect(readme).toContain(`| ${EXIT_INTERRUPTED} | ended by Ctrl-C (SIGINT)`);
  });

  it("a second Ctrl-C during apply forces the stop: killed by SIGINT (shell: 130), the journal keeps what was done", async () => {
    // Slow answers (400 ms each), so the first Ctrl-C's wait for the requests in flight is still going on.
    const shop = await startShop({ rateLimit: 50, burst: 50, faults: { latencyMs: 400 } });
    try {
      const cwd = await tempDir();
      await writeText(cwd, "katalog.csv", makeCatalog(40, 9).csv);
      const child = spawn(process.execPath, [BIN, "sync", "katalog.csv", "--yes", "--concurrency", "2", ...shop.flags], {
        cwd,
        env: { PATH: process.env.PATH ?? "", ...shop.env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => void (stderr += d.toString()));
      child.stdout.resume();
      const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on("close", (code, signal) => done({ code, signal })));
      const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
      // Wait for the first outcome in the journal: apply is under way.
      const runs = join(cwd, ".desbumi", "runs");
      let journal: string | undefined;
      for (let i = 0; i < 600 && journal === undefined; i++) {
        const name = existsSync(runs) ? (await readdir(runs)).sort().at(-1) : undefined;
        if (name && (await readJournal(join(runs, name)).catch(() => [])).some((l) => l.type === "outcome")) journal = join(runs, name);
        else await new Promise((r) => setTimeout(r, 50));
      }
      expect(journal).toBeDefined();
      child.kill("SIGINT");
      await new Promise((r) => setTimeout(r, 50));
      child.kill("SIGINT");
      const { code, signal } = await closed;
      clearTimeout(timer);
      expect({ code, signal }).toEqual({ code: null, signal: "SIGINT" });
      expect(stderr).toContain("Stopping: no new requests");
      expect(stderr).not.toMatch(/\n\s+at /);
      // Every outcome known was written before the forced end.
      const lines = await readJournal(journal!);
      expect(lines.filter((l) => l.type === "outcome").length).toBeGreaterThan(0);
    } finally {
      await shop.close();
    }
  });

  it("the help of sync and apply lists 130", async () => {
    for (const command of ["sync", "apply"]) {
      const child = spawn(process.execPath, [BIN, command, "--help"], { stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout.on("data", (d: Buffer) => void (out += d.toString()));
      await new Promise((r) => child.on("close", r));
      expect(out).toMatch(new RegExp(`${EXIT_INTERRUPTED} ended by (Ctrl-C|a second Ctrl-C)`));
    }
  });
});
