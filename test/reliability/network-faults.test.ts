// Issue 8, parts 4 and 5: config and network faults end with one clear message, exit 2, a bounded
// number of attempts and a log line; a token expiring mid-run is refreshed, not fatal. And across all
// of it, the client id/secret and tokens appear in no output, log file, plan file or journal.
import dns from "node:dns";
import { createServer, type Server } from "node:http";
import { createServer as createTcpServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { mkdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { DEFAULT_MAX_RETRIES } from "../../src/adapters/tokopedia/index.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fetchToken, liveListings, makeCatalog, runCli, SecretSweep, startShop, STACK_TRACE, tempDir, writeText, type CliRun, type Shop } from "./harness.js";

const sweep = new SecretSweep();
/** Every secret any run in this file could have leaked. */
const secrets = new Set<string>();
let dir: string;

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeAll(async () => {
  dir = await tempDir("desbumi-net-");
  await writeText(dir, "katalog.csv", makeCatalog(30, 11, "NF").csv);
});

const tokopediaFlags = (baseUrl: string, tokenUrl = `${baseUrl}/token`): string[] => [
  "--marketplace",
  "tokopedia",
  "--base-url",
  baseUrl,
  "--token-url",
  tokenUrl,
  "--fs-id",
  "13004",
  "--shop-id",
  "480829",
];

const CREDS = { TOKOPEDIA_CLIENT_ID: "desbumi-test-client-id", TOKOPEDIA_CLIENT_SECRET: "desbumi-test-client-secret-0123456789" };

let runNo = 0;
/** sync --yes with a debug log file; everything it produced goes into the sweep. */
async function sync(flags: string[], env: NodeJS.ProcessEnv, extra: string[] = []): Promise<CliRun & { log: string }> {
  runNo += 1;
  const cwd = join(dir, `run-${runNo}`);
  await mkdir(cwd, { recursive: true });
  // NOTE: a short first backoff (config block; the flags still name the target) keeps the retry
  // ladder of the unreachable cases to a second instead of several. The number of tries is unchanged.
  await writeText(cwd, "desbumi.config.json", JSON.stringify({ marketplace: { adapter: "tokopedia", fsId: 13004, shopId: 480829, retryBaseMs: 20 }, groups: [{ id: "nf", name: "NF", catalog: "../katalog.csv" }] }));
  const logFile = join(cwd, "desbumi.log");
  const run = await runCli(["--log-file", logFile, "sync", "../katalog.csv", "--yes", ...flags, ...extra], { cwd, env: { LANG: "en_US.UTF-8", ...env } });
  sweep.addRun(`run ${runNo}`, run);
  await sweep.addFilesUnder(cwd);
  for (const value of [env.TOKOPEDIA_CLIENT_ID, env.TOKOPEDIA_CLIENT_SECRET]) if (value) secrets.add(value);
  if (env.TOKOPEDIA_CLIENT_ID && env.TOKOPEDIA_CLIENT_SECRET) secrets.add(Buffer.from(`${env.TOKOPEDIA_CLIENT_ID}:${env.TOKOPEDIA_CLIENT_SECRET}`).toString("base64"));
  const log = await readFile(logFile, "utf8").catch(() => "");
  return { ...run, log };
}

/** One clear message: exit 2, something on stderr naming the problem, no stack trace, logged. */
function expectCannotRun(run: CliRun & { log: string }, says: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(says);
  expect(`${run.stdout}${run.stderr}`).not.toMatch(STACK_TRACE);
  // The message is said once, not once per retry.
  const first = run.stderr.split("\n").find((l) => says.test(l)) ?? "";
  expect(run.stderr.split(first).length - 1).toBe(1);
  expect(run.log).toMatch(/"level":(20|30|40|50)/);
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe("config and network faults", () => {
  const servers: (Server | ReturnType<typeof createTcpServer>)[] = [];
  let shop: Shop | undefined;
  afterEach(async () => {
    await shop?.close();
    shop = undefined;
    for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  });

  it("marketplace unreachable (a closed loopback port): exit 2, one message", async () => {
    const port = await closedPort();
    const run = await sync(tokopediaFlags(`http://127.0.0.1:${port}`), CREDS);
    expectCannotRun(run, /cannot be reached \(ECONNREFUSED\)/);
  }, 30_000);

  it("connections reset every time: exit 2 after a bounded number of attempts", async () => {
    let connections = 0;
    const server = createTcpServer((socket: Socket) => {
      connections += 1;
      socket.resetAndDestroy();
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    const run = await sync(tokopediaFlags(`http://127.0.0.1:${port}`), CREDS);
    expectCannotRun(run, /cannot be reached|keeps failing/);
    expect(connections).toBeGreaterThan(0);
    expect(connections).toBeLessThanOrEqual(DEFAULT_MAX_RETRIES + 1);
  }, 30_000);

  it("DNS failure: exit 2, one message (lookups answered in process, nothing leaves the machine)", async () => {
    // NOTE: this machine's resolver is not on loopback, so a real lookup of even a `.invalid` name
    // would send a packet out. dns.lookup (which undici's connect uses) is replaced for this test.
    const original = dns.lookup;
    const asked: string[] = [];
    const fake = (host: string, opts: unknown, cb?: unknown): void => {
      asked.push(host);
      const callback = (typeof opts === "function" ? opts : cb) as (e: Error) => void;
      const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND", errno: -3008, syscall: "getaddrinfo", hostname: host });
      process.nextTick(() => callback(error));
    };
    (dns as { lookup: unknown }).lookup = fake;
    try {
      // https: plain http to a host that is not loopback is refused before any lookup (issue 13 item 19).
      const run = await sync(tokopediaFlags("https://desbumi-nonexistent.invalid"), CREDS);
      expectCannotRun(run, /desbumi-nonexistent\.invalid cannot be reached \(ENOTFOUND\)/);
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.every((h) => h === "desbumi-nonexistent.invalid")).toBe(true);
      expect(asked.length).toBeLessThanOrEqual(DEFAULT_MAX_RETRIES + 1);
    } finally {
      (dns as { lookup: unknown }).lookup = original;
    }
  }, 30_000);

  it("wrong credentials: exit 2, one message, the token endpoint asked at most twice, no product request", async () => {
    shop = await startShop();
    const wrong = { TOKOPEDIA_CLIENT_ID: shop.server.credentials.clientId, TOKOPEDIA_CLIENT_SECRET: "not-the-secret-but-still-a-secret" };
    const run = await sync(shop.flags, wrong);
    expectCannotRun(run, /refused the credentials \(HTTP 401/);
    const stats = shop.server.stats();
    expect(stats.byRoute["POST /token"] ?? 0).toBeGreaterThanOrEqual(1);
    expect(stats.byRoute["POST /token"] ?? 0).toBeLessThanOrEqual(2);
    expect(stats.requests - (stats.byRoute["POST /token"] ?? 0)).toBe(0);
    expect(stats.writes).toBe(0);
  });

  it("credentials missing from the environment: exit 2, names the variables", async () => {
    shop = await startShop();
    const run = await sync(shop.flags, {});
    expectCannotRun(run, /TOKOPEDIA_CLIENT_ID/);
    expect(shop.server.stats().requests).toBe(0);
  });

  it("a server answering HTML instead of JSON: exit 2, one message, bounded attempts", async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests += 1;
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end("<!doctype html><html><body><h1>Welcome to the captive portal</h1></body></html>");
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    const run = await sync(tokopediaFlags(`http://127.0.0.1:${port}`), CREDS);
    expectCannotRun(run, /not a marketplace API answer/);
    expect(requests).toBeGreaterThan(0);
    // Not an API at all: retrying cannot help, so it is not retried.
    expect(requests).toBe(1);
  }, 30_000);

  it("the token expiring mid-run is refreshed: the sync completes, once per SKU, without a 401 storm", async () => {
    // The mock's clock runs a minute ahead per request, so a 5-minute token dies a few requests in,
    // while the client still believes it has minutes left: the 401 path, deterministically.
    let skewMs = 0;
    shop = await startShop({ tokenTtlSeconds: 300, clock: () => Date.now() + skewMs });
    const server = shop.server;
    const tick = setInterval(() => void (skewMs = server.stats().requests * 60_000), 1);
    try {
      const run = await sync(shop.flags, shop.env, ["--concurrency", "1"]);
      expect(run.code).toBe(0);
      expect(`${run.stdout}${run.stderr}`).not.toMatch(STACK_TRACE);
    } finally {
      clearInterval(tick);
    }
    const stats = server.stats();
    expect(stats.byRoute["POST /token"] ?? 0).toBeGreaterThanOrEqual(2);
    expect(stats.requests).toBeLessThan(60);
    const skus = liveListings(server).map((l) => l.sku);
    expect(new Set(skus).size).toBe(skus.length);
    // Every row is listed, rows marked inactive as inactive listings.
    expect(skus.length).toBe(makeCatalog(30, 11, "NF").rows.length);
    secrets.add(await fetchToken(server));
  }, 30_000);
});

describe("secrets", () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await startShop({ faults: { error500: 0.2, reset: 0.1, commitThenDrop: 0.05, seed: 5 } });
  });
  afterAll(async () => {
    await shop.close();
  });

  it("a plan file, an apply, a debug log and the journals hold no secret", async () => {
    const cwd = join(dir, "plan");
    await mkdir(cwd, { recursive: true });
    const env = { LANG: "en_US.UTF-8", ...shop.env };
    const logFile = join(cwd, "debug.log");
    const planned = await runCli(["--log-file", logFile, "sync", "../katalog.csv", "--dry-run", "--out", "plan.json", "--format", "json", ...shop.flags], { cwd, env });
    expect(planned.code).toBe(0);
    const applied = await runCli(["--log-file", logFile, "apply", "plan.json", "--yes", ...shop.flags], { cwd, env });
    expect([0, 1]).toContain(applied.code);
    sweep.addRun("plan", planned);
    sweep.addRun("apply", applied);
    await sweep.addFilesUnder(cwd);
    expect(await readFile(join(cwd, "plan.json"), "utf8")).toContain("NF-0001");
    expect(await readFile(logFile, "utf8")).not.toBe("");
    for (const value of Object.values(shop.server.credentials)) secrets.add(value);
    secrets.add(await fetchToken(shop.server));
  });

  it("the sweep itself finds a planted secret (so a clean sweep means something)", () => {
    const probe = new SecretSweep();
    probe.add("planted", `{"msg":"x","authorization":"Bearer ${"t".repeat(20)}"}`);
    expect(probe.leaks(["t".repeat(20)])).toHaveLength(1);
  });

  it("no byte produced by any run in this file contains a client id, secret, Basic credential or token", () => {
    expect(secrets.size).toBeGreaterThanOrEqual(6);
    expect(sweep.bytes).toBeGreaterThan(10_000);
    expect(sweep.leaks([...secrets])).toEqual([]);
  });
});
