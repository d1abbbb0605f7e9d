// `desbumi mock-server --marketplace tiktok-shop`: a faithful local TikTok Shop Partner API
// (shared/reference/tiktok-shop-api.md §10) serving both the API host and the auth host on one
// port. Imports nothing from src/adapters/.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createFaultPicker, type FaultKind } from "../faults.js";
import { acquireStateLock, isJsonObject, parseJson, parseRequestUrl, writeFileAtomic, type StateLock } from "../http/index.js";
import type { MockFaults } from "../types.js";
import { DEFAULT_ACCESS_TTL_S, DEFAULT_REFRESH_TTL_S, issueAuthCode, tokenGet, tokenRefresh, type AuthConfig } from "./auth.js";
import { attributes, authorizedShops, brands, categories, MAX_IMAGE_BYTES, rules, uploadImage, warehouses } from "./catalog-routes.js";
import { DEFAULT_REJECT_WORDS } from "./fixtures.js";
import { isReject, passGateway, type CipherRule } from "./gateway.js";
import { readRaw } from "./http.js";
import { createProduct, editProduct, getProduct, search, setActive, updateInventory, updatePrice, type Answer, type ProductConfig } from "./products.js";
import { createState, type MockShop, type MockState } from "./state.js";

export const DEFAULT_APP_KEY = "6mockdesbumi";
export const DEFAULT_SERVICE_ID = "7300000000000000000";
export const DEFAULT_RATE_LIMIT = 50;

export interface TikTokMockOptions {
  host?: string;
  port?: number;
  appKey?: string;
  /** Random when not given. */
  appSecret?: string;
  serviceId?: string;
  /** Where the consent page sends the seller (the app's fixed redirect URL); default this server's /callback. */
  redirectUrl?: string;
  stateFile?: string;
  /**
   * Keep authorizations (auth codes, tokens) in the state file. @default true
   * The practice shop authorizes itself at every start and sets false: its file then holds no token.
   */
  persistGrants?: boolean;
  shops?: MockShop[];
  /** Requests per second per (app, shop, endpoint) (§7). @default 50 */
  rateLimit?: number;
  faults?: MockFaults;
  accessTtlSeconds?: number;
  refreshTtlSeconds?: number;
  reviewDelayMs?: number;
  rejectWords?: readonly string[];
  dailyListingLimit?: number;
  titleMinLength?: number;
  minQuantity?: number;
  refuseDuplicateTitles?: boolean;
  /**
   * Versions served for full and partial edit (§4 table: the docs' current 202509, the SDKs'
   * 202309; open question §11 whether both stay). Another version answers 36009014.
   * @default every version the routes know
   */
  editVersions?: readonly string[];
  /**
   * Deactivate a product still under review (PENDING/FAILED). §4.4 says deactivate takes ACTIVATE
   * products only: false answers 12052901 as the reference reads; true also stops one in review.
   * @default false
   */
  deactivateInReview?: boolean;
  clock?: () => number;
  /**
   * Test hook run before a request is handled (after the body is read): e.g. kill a client process
   * while its token refresh is being answered. Return "drop" to answer nothing.
   */
  onRequest?: (info: { method: string; path: string; route: string }) => HookAnswer | Promise<HookAnswer>;
}

/** "drop": answer nothing (not handled); "commit-then-drop": handle it, then drop the answer. */
export type HookAnswer = void | "drop" | "commit-then-drop";

export interface TikTokMockStats {
  requests: number;
  /** "METHOD route-name" -> count, e.g. "POST /product/202309/products". */
  byRoute: Record<string, number>;
  rateLimited: number;
  faultsInjected: number;
}

export interface TikTokMock {
  url: string;
  appKey: string;
  appSecret: string;
  serviceId: string;
  readonly state: MockState;
  stats(): TikTokMockStats;
  resetStats(): void;
  /** A fresh auth code, as the consent page would hand out. */
  issueAuthCode(): string;
  /** The seller withdrew the authorization (§8 type 6): every token stops working. */
  revokeAll(): void;
  /** Make every access token expire now (to exercise refresh). */
  expireAccessTokens(): void;
  setFaults(faults: MockFaults | undefined): void;
  close(): Promise<void>;
}

interface Route {
  method: string;
  pattern: RegExp;
  name: string;
  cipher: CipherRule;
  multipart?: boolean;
}

const V = "(?:202309|202312|202502|202509)";
const ROUTES: Route[] = [
  { method: "GET", pattern: /^\/authorization\/202309\/shops$/, name: "/authorization/202309/shops", cipher: "refused" },
  { method: "GET", pattern: /^\/product\/202309\/categories$/, name: "/product/202309/categories", cipher: "required" },
  { method: "GET", pattern: /^\/product\/202309\/categories\/(\w+)\/attributes$/, name: "/product/202309/categories/{id}/attributes", cipher: "required" },
  { method: "GET", pattern: /^\/product\/202309\/categories\/(\w+)\/rules$/, name: "/product/202309/categories/{id}/rules", cipher: "required" },
  { method: "GET", pattern: /^\/product\/202309\/brands$/, name: "/product/202309/brands", cipher: "required" },
  { method: "GET", pattern: /^\/logistics\/202309\/warehouses$/, name: "/logistics/202309/warehouses", cipher: "required" },
  { method: "POST", pattern: /^\/product\/202309\/images\/upload$/, name: "/product/202309/images/upload", cipher: "refused", multipart: true },
  { method: "POST", pattern: new RegExp(`^/product/${V}/products/search$`), name: "/product/202502/products/search", cipher: "required" },
  { method: "POST", pattern: /^\/product\/202309\/products\/activate$/, name: "/product/202309/products/activate", cipher: "required" },
  { method: "POST", pattern: /^\/product\/202309\/products\/deactivate$/, name: "/product/202309/products/deactivate", cipher: "required" },
  { method: "POST", pattern: /^\/product\/202309\/products$/, name: "/product/202309/products", cipher: "required" },
  { method: "GET", pattern: /^\/product\/202309\/products\/(\d+)$/, name: "/product/202309/products/{id}", cipher: "required" },
  { method: "PUT", pattern: new RegExp(`^/product/${V}/products/(\\d+)$`), name: "/product/202309/products/{id} PUT", cipher: "required" },
  { method: "POST", pattern: new RegExp(`^/product/${V}/products/(\\d+)/partial_edit$`), name: "/product/202309/products/{id}/partial_edit", cipher: "required" },
  { method: "POST", pattern: /^\/product\/202309\/products\/(\d+)\/prices\/update$/, name: "/product/202309/products/{id}/prices/update", cipher: "required" },
  { method: "POST", pattern: /^\/product\/202309\/products\/(\d+)\/inventory\/update$/, name: "/product/202309/products/{id}/inventory/update", cipher: "required" },
];

const MUTATING = new Set(["POST /product/202309/products", "PUT /product/202309/products/{id} PUT", "POST /product/202309/products/{id}/partial_edit", "POST /product/202309/products/{id}/prices/update", "POST /product/202309/products/{id}/inventory/update", "POST /product/202309/products/activate", "POST /product/202309/products/deactivate", "POST /product/202309/images/upload"]);

function requestId(nowMs: number): string {
  const d = new Date(nowMs).toISOString().replace(/\D/g, "").slice(0, 14);
  return d + randomBytes(10).toString("hex").toUpperCase();
}

export async function startTikTokMock(options: TikTokMockOptions = {}): Promise<TikTokMock> {
  const clock = options.clock ?? Date.now;
  const lock: StateLock | undefined = options.stateFile ? await acquireStateLock(options.stateFile) : undefined;
  let state: MockState;
  try {
    state = options.stateFile ? ((await loadState(options.stateFile)) ?? createState(options.shops)) : createState(options.shops);
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const appKey = options.appKey ?? DEFAULT_APP_KEY;
  const appSecret = options.appSecret ?? randomBytes(16).toString("hex");
  const serviceId = options.serviceId ?? DEFAULT_SERVICE_ID;
  const authConfig: AuthConfig = {
    appKey,
    appSecret,
    accessTtlSeconds: options.accessTtlSeconds ?? DEFAULT_ACCESS_TTL_S,
    refreshTtlSeconds: options.refreshTtlSeconds ?? DEFAULT_REFRESH_TTL_S,
    sellerName: state.shops[0]?.name ?? "Penjual Desa",
  };
  const productConfig: ProductConfig = {
    titleMinLength: options.titleMinLength ?? 25,
    minQuantity: options.minQuantity ?? 0,
    reviewDelayMs: options.reviewDelayMs ?? 0,
    rejectWords: options.rejectWords ?? DEFAULT_REJECT_WORDS,
    dailyListingLimit: options.dailyListingLimit ?? 1000,
    refuseDuplicateTitles: options.refuseDuplicateTitles ?? true,
    deactivateInReview: options.deactivateInReview ?? false,
  };
  const rate = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const buckets = new Map<string, { tokens: number; atMs: number }>();
  const takeToken = (key: string): boolean => {
    const now = clock();
    const b = buckets.get(key) ?? { tokens: rate, atMs: now };
    b.tokens = Math.min(rate, b.tokens + ((now - b.atMs) / 1000) * rate);
    b.atMs = now;
    buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  };
  let faults = createFaultPicker(options.faults);
  let faultSpec = options.faults;
  let stats: TikTokMockStats = { requests: 0, byRoute: {}, rateLimited: 0, faultsInjected: 0 };
  let baseUrl = "";

  // Persistence: atomic writes of the whole state. A write (a product, an upload, a token) is saved
  // before it is answered, so a client killed or answered never loses what the shop said it did;
  // concurrent writes share one file write (group commit: while one write runs, every change made
  // meanwhile waits for the next one). Reads that only settle audits are saved lazily.
  let dirty = false;
  let flushTimer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;
  const flush = (): Promise<void> => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = undefined;
    const file = options.stateFile;
    if (!file) return Promise.resolve();
    if (queued) return queued;
    const next = writing.then(async () => {
      queued = undefined;
      if (!dirty) return;
      dirty = false;
      try {
        await writeFileAtomic(file, JSON.stringify(options.persistGrants === false ? { ...state, grants: [], authCodes: [] } : state));
      } catch (error) {
        dirty = true;
        throw error;
      }
    });
    queued = next;
    writing = next.catch(() => undefined);
    return next;
  };
  /** Mark dirty and wait until the state file holds it; false when it could not be saved. */
  const commit = async (): Promise<boolean> => {
    if (!options.stateFile) return true;
    dirty = true;
    return flush().then(
      () => true,
      () => false,
    );
  };
  const keepGrants = options.persistGrants !== false;
  const markDirty = (): void => {
    dirty = true;
    if (options.stateFile && !flushTimer) flushTimer = setTimeout(() => void flush(), 50);
  };

  const send = (res: ServerResponse, status: number, answer: Answer): void => {
    const body = JSON.stringify({ code: answer.code, message: answer.message, request_id: requestId(clock()), data: answer.data ?? {} });
    res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
    res.end(body);
  };
  const drop = (req: IncomingMessage): void => {
    const socket = req.socket as IncomingMessage["socket"] & { resetAndDestroy?: () => void };
    if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
    else socket.destroy();
  };
  const count = (name: string): void => {
    stats.requests += 1;
    stats.byRoute[name] = (stats.byRoute[name] ?? 0) + 1;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = parseRequestUrl(req.url);
    if (!url) return send(res, 400, { code: 36009009, message: "Invalid path. The request target is malformed." });
    const path = url.pathname;
    const method = req.method ?? "GET";
    const now = clock();

    // ---- auth host (§1): unsigned GETs carrying the secret
    if (path === "/api/v2/token/get" || path === "/api/v2/token/refresh") {
      const name = `${method} ${path}`;
      count(name);
      if ((await options.onRequest?.({ method, path, route: name })) === "drop") return drop(req);
      if (method !== "GET") return send(res, 405, { code: 36009010, message: "Method not allowed." });
      const answer = path.endsWith("/get") ? tokenGet(state, authConfig, url.searchParams, now) : tokenRefresh(state, authConfig, url.searchParams, now);
      if (keepGrants && !(await commit())) return send(res, 503, { code: 36009003, message: "Internal error: the shop could not save, please retry." });
      return send(res, answer.code === 0 ? 200 : 400, answer);
    }
    // ---- consent page stub (§10.2)
    if (path === "/open/authorize" || path === "/oauth/authorize") {
      count(`GET ${path}`);
      const target = new URL(options.redirectUrl ?? `${baseUrl}/callback`);
      const st = url.searchParams.get("state") ?? "";
      if (url.searchParams.get("service_id") !== serviceId && url.searchParams.get("app_key") !== appKey) {
        return send(res, 400, { code: 36009004, message: "Invalid service_id." });
      }
      if (url.searchParams.get("deny") === "1") {
        target.searchParams.set("code", "null");
        target.searchParams.set("error", "auth_denied");
      } else {
        target.searchParams.set("code", issueAuthCode(state, now));
        if (keepGrants) markDirty();
      }
      target.searchParams.set("state", st);
      res.writeHead(302, { Location: target.toString(), "Content-Length": 0 });
      return void res.end();
    }
    if (path === "/callback") {
      count("GET /callback");
      const text = `Tokopedia & Shop (mock): copy this page's address into desbumi connect.\nSalin alamat halaman ini ke desbumi connect.\n\ncode=${url.searchParams.get("code") ?? ""}\n`;
      res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
      return void res.end(text);
    }

    // ---- Open API
    const route = ROUTES.find((r) => r.pattern.test(path));
    if (!route) {
      count(`${method} (unknown)`);
      return send(res, 404, { code: 36009009, message: "Invalid path. The API path does not exist." });
    }
    if (route.method !== method) {
      count(`${method} ${route.name}`);
      return send(res, 405, { code: 36009010, message: "Method not allowed." });
    }
    const name = `${method} ${route.name}`;
    count(name);
    if (options.editVersions && (route.name.endsWith("/partial_edit") || route.name.endsWith(" PUT"))) {
      const version = path.split("/")[2] ?? "";
      if (!options.editVersions.includes(version)) return send(res, 404, { code: 36009014, message: `Unsupported API version ${version}.` });
    }
    const body = await readRaw(req, route.multipart ? MAX_IMAGE_BYTES + 64 * 1024 : 2 * 1024 * 1024);
    if (!body.ok) {
      if (body.reason === "aborted") return;
      return send(res, 413, { code: 36009021, message: "The request body is too large." });
    }
    const hook = await options.onRequest?.({ method, path, route: name });
    if (hook === "drop") return drop(req);
    const contentType = req.headers["content-type"];
    const gate = passGateway({
      state,
      appKey,
      appSecret,
      path,
      query: url.searchParams,
      body: body.bytes,
      ...(contentType !== undefined ? { contentType } : {}),
      ...(typeof req.headers["x-tts-access-token"] === "string" ? { token: req.headers["x-tts-access-token"] } : {}),
      cipher: route.cipher,
      nowMs: now,
    });
    if (isReject(gate)) return send(res, gate.status, { code: gate.code, message: gate.message });
    if (keepGrants) markDirty(); // token first-use may retire the previous pair

    const fault: FaultKind = hook === "commit-then-drop" ? "commitThenDrop" : faults.pick();
    if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
    if (fault === "error500") {
      stats.faultsInjected += 1;
      return send(res, 500, { code: 36009003, message: "Internal error, please retry." });
    }
    if (fault === "error429") {
      stats.faultsInjected += 1;
      return send(res, 429, { code: 36009002, message: "Too many requests." });
    }
    if (fault === "reset") {
      stats.faultsInjected += 1;
      return drop(req);
    }
    const shopKey = gate.shop?.id ?? "-";
    if (!takeToken(`${shopKey} ${route.name}`)) {
      stats.rateLimited += 1;
      return send(res, 429, { code: 36009002, message: "Too many requests. The rate limit is exceeded." });
    }

    const match = route.pattern.exec(path);
    const id = match?.[1] ?? "";
    const isMultipart = (contentType ?? "").toLowerCase().startsWith("multipart/form-data");
    let json: Record<string, unknown> = {};
    if (!route.multipart && body.bytes.length > 0) {
      // Shared mock core parser: depth-capped, prototype-free objects.
      const parsed = parseJson(body.bytes.toString("utf8"));
      if (!parsed.ok || !isJsonObject(parsed.value)) return send(res, 400, { code: 36009022, message: "The request body must be a JSON object." });
      json = parsed.value;
    }
    if (route.multipart && !isMultipart) return send(res, 400, { code: 36009023, message: "The content-type must be multipart/form-data (unsupported Media Type)." });

    const shopId = gate.shop?.id ?? "";
    let answer: Answer;
    switch (route.name) {
      case "/authorization/202309/shops":
        answer = authorizedShops(state, gate.grant);
        break;
      case "/product/202309/categories":
        answer = categories(url.searchParams);
        break;
      case "/product/202309/categories/{id}/attributes":
        answer = attributes(id);
        break;
      case "/product/202309/categories/{id}/rules":
        answer = rules(id);
        break;
      case "/product/202309/brands":
        answer = brands(url.searchParams);
        break;
      case "/logistics/202309/warehouses":
        answer = warehouses();
        break;
      case "/product/202309/images/upload":
        answer = uploadImage(state, body.bytes, contentType, baseUrl);
        break;
      case "/product/202502/products/search":
        answer = search(state, shopId, url.searchParams, json, productConfig, now);
        break;
      case "/product/202309/products/{id}":
        answer = getProduct(state, shopId, id, productConfig, now);
        break;
      case "/product/202309/products":
        answer = createProduct(state, shopId, json, productConfig, now);
        break;
      case "/product/202309/products/{id} PUT":
        answer = editProduct(state, shopId, id, json, false, productConfig, now);
        break;
      case "/product/202309/products/{id}/partial_edit":
        answer = editProduct(state, shopId, id, json, true, productConfig, now);
        break;
      case "/product/202309/products/{id}/prices/update":
        answer = updatePrice(state, shopId, id, json, productConfig, now);
        break;
      case "/product/202309/products/{id}/inventory/update":
        answer = updateInventory(state, shopId, id, json, productConfig, now);
        break;
      case "/product/202309/products/activate":
        answer = setActive(state, shopId, json, true, productConfig, now);
        break;
      case "/product/202309/products/deactivate":
        answer = setActive(state, shopId, json, false, productConfig, now);
        break;
      default:
        answer = { code: 36009009, message: "Invalid path." };
    }
    if (MUTATING.has(name)) {
      if (!(await commit())) return send(res, 503, { code: 36009003, message: "Internal error: the shop could not save, please retry." });
    } else if (route.name.includes("search") || route.name === "/product/202309/products/{id}") markDirty();
    if (fault === "commitThenDrop") {
      stats.faultsInjected += 1;
      return drop(req);
    }
    send(res, 200, answer);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { code: 36009003, message: "Internal error." });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
    });
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;

  return {
    url: baseUrl,
    appKey,
    appSecret,
    serviceId,
    get state() {
      return state;
    },
    stats: () => structuredClone(stats),
    resetStats: () => {
      stats = { requests: 0, byRoute: {}, rateLimited: 0, faultsInjected: 0 };
    },
    issueAuthCode: () => {
      const code = issueAuthCode(state, clock());
      if (keepGrants) markDirty();
      return code;
    },
    revokeAll: () => {
      for (const g of state.grants) g.revoked = true;
      markDirty();
    },
    expireAccessTokens: () => {
      const now = Math.floor(clock() / 1000);
      for (const g of state.grants) g.accessExpiresAt = Math.min(g.accessExpiresAt, now);
      markDirty();
    },
    setFaults: (f) => {
      faultSpec = f;
      faults = createFaultPicker(faultSpec);
    },
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await flush();
      await lock?.release();
    },
  };
}

/** The file holds something else than this mock's state (another mock's, or damaged JSON). */
export class NotTikTokStateError extends Error {
  override readonly name = "NotTikTokStateError";
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

async function loadState(file: string): Promise<MockState | undefined> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new NotTikTokStateError(`${file} is not JSON`);
  }
  // NOTE: the Tokopedia mock's state is also {version: 1, products: [...]}: check the whole shape.
  const ok =
    isRecord(parsed) &&
    parsed.version === 1 &&
    typeof parsed.nextId === "number" &&
    Array.isArray(parsed.shops) &&
    Array.isArray(parsed.grants) &&
    Array.isArray(parsed.authCodes) &&
    Array.isArray(parsed.products) &&
    isRecord(parsed.images) &&
    isRecord(parsed.idempotency) &&
    isRecord(parsed.listingsToday);
  if (!ok) throw new NotTikTokStateError(`${file} is not a tiktok-shop mock state file`);
  return parsed as unknown as MockState;
}
