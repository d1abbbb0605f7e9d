// `desbumi mock-server --marketplace shopee` (issue 16): prints how to connect, serves the Shopee
// wire format until aborted; an unknown marketplace is a usage error.
import { Readable } from "node:stream";
import { expect, test } from "vitest";
import type { CommandContext, Io } from "../../../src/cli/io.js";
import { runShopeeMockServer } from "../../../src/cli/commands/mock-server-shopee.js";
import { silentLogger } from "../../../src/log.js";
import { runCli } from "../../cli/helpers.js";
import { startMockChild } from "../child.js";

test("mock-server --marketplace shopee serves signed Shopee calls", async () => {
  let stdout = "";
  const io: Io = { stdout: { write: (s: string) => void (stdout += s) }, stderr: { write: () => undefined }, stdin: Readable.from([]) as Io["stdin"], env: {}, cwd: process.cwd() };
  const ctx: CommandContext = { io, lang: "en", log: silentLogger(), color: false };
  const controller = new AbortController();
  const running = runShopeeMockServer({ port: "0", shopId: "555", faults: "500=0" }, ctx, controller.signal);
  while (!stdout.includes("Ctrl-C")) await new Promise((r) => setTimeout(r, 5));
  expect(stdout).toContain("Shopee Open Platform v2");
  expect(stdout).toMatch(/shop_id\s+555/);
  const url = /Base URL\s+(\S+)/.exec(stdout)?.[1] ?? "";
  const res = await fetch(`${url}/api/v2/product/get_item_list`);
  expect(await res.json()).toMatchObject({ error: "error_param" });
  controller.abort();
  expect(await running).toBe(0);
});

test("mock-server --marketplace with an unknown name exits 2", async () => {
  const run = await runCli(["mock-server", "--marketplace", "lazada"], { cwd: process.cwd() });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/tokopedia or shopee/);
});

test("mock-server --marketplace shopee refuses a bad --faults spec", async () => {
  const run = await runCli(["mock-server", "--marketplace", "shopee", "--faults", "boom=1"], { cwd: process.cwd() });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/unknown key "boom"/);
});

test("desbumi mock-server --marketplace shopee: the Tokopedia defaults of --shop-id and --rate-limit do not apply, given ones do (built CLI)", async () => {
  const banner = async (child: Awaited<ReturnType<typeof startMockChild>>): Promise<void> => {
    for (let i = 0; i < 1000 && !child.output().includes("Ctrl-C"); i += 1) await new Promise((r) => setTimeout(r, 10));
    await child.kill();
  };
  const plain = await startMockChild(["--marketplace", "shopee"]);
  await banner(plain);
  expect(plain.output()).toMatch(/shop_id\s+14701711\n/);
  expect(plain.output()).toMatch(/Rate limit\s+10 req\/s\n/);
  const given = await startMockChild(["--marketplace", "shopee", "--shop-id", "777", "--rate-limit", "3"]);
  await banner(given);
  expect(given.output()).toMatch(/shop_id\s+777\n/);
  expect(given.output()).toMatch(/Rate limit\s+3 req\/s\n/);
});
