// The HTTP edge: node:http server, request pipeline (auth → fs/shop binding → faults → rate limit
// → handler), graceful close. Handlers do the shop work; this file decides who gets to them.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { silentLogger } from "../log.js";
import { createTokenAuthority, randomToken } from "./auth.js";
import { DEFAULT_CATEGORIES, indexCategories } from "./categories.js";
import { fail, malformed, MSG_METHOD, MSG_NOT_FOUND, MSG_TOO_MANY, renderEnvelope, RequestRejected, type Reply } from "./envelope.js";
import { createFaultPicker, type FaultKind } from "./faults.js";
import { removeStaleTempFiles, type DurableFile } from "./http/durable-file.js";
import { createClose, listen } from "./http/server-lifecycle.js";
import { commitOrRefuse, openDurableState } from "./http/durable-state.js";
import { parseRequestUrl, readBodyText, readJsonBody } from "./http/request.js";
import { acquireStateLock, type StateLock } from "./http/state-lock.js";
import { loadStateFile, parseSnapshot } from "./persistence.js";
import { DEFAULT_MAX_STOCK } from "./product-rules.js";
import { createRateLimiter } from "./rate-limit.js";
import { matchRoute } from "./routes/index.js";
import { checkAccess } from "./access.js";
import { applySeed, readSeedFile } from "./seed.js";
import { clearProducts, cloneListing, createShop, replaceShop, restoreShop, snapshotShop, type ShopState } from "./state.js";
import type { MockServer, MockServerOptions, MockServerStats } from "./types.js";

export const DEFAULT_FS_ID = 13004;
export const DEFAULT_SHOP_ID = 480829;
export const DEFAULT_TOKEN_TTL_SECONDS = 1_209_600;
export const DEFAULT_RATE_LIMIT = 5;
export const DEFAULT_BURST = 5;
export const DEFAULT_ETALASE = ["Makanan Ringan", "Minuman & Jamu", "Kerajinan", "Batik", "Kesehatan"];
const CLOSE_GRACE_MS = 10_000;

const emptyStats = (): Omit<MockServerStats, "rateLimitBuckets"> => ({ requests: 0, rateLimited: 0, writes: 0, byRoute: {}, faultsInjected: 0, persistFailures: 0 });

async function loadShop(
  options: MockServerOptions,
  stateFile: string | undefined,
  shopId: number,
  ctx: { categories: ReturnType<typeof indexCategories>; maxStock: number; nowUnix: number },
): Promise<ShopState> {
  const saved = stateFile ? await loadStateFile(stateFile, { maxStock: ctx.maxStock }) : undefined;
  if (saved) {
    const shop = restoreShop(saved.snapshot);
    shop.shopId = shopId;
    return shop;
  }
  const shop = createShop(shopId, options.shopName ?? "Toko Desa Mock", options.etalase ?? DEFAULT_ETALASE);
  if (options.seedFile) applySeed(options.seedFile, await readSeedFile(options.seedFile), { shop, ...ctx }, ctx.nowUnix);
  return shop;
}

/**
 * Issue 12.17: with `persistCredentials`, the fake credentials live in the state file, so a restart
 * keeps them (flags still win, and are then kept). Otherwise they are random per start.
 */
function chooseCredentials(options: MockServerOptions, shop: ShopState): MockServer["credentials"] {
  const kept = options.persistCredentials ? shop.credentials : undefined;
  const credentials = {
    clientId: options.clientId ?? kept?.clientId ?? randomToken(12),
    clientSecret: options.clientSecret ?? kept?.clientSecret ?? randomToken(24),
  };
  if (options.persistCredentials) shop.credentials = { ...credentials };
  else delete shop.credentials;
  return credentials;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const clock = options.clock ?? Date.now;
  const log = options.log ?? silentLogger();
  const fsId = options.fsId ?? DEFAULT_FS_ID;
  const shopId = options.shopId ?? DEFAULT_SHOP_ID;
  const categories = indexCategories(options.categories ?? DEFAULT_CATEGORIES);
  const maxStock = options.maxStock ?? DEFAULT_MAX_STOCK;
  // Held from before the load until after the last write: the file is this server's alone.
  const lock: StateLock | undefined = options.stateFile ? await acquireStateLock(options.stateFile) : undefined;
  try {
    return await serve(options, { clock, log, fsId, categories, maxStock, lock, shopId });
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

async function serve(
  options: MockServerOptions,
  env: {
    clock: () => number;
    log: NonNullable<MockServerOptions["log"]>;
    fsId: number;
    shopId: number;
    categories: ReturnType<typeof indexCategories>;
    maxStock: number;
    lock: StateLock | undefined;
  },
): Promise<MockServer> {
  const { clock, log, fsId, categories, maxStock, lock } = env;
  // Read and written through the real path the lock is on (issue 13.10).
  const stateFile = lock?.realPath;
  if (stateFile) await removeStaleTempFiles(stateFile, options.stateFs);
  const shop = await loadShop(options, stateFile, env.shopId, { categories, maxStock, nowUnix: Math.floor(clock() / 1000) });
  const keptBefore = JSON.stringify(shop.credentials ?? null);
  const credentials = chooseCredentials(options, shop);
  const credentialsChanged = JSON.stringify(shop.credentials ?? null) !== keptBefore;
  const serialize = (): string => `${JSON.stringify(snapshotShop(shop))}\n`;
  // Before anyone is told the server is up: new credentials to keep are saved now; otherwise the
  // directory is only probed, so a read-only run (a category listing) leaves no state file.
  const durable: DurableFile | undefined = stateFile
    ? await openDurableState({
        file: stateFile,
        shownAs: options.stateFile ?? stateFile,
        serialize,
        restore: (text) => replaceShop(shop, parseSnapshot(text)),
        // What is on disk, or for a new file the empty shop, which is what a restart would see.
        durableText: serialize(),
        ...(options.stateFs ? { fs: options.stateFs } : {}),
        log,
        isSaveNeeded: credentialsChanged,
      })
    : undefined;
  const auth = createTokenAuthority({ ...credentials, ttlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS, clock });
  const limiter = createRateLimiter({ rate: options.rateLimit ?? DEFAULT_RATE_LIMIT, burst: options.burst ?? DEFAULT_BURST }, clock);
  let faults = createFaultPicker(options.faults);
  let stats = emptyStats();
  let baseUrl = "";
  let isClosing = false;

  const send = (res: ServerResponse, reply: Reply, started: bigint, headers: Record<string, string> = {}): void => {
    const body = renderEnvelope(reply, started);
    res.writeHead(reply.status, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": Buffer.byteLength(body),
      ...headers,
      ...(isClosing ? { Connection: "close" } : {}),
    });
    res.end(body);
  };

  const dropConnection = (req: IncomingMessage): void => {
    const socket = req.socket as IncomingMessage["socket"] & { resetAndDestroy?: () => void };
    if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
    else socket.destroy();
  };

  const handleToken = async (req: IncomingMessage, res: ServerResponse, url: URL, started: bigint): Promise<void> => {
    const key = "token";
    stats.byRoute["POST /token"] = (stats.byRoute["POST /token"] ?? 0) + 1;
    if (req.method !== "POST") return send(res, fail(405, "", "use POST", MSG_METHOD), started, { Allow: "POST", ...limiter.peek(key) });
    const body = await readBodyText(req);
    if (!body.ok) return body.reason === "aborted" ? undefined : send(res, malformed("PRD_DLV_015", "request body too large"), started, { Connection: "close" });
    const grant = url.searchParams.get("grant_type") ?? new URLSearchParams(body.text).get("grant_type");
    if (!auth.checkBasic(req.headers.authorization)) {
      return send(res, fail(401, "", "invalid client credentials"), started, { "WWW-Authenticate": 'Basic realm="mock"', ...limiter.peek(key) });
    }
    if (grant !== "client_credentials") {
      return send(res, malformed("PRD_DLV_038", `Value [${grant ?? ""}] of field [grant_type] is not allowed, use client_credentials`), started, limiter.peek(key));
    }
    if (faults.includeToken && (await injectFault(req, res, started, key, faults.pick(), false)) !== "none") return;
    const taken = limiter.take(key, 1);
    if (taken.granted === 0) {
      stats.rateLimited += 1;
      return send(res, fail(429, "", "rate limit exceeded", MSG_TOO_MANY), started, taken.headers);
    }
    const { token, expiresInSeconds } = auth.issue();
    const json = JSON.stringify({
      access_token: token.accessToken,
      event_code: "",
      expires_in: expiresInSeconds,
      last_login_type: "",
      sq_check: false,
      token_type: "Bearer",
    });
    res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(json), ...taken.headers });
    res.end(json);
  };

  /** Answers or drops the request for an injected fault; "commitThenDrop" is left to the caller. */
  const injectFault = async (
    req: IncomingMessage,
    res: ServerResponse,
    started: bigint,
    bucketKey: string,
    fault: FaultKind,
    isWrite: boolean,
  ): Promise<FaultKind> => {
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    if (fault === "none") return fault;
    stats.faultsInjected += 1;
    if (fault === "reset" || (fault === "commitThenDrop" && !isWrite)) dropConnection(req);
    else if (fault === "error500") send(res, fail(500, "PRD_GRPC_001", "injected fault"), started, limiter.peek(bucketKey));
    else if (fault === "error429") {
      stats.rateLimited += 1;
      send(res, fail(429, "", "rate limit exceeded", MSG_TOO_MANY), started, limiter.peek(bucketKey));
    }
    return fault;
  };

  const handleProduct = async (req: IncomingMessage, res: ServerResponse, url: URL, started: bigint): Promise<void> => {
    const matched = matchRoute(url.pathname);
    if (!matched) return send(res, fail(404, "", `no route for ${url.pathname.slice(0, 200)}`, MSG_NOT_FOUND), started);
    const { route, fsRaw } = matched;
    stats.byRoute[route.key] = (stats.byRoute[route.key] ?? 0) + 1;
    // Issue 13.8: who may call is settled before anything is read or allocated for the request,
    // and the bucket is keyed by the canonical fs_id (the bound one: `0013004` is 13004).
    const bucketKey = `${fsId}|${route.key}`;
    const denied = checkAccess(
      { route, fsRaw, method: req.method ?? "GET", authorization: req.headers.authorization, shopRaw: url.searchParams.get("shop_id") },
      { auth, fsId, shopId: shop.shopId },
    );
    if (denied) return send(res, denied.reply, started, { ...denied.headers, ...limiter.peek(bucketKey) });

    let parsed: unknown;
    let unreadable: string | undefined;
    if (route.hasBody) {
      const body = await readJsonBody(req, { decimals: "boxed" });
      if (!body.ok) {
        if (body.reason === "aborted") return;
        if (body.reason === "too-large") return send(res, malformed("PRD_DLV_015", "request body too large"), started, { Connection: "close" });
        unreadable = `Failed to read request body: ${body.message}`;
      } else parsed = body.value;
    } else {
      const body = await readBodyText(req);
      if (!body.ok) return body.reason === "aborted" ? undefined : send(res, malformed("PRD_DLV_015", "request body too large"), started, { Connection: "close" });
    }

    // One draw per request that got this far, in arrival order: a seed replays the same faults
    // for the same request sequence.
    const fault = await injectFault(req, res, started, bucketKey, faults.pick(), route.isWrite);
    if (fault !== "none" && fault !== "commitThenDrop") return;
    if (fault === "commitThenDrop" && !route.isWrite) return;

    const taken = limiter.take(bucketKey, unreadable !== undefined ? 1 : (route.countItems?.(parsed) ?? 1));
    if (taken.granted === 0) {
      stats.rateLimited += 1;
      return send(res, fail(429, "", "rate limit exceeded", MSG_TOO_MANY), started, taken.headers);
    }
    if (unreadable !== undefined) return send(res, malformed("PRD_DLV_015", unreadable), started, taken.headers);
    let reply: Reply;
    try {
      reply = route.handle({
        shop,
        categories,
        maxStock,
        query: url.searchParams,
        body: parsed,
        granted: taken.granted,
        nowUnix: Math.floor(clock() / 1000),
        baseUrl,
      });
    } catch (error) {
      if (!(error instanceof RequestRejected)) throw error;
      reply = error.reply;
    }
    if (route.isWrite && reply.status === 200) {
      // Issue 13.2: answered only once it is on disk; a failed save is rolled back and refused.
      const saved = await commitOrRefuse(durable);
      if (!saved) {
        stats.persistFailures += 1;
        return send(res, fail(503, "OPENAPI_DB_002", "the mock could not save its state (nothing was changed); try again later"), started, taken.headers);
      }
      stats.writes += 1;
    }
    if (fault === "commitThenDrop") return dropConnection(req);
    send(res, reply, started, taken.headers);
  };

  // Issue 13.1: everything about a request, its URL included, is read inside this one guard; no
  // request may throw out of it, since an embedded practice shop shares the sync's process.
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = process.hrtime.bigint();
    stats.requests += 1;
    let path = "";
    try {
      const url = parseRequestUrl(req.url);
      if (!url) return send(res, malformed("PRD_DLV_043", "malformed request target"), started, { Connection: "close" });
      path = url.pathname;
      if (path === "/token") await handleToken(req, res, url, started);
      else await handleProduct(req, res, url, started);
    } catch (error) {
      log.error({ err: error, path }, "mock server handler failed");
      if (!res.headersSent && !res.destroyed) send(res, fail(500, "PRD_GRPC_001", "internal mock error"), started);
    } finally {
      log.debug({ method: req.method, path, status: res.statusCode }, "mock request");
      if (isClosing) server.closeIdleConnections();
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error({ err: error }, "mock server could not answer");
      res.destroy();
    });
  });
  // What Node's parser refuses before a handler runs (bad request line, header overflow): a 400
  // envelope on the raw socket instead of Node's bare one.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (error.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
    const isTooLarge = error.code === "HPE_HEADER_OVERFLOW";
    const body = renderEnvelope(isTooLarge ? fail(431, "PRD_DLV_015", "request headers too large") : malformed("PRD_DLV_043", "malformed HTTP request"), process.hrtime.bigint());
    const status = isTooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request";
    socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  baseUrl = await listen(server, options);

  const close = createClose({ server, durable, lock, shownAs: options.stateFile, graceMs: CLOSE_GRACE_MS, onClosing: () => void (isClosing = true) });

  return {
    url: baseUrl,
    tokenUrl: `${baseUrl}/token`,
    fsId,
    shopId: shop.shopId,
    credentials,
    stats: () => ({ ...structuredClone(stats), rateLimitBuckets: limiter.size() }),
    listings: () => [...shop.products.values()].sort((a, b) => a.productId - b.productId).map(cloneListing),
    reset() {
      clearProducts(shop);
      limiter.reset();
      stats = emptyStats();
      durable?.commit().catch(() => undefined);
    },
    setFaults(next) {
      faults = createFaultPicker(next);
    },
    addEtalase(name) {
      const wanted = name.trim().replace(/\s+/g, " ");
      const found = shop.etalase.find((e) => e.name.toLowerCase() === wanted.toLowerCase());
      if (found) return { ...found };
      const id = Math.max(1402900, ...shop.etalase.map((e) => e.id)) + 1;
      shop.etalase.push({ id, name: wanted });
      durable?.commit().catch(() => undefined);
      return { id, name: wanted };
    },
    close,
  };
}
