// `desbumi mock-server --marketplace tiktok-shop` through the shared mock-server CLI pieces
// (mock-server-common.ts): the "is running" block, serving until aborted, plain start errors.
import { Readable } from "node:stream";
import { expect, test } from "vitest";
import type { CommandContext, Io } from "../../src/cli/io.js";
import { runTikTokMockServer } from "../../src/cli/commands/mock-server-tiktok.js";
import { silentLogger } from "../../src/log.js";

const context = (): { ctx: CommandContext; out: () => string; err: () => string } => {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: { write: (s: string) => void (stdout += s) }, stderr: { write: (s: string) => void (stderr += s) }, stdin: Readable.from([]) as Io["stdin"], env: {}, cwd: process.cwd() };
  return { ctx: { io, lang: "en", log: silentLogger(), color: false }, out: () => stdout, err: () => stderr };
};

test("prints the config block and practice credentials, serves until aborted, then stops (exit 0)", async () => {
  const { ctx, out, err } = context();
  const controller = new AbortController();
  const running = runTikTokMockServer({ port: "0", rateLimit: "7" }, ctx, controller.signal);
  while (!out().includes("Ctrl-C")) await new Promise((r) => setTimeout(r, 5));
  expect(out()).toContain("Tokopedia & Shop practice marketplace (TikTok Shop Partner API) is running");
  expect(out()).toMatch(/Rate limit\s+7 req\/s per endpoint/);
  const url = /baseUrl \/ authUrl\s+(\S+)/.exec(out())?.[1] ?? "";
  expect(out()).toContain(`Config block: {"adapter":"tiktok-shop","serviceId":"`);
  expect((await fetch(`${url}/product/202309/categories`)).status).toBeGreaterThanOrEqual(400);
  controller.abort();
  expect(await running).toBe(0);
  expect(err()).toContain("Stopping the mock server...");
});

test("a bad --host is a plain usage error before anything listens", async () => {
  const { ctx } = context();
  await expect(runTikTokMockServer({ host: "my-laptop" }, ctx, new AbortController().signal)).rejects.toThrow(/--host needs an IP address of this computer/);
});
