// `desbumi mock-server`: prints what a facilitator needs, serves until aborted, refuses bad flags.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { expect, test } from "vitest";
import type { CommandContext, Io } from "../../src/cli/io.js";
import { runMockServer } from "../../src/cli/commands/mock-server.js";
import { silentLogger } from "../../src/log.js";
import { runCli } from "../cli/helpers.js";
import { basicOf, call } from "./http.js";

function makeContext(lang: "en" | "id" = "en"): { ctx: CommandContext; out: () => string } {
  let stdout = "";
  const io: Io = {
    stdout: { write: (s: string) => void (stdout += s) },
    stderr: { write: () => undefined },
    stdin: Readable.from([]) as Io["stdin"],
    env: {},
    cwd: process.cwd(),
  };
  return { ctx: { io, lang, log: silentLogger(), color: false }, out: () => stdout };
}

/** Waits until the command has printed its banner (the server is listening by then). */
async function waitForBanner(out: () => string): Promise<void> {
  while (!out().includes("Ctrl-C")) await new Promise((r) => setTimeout(r, 5));
}

test("prints URLs, ids and the practice credentials, serves, then stops cleanly on abort", async () => {
  const dir = await mkdtemp(join(tmpdir(), "desbumi-cli-mock-"));
  const { ctx, out } = makeContext();
  const controller = new AbortController();
  const running = runMockServer(
    { port: "0", fsId: "777", shopId: "4242", clientId: "desa-id", clientSecret: "desa-secret", faults: "500=0", state: join(dir, "s.json") },
    ctx,
    controller.signal,
  );
  await waitForBanner(out);
  const text = out();
  const base = /Base URL\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
  expect(base).toBeDefined();
  expect(text).toMatch(new RegExp(`Token URL\\s+${base}/token`));
  expect(text).toMatch(/fs_id\s+777/);
  expect(text).toMatch(/shop_id\s+4242/);
  expect(text).toMatch(/client id\s+desa-id/);
  expect(text).toMatch(/client secret\s+desa-secret/);
  const token = await call(`${base}/token?grant_type=client_credentials`, { method: "POST", headers: { authorization: basicOf("desa-id", "desa-secret") } });
  expect(token.status).toBe(200);
  controller.abort();
  await expect(running).resolves.toBe(0);
  await expect(call(`${base}/token`, { method: "POST" })).rejects.toThrow();
  await rm(dir, { recursive: true, force: true });
});

test("random credentials are generated per start and printed (Indonesian labels)", async () => {
  const { ctx, out } = makeContext("id");
  const controller = new AbortController();
  const running = runMockServer({}, ctx, controller.signal);
  await waitForBanner(out);
  expect(out()).toMatch(/URL dasar\s+http:\/\/127\.0\.0\.1:\d+/);
  expect(out()).toMatch(/client secret\s+\S{16,}/);
  controller.abort();
  await expect(running).resolves.toBe(0);
});

test.each([
  [["--faults", "boom=1"], /--faults: unknown key "boom"/],
  [["--rate-limit", "zero"], /--rate-limit needs a whole number/],
  [["--port", "70000"], /above 65535/],
])("mock-server %j → exit 2 with a clear message", async (args, message) => {
  const run = await runCli(["mock-server", ...args], { cwd: process.cwd() });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
});
