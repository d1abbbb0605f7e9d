// The Shopee Open Platform v2 mock's HTTP edge (reference "What a faithful Shopee mock must emulate"):
// path -> signature -> token -> daily cap -> faults -> rate limit -> handler. Answers on any host
// name, so the live and both sandbox hosts' paths are the same (mock item 1).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Logger } from "pino";
import { silentLogger } from "../../log.js";
import { createRateLimiter } from "../rate-limit.js";
import {
  acquireStateLock,
  commitOrRefuse,
  createClose,
  isJsonObject,
  listen,
  openDurableState,
  parseJson,
  parseRequestUrl,
  readBodyBytes,
  removeStaleTempFiles,
  type DurableFile,
  type DurableFs,
  type StateLock,
} from "../http/index.js";
import { createShopeeFaults, type ShopeeFaultKind, type ShopeeFaults } from "./faults.js";
import { DEFAULT_ITEM_LIMITS, type ItemLimitProfile } from "./limits.js";
import { handleAuthRoute, isAuthPath } from "./routes-auth.js";
import { MEDIA_ROUTES } from "./routes-media.js";
import { ITEM_LIST_OFFSET_CAP, READ_ROUTES } from "./routes-read.js";
import { variationRoutes } from "./routes-variation.js";
import { writeRoutes } from "./routes-write.js";
import type { Route } from "./route-types.js";
import { checkCommon, signMatches, wrongSign } from "./sign.js";
import { seedShop, type SeedItem } from "./seed.js";
import { loadShopeeState, parseShopeeState, type ShopeeState } from "./state-file.js";
import { createShop, restoreShop, snapshotShop, type Item, type ItemStatus, type Shop } from "./store.js";
import { TokenAuthority } from "./tokens.js";
import { authFail, fail, parseMultipart, Rejected, renderReply, type FormData, type ShopeeReply } from "./wire.js";

/** The reference's worked-vector credentials, so the documented base strings check against the mock. */
export const DEFAULT_PARTNER_ID = 2001887;
export const DEFAULT_PARTNER_KEY = "shpk_mock_partner_key_0001";
export const DEFAULT_SHOP_ID = 14701711;
export const DEFAULT_RATE_LIMIT = 10;
const JSON_BODY_MAX_BYTES = 2 * 1024 * 1024;
const UPLOAD_BODY_MAX_BYTES = 32 * 1024 * 1024;

export interface ShopeeMockOptions {
  host?: string;
  port?: number;
  partnerId?: number;
  partnerKey?: string;
  shopId?: number;
  shopName?: string;
  /** Requests per second per shop (token bucket, burst = rate). NOTE: Shopee publishes none; 10 is our choice. */
  rateLimit?: number;
  /** Calls per day before error_limit (resets 16:00 UTC = 00:00 UTC+8). @default unlimited */
  dailyLimit?: number;
  faults?: ShopeeFaults;
  itemLimits?: ItemLimitProfile;
  /**
   * Seconds after add_item before init_tier_variation is taken (reference A3: "wait ~5 s"; refused
   * with error_param before). @default 0
   */
  variationSettleSeconds?: number;
  /** get_item_list refuses an offset at or past this (open question "offset ceiling"). @default 10000 */
  itemListOffsetCap?: number;
  /** Holiday mode: add_item/delete_item refused. */
  holiday?: boolean;
  /**
   * How upload_image must be signed (open question "upload_image's sign type"): the doc page labels
   * it Public, the SDKs sign it as a Shop call. @default "either"
   */
  uploadSign?: "either" | "public" | "shop";
  /** The seller authorizes as this main account: auth_partner lands with main_account_id, token/get takes it. */
  mainAccountId?: number;
  /** An unknown access token is answered with this error name (mock item 5). @default "invalid_acceess_token" */
  unknownTokenError?: "invalid_acceess_token" | "error_auth";
  seed?: readonly SeedItem[];
  /**
   * Keep shop and tokens in this JSON file (one server per file): a write is answered only once it
   * is on disk; a failed save is rolled back and answered error_server (5xx).
   */
  stateFile?: string;
  /** File-system seam of the state file (tests inject ENOSPC). */
  stateFs?: DurableFs;
  /** Epoch ms. */
  clock?: () => number;
  log?: Logger;
}

export interface ShopeeMockStats {
  requests: number;
  writes: number;
  rateLimited: number;
  faultsInjected: number;
  /** Writes refused because the state file could not be saved (rolled back, answered 5xx). */
  persistFailures: number;
  /** Requests by path (without /api/v2/), answered or not. */
  byPath: Record<string, number>;
  /** Image files stored by upload_image. */
  uploadedFiles: number;
}

export interface ShopeeMockServer {
  url: string;
  partnerId: number;
  partnerKey: string;
  shopId: number;
  stats(): ShopeeMockStats;
  resetStats(): void;
  /** Items as stored, by item id. */
  items(): Item[];
  /** Uploaded images (sha256 per image id). */
  images(): { imageId: string; sha256: string }[];
  tokenCounts(): TokenAuthority["counts"];
  /** The seller cancels the authorization. */
  revoke(): void;
  /** Access tokens stop working before their advertised end (refresh tokens still work). */
  expireAccessTokens(): void;
  /** Marketplace-side status change (review, ban). */
  setItemStatus(itemId: number, status: ItemStatus): void;
  setFaults(faults: ShopeeFaults): void;
  scheduleFault(path: string, kind: ShopeeFaultKind, times?: number): void;
  setItemLimits(profile: ItemLimitProfile): void;
  close(): Promise<void>;
}

const emptyStats = (): ShopeeMockStats => ({ requests: 0, writes: 0, rateLimited: 0, faultsInjected: 0, persistFailures: 0, byPath: {}, uploadedFiles: 0 });
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The day a daily cap counts in: days start at 16:00 UTC (00:00 in UTC+8). */
const capDay = (ms: number): number => Math.floor((ms + 8 * 3_600_000) / 86_400_000);

export async function startShopeeMock(options: ShopeeMockOptions = {}): Promise<ShopeeMockServer> {
  // Held from before the load until after the last write: the file is this server's alone.
  const lock: StateLock | undefined = options.stateFile ? await acquireStateLock(options.stateFile) : undefined;
  try {
    // Read and written through the real path the lock is on; a killed writer's temp files go first.
    if (lock) await removeStaleTempFiles(lock.realPath, options.stateFs);
    return await serve(options, lock, lock ? await loadShopeeState(lock.realPath, options.stateFile ?? lock.realPath) : undefined);
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

async function serve(options: ShopeeMockOptions, lock: StateLock | undefined, saved: ShopeeState | undefined): Promise<ShopeeMockServer> {
  const clock = options.clock ?? Date.now;
  const nowUnix = (): number => Math.floor(clock() / 1000);
  const log = options.log ?? silentLogger();
  const partnerId = options.partnerId ?? DEFAULT_PARTNER_ID;
  const partnerKey = options.partnerKey ?? DEFAULT_PARTNER_KEY;
  const shopId = options.shopId ?? DEFAULT_SHOP_ID;
  const shop: Shop = saved ? restoreShop(saved.shop) : createShop(shopId, options.shopName ?? "Toko Desa Shopee Mock");
  shop.shopId = shopId;
  if (!saved && options.seed) seedShop(shop, options.seed, nowUnix());
  const tokens = new TokenAuthority(nowUnix);
  if (saved) tokens.restore(saved.tokens);
  const serialize = (): string => `${JSON.stringify({ version: 1, shop: snapshotShop(shop), tokens: tokens.snapshot() } satisfies ShopeeState)}\n`;
  const durable: DurableFile | undefined = lock
    ? await openDurableState({
        file: lock.realPath,
        shownAs: options.stateFile ?? lock.realPath,
        serialize,
        restore: (text) => {
          const back = parseShopeeState(text);
          Object.assign(shop, restoreShop(back.shop), { shopId });
          tokens.restore(back.tokens);
        },
        // What is on disk, or for a new file the fresh (seeded) shop, which is what a restart would see.
        durableText: serialize(),
        ...(options.stateFs ? { fs: options.stateFs } : {}),
        log,
      })
    : undefined;
  /** A change made outside a request (test hooks): saved in the background. */
  const saveLater = (): void => void durable?.commit().catch(() => undefined);
  let profile = options.itemLimits ?? DEFAULT_ITEM_LIMITS;
  const rate = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const limiter = createRateLimiter({ rate, burst: rate }, clock);
  let faults = createShopeeFaults(options.faults);
  let stats = emptyStats();
  const daily = { day: capDay(clock()), calls: 0 };
  const flags = { holiday: options.holiday ?? false };
  const routes: Record<string, Route> = { ...READ_ROUTES, ...writeRoutes(flags), ...variationRoutes({ settleSeconds: options.variationSettleSeconds ?? 0 }), ...MEDIA_ROUTES };

  const persistFailed = (): ShopeeReply => {
    stats.persistFailures += 1;
    return fail("error_server", "The mock could not save its state (nothing was changed); please try again later.", 503);
  };

  const send = (res: ServerResponse, reply: ShopeeReply): void => {
    if (reply.location) {
      res.writeHead(302, { Location: reply.location, "Content-Length": 0 });
      res.end();
      return;
    }
    const body = renderReply(reply);
    res.writeHead(reply.status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(body) });
    res.end(body);
  };
  const drop = (req: IncomingMessage): void => {
    const socket = req.socket as IncomingMessage["socket"] & { resetAndDestroy?: () => void };
    if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
    else socket.destroy();
  };

  /** An injected fault's answer, or "pass" / "drop-after" for the caller. */
  const injected = (kind: ShopeeFaultKind, req: IncomingMessage, res: ServerResponse): "pass" | "drop-after" | "done" => {
    if (kind === "none") return "pass";
    stats.faultsInjected += 1;
    if (kind === "drop") return "drop-after";
    if (kind === "reset") drop(req);
    else if (kind === "server") send(res, fail("error_server", "Internal server error, please try again later.", 500));
    else if (kind === "busy") send(res, fail("error_system_busy", "System is busy, please try again later."));
    else {
      stats.rateLimited += 1;
      send(res, fail("error_rate_limit", "Too many requests. You have reached the rate limit. Please try again later.", 429));
    }
    return "done";
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const path = url.pathname;
    const key = path.replace(/^\/api\/v2\//, "");
    stats.byPath[key] = (stats.byPath[key] ?? 0) + 1;
    const route = routes[path];
    if (!route && !isAuthPath(path)) return send(res, fail("error_not_found", `Wrong path ${path}.`, 404));
    const read = await readBodyBytes(req, route?.multipart ? UPLOAD_BODY_MAX_BYTES : JSON_BODY_MAX_BYTES);
    if (!read.ok && read.reason === "aborted") return;
    if (!read.ok) return send(res, fail("error_param", "Request body is too large.", 413));
    const raw = read.bytes;
    const common = checkCommon(url.searchParams, { partnerId, partnerKey, nowUnix: nowUnix() });
    if ("refused" in common) return send(res, common.refused);

    if (isAuthPath(path)) {
      if (!signMatches(partnerKey, { partnerId, path, timestamp: common.timestamp }, common.sign)) return send(res, wrongSign());
      if (faults.includeAuth && injected(faults.pick(path, false), req, res) === "done") return;
      const reply = handleAuthRoute(path, { method: req.method ?? "GET", query: url.searchParams, raw, tokens, shopId, partnerId, ...(options.mainAccountId !== undefined ? { mainAccountId: options.mainAccountId } : {}) });
      // A code handed out, a pair minted or retired: on disk before the seller or desbumi sees it.
      if (reply.error === "" && !(await commitOrRefuse(durable))) return send(res, persistFailed());
      return send(res, reply);
    }
    if (!route) return;
    if (req.method !== route.method) return send(res, fail("error_param", `Use ${route.method} for ${path}.`, 405));
    const accessToken = url.searchParams.get("access_token");
    const shopRaw = url.searchParams.get("shop_id");
    const signType = route.multipart ? (options.uploadSign ?? route.sign) : route.sign;
    const isPublicSigned = signType === "public" || (signType === "either" && !accessToken);
    if (!isPublicSigned) {
      if (!accessToken) return send(res, fail("error_param", "There is no access_token in query.", 403));
      if (!shopRaw || !/^\d+$/.test(shopRaw)) return send(res, fail("error_param", "There is no shop_id in query.", 403));
      if (!signMatches(partnerKey, { partnerId, path, timestamp: common.timestamp, accessToken, shopId: Number(shopRaw) }, common.sign)) return send(res, wrongSign());
      const state = tokens.checkAccess(accessToken, Number(shopRaw));
      if (state === "wrong-shop") return send(res, authFail("error_auth", "Invalid partner_id or shopid."));
      if (state === "unknown" || state === "expired") {
        const name = options.unknownTokenError ?? "invalid_acceess_token";
        return send(res, authFail(name, "Invalid access_token."));
      }
      if (state === "revoked") return send(res, authFail("error_auth", "Invalid access_token."));
      if (Number(shopRaw) !== shop.shopId) return send(res, authFail("error_auth", "Invalid partner_id or shopid."));
    } else if (!signMatches(partnerKey, { partnerId, path, timestamp: common.timestamp }, common.sign)) {
      return send(res, wrongSign());
    }

    if (options.dailyLimit !== undefined) {
      const day = capDay(clock());
      if (day !== daily.day) Object.assign(daily, { day, calls: 0 });
      daily.calls += 1;
      if (daily.calls > options.dailyLimit) return send(res, fail("error_limit", "You have reached the daily request limit of this app.", 429));
    }
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    const fault = injected(faults.pick(path, route.isWrite), req, res);
    if (fault === "done") return;
    if (limiter.take(`${shop.shopId}`, 1).granted === 0) {
      stats.rateLimited += 1;
      return send(res, fail("error_rate_limit", "Too many requests. You have reached the rate limit. Please try again later.", 429));
    }

    let body: Record<string, unknown> = {};
    let form: FormData | undefined;
    if (route.multipart) {
      form = parseMultipart(req.headers["content-type"], raw);
      if (!form) return send(res, fail("error_param", "can't find image file"));
    } else if (route.method === "POST") {
      // The shared strict parser: depth-capped, prototype-free objects.
      const parsed = parseJson(raw.toString("utf8"));
      if (!parsed.ok || !isJsonObject(parsed.value)) return send(res, fail("error_param", "Request body is not a JSON object."));
      body = parsed.value;
    }
    let reply: ShopeeReply;
    try {
      reply = route.handle({ shop, profile, query: url.searchParams, body, ...(form ? { form } : {}), nowUnix: nowUnix(), itemListOffsetCap: options.itemListOffsetCap ?? ITEM_LIST_OFFSET_CAP });
    } catch (error) {
      if (!(error instanceof Rejected)) throw error;
      reply = error.reply;
    }
    if (route.isWrite) {
      // Answered only once it is on disk (a refused batch item may sit beside applied ones).
      if (!(await commitOrRefuse(durable))) return send(res, persistFailed());
      if (reply.error === "") {
        stats.writes += 1;
        if (route.multipart) stats.uploadedFiles += form?.files.length ?? 0;
      }
    }
    if (fault === "drop-after") return drop(req);
    send(res, reply);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    stats.requests += 1;
    const url = parseRequestUrl(req.url);
    if (!url) return send(res, fail("error_param", "The request target is malformed.", 400));
    try {
      if (url.pathname.startsWith("/api/v2/")) await handleApi(req, res, url);
      else send(res, fail("error_not_found", `Wrong path ${url.pathname}.`, 404));
    } catch (error) {
      log.error({ err: error, path: url.pathname }, "shopee mock handler failed");
      if (!res.headersSent && !res.destroyed) send(res, fail("error_inner", "Internal mock error.", 500));
    } finally {
      // The path only: the query carries the access token and sign.
      log.debug({ method: req.method, path: url.pathname, status: res.statusCode }, "shopee mock request");
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  const url = await listen(server, options);

  const close = createClose({ server, durable, lock, shownAs: options.stateFile });
  return {
    url,
    partnerId,
    partnerKey,
    shopId: shop.shopId,
    stats: () => structuredClone(stats),
    resetStats() {
      stats = emptyStats();
    },
    items: () => [...shop.items.values()].sort((a, b) => a.itemId - b.itemId).map((i) => structuredClone(i)),
    images: () => [...shop.images.values()].map((i) => ({ imageId: i.imageId, sha256: i.sha256 })),
    tokenCounts: () => ({ ...tokens.counts }),
    revoke() {
      tokens.revoke(shop.shopId);
      saveLater();
    },
    expireAccessTokens() {
      tokens.expireAccess(shop.shopId);
      saveLater();
    },
    setItemStatus(itemId, status) {
      const item = shop.items.get(itemId);
      if (item) item.status = status;
      saveLater();
    },
    setFaults(next) {
      faults = createShopeeFaults(next);
    },
    scheduleFault(path, kind, times) {
      faults.schedule(path.startsWith("/") ? path : `/api/v2/${path}`, kind, times);
    },
    setItemLimits(next) {
      profile = next;
    },
    close,
  };
}
