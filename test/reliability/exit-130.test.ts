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
});
