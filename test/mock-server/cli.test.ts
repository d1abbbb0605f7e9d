// `desbumi mock-server`: prints what a facilitator needs, serves until aborted, refuses bad flags.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { Readable } from "node:stream";
import { expect, test } from "vitest";
import type { CommandContext, Io } from "../../src/cli/io.js";
import { runMockServer } from "../../src/cli/commands/mock-server.js";
import { describeListenError } from "../../src/cli/commands/mock-server-common.js";
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

test("a busy port is one plain bilingual line with exit 2, no stack and no internal-error text", async () => {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
  const port = (holder.address() as { port: number }).port;
  try {
    for (const [lang, wording] of [
      ["en", `Port ${port} is already in use on 127.0.0.1; choose another with --port, or --port 0 for any free port`],
      ["id", `Port ${port} di 127.0.0.1 sudah dipakai program lain`],
    ] as const) {
      const run = await runCli(["--lang", lang, "mock-server", "--port", String(port)], { cwd: process.cwd() });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(wording);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).not.toMatch(/internal|laporkan|at .*\.js|EADDRINUSE/);
      expect(run.stdout).toBe("");
    }
  } finally {
    await new Promise<void>((resolve) => holder.close(() => resolve()));
  }
});

test.each([
  ["not a host", /--host needs an IP address of this computer .* got "not a host"/],
  ["127.0.0.1:8080", /--host needs an IP address/],
])("mock-server --host %j is refused before any lookup (exit 2)", async (host, message) => {
  const run = await runCli(["mock-server", "--host", host], { cwd: process.cwd() });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/internal/);
});

/** A socket error as node reports it, without needing root-only ports or foreign addresses. */
function socketError(code: string, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${syscall} ${code}`), { code, syscall });
}

test("listen errors map to plain advice; other errors are left alone", () => {
  expect(describeListenError(socketError("EACCES", "listen"), "127.0.0.1", 80)?.en).toMatch(/Not allowed to listen on port 80 .*below 1024/);
  expect(describeListenError(socketError("EACCES", "listen"), "127.0.0.1", 80)?.id).toMatch(/Tidak diizinkan memakai port 80/);
  expect(describeListenError(socketError("EADDRNOTAVAIL", "listen"), "10.9.9.9", 0)?.en).toMatch(/--host 10\.9\.9\.9: it is not an address of this computer/);
  expect(describeListenError(socketError("EADDRINUSE", "listen"), "::1", 8080)?.en).toMatch(/^Port 8080 is already in use on ::1/);
  // An unreadable --state file is not a port problem.
  expect(describeListenError(socketError("EACCES", "open"), "127.0.0.1", 80)).toBeUndefined();
  expect(describeListenError(new Error("boom"), "127.0.0.1", 80)).toBeUndefined();
});

test("a second mock-server on a state file another server holds exits 2 naming the pid and --state", async () => {
  const dir = await mkdtemp(join(tmpdir(), "desbumi-cli-mock-"));
  const { ctx, out } = makeContext();
  const controller = new AbortController();
  const state = join(dir, "s.json");
  const running = runMockServer({ port: "0", state }, ctx, controller.signal);
  try {
    await waitForBanner(out);
    const second = await runCli(["--lang", "en", "mock-server", "--state", state], { cwd: dir });
    expect(second.code).toBe(2);
    expect(second.stdout).toBe("");
    expect(second.stderr).toContain(`The state file ${state} is open in another desbumi process (pid ${process.pid})`);
    expect(second.stderr).toContain("another --state file");
  } finally {
    controller.abort();
    await running;
    await rm(dir, { recursive: true, force: true });
  }
});

test("issue 12.17: with --state the same credentials come back after a restart, and the banner says how to pin them", async () => {
  const dir = await mkdtemp(join(tmpdir(), "desbumi-cli-mock-"));
  const state = join(dir, "shop.json");
  const startOnce = async (): Promise<{ id: string; secret: string; text: string }> => {
    const { ctx, out } = makeContext();
    const controller = new AbortController();
    const running = runMockServer({ port: "0", state }, ctx, controller.signal);
    await waitForBanner(out);
    controller.abort();
    await expect(running).resolves.toBe(0);
    const text = out();
    return { id: /client id\s+(\S+)/.exec(text)![1]!, secret: /client secret\s+(\S+)/.exec(text)![1]!, text };
  };
  try {
    const first = await startOnce();
    const second = await startOnce();
    expect(second.id).toBe(first.id);
    expect(second.secret).toBe(first.secret);
    expect(second.text).toContain(`kept in the state file and reused on restart. To pin them anywhere: --client-id ${first.id} --client-secret ${first.secret}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
