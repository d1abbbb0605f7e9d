// The Shopee Open Platform v2 adapter: the factory (signed client, token session, photo cache,
// reads, plan-time checks, writes). The light definition lives in definition.ts.
import { join } from "node:path";
import { desbumiHome } from "../shared/home.js";
import { PhotoUploadCache, photoCacheFile } from "../shared/photo-cache.js";
import { TokenStore } from "../shared/token-store.js";
import type { AdapterContext, Category, MarketplaceAdapter } from "../types.js";
import { checkProducts } from "./checks.js";
import { buildAttributes } from "./attributes.js";
import { attributesAsSent } from "../shared/attribute-match.js";
import { ShopeeClient } from "./client.js";
import { SHOPEE_RULES, type ShopeeOptions } from "./definition.js";
import { createDetails } from "./details.js";
import { ADAPTER, asRunError, missingPartnerError, reconnectError } from "./errors.js";
import { fetchCategories, listAllListings } from "./read.js";
import { ShopeeSession } from "./session.js";
import { writeChanges, type KnownListing } from "./write.js";

const STATE_DIR = ".desbumi";
// NOTE: pacing, not concurrency, sets the rate; 8 in flight hide photo downloads and cache fsyncs behind it.
const WRITE_CONCURRENCY = 8;

export interface ShopeeAdapter extends MarketplaceAdapter {
  /** Requests per API path (without /api/v2/), for tests and benchmarks. */
  requestsByPath(): Record<string, number>;
  tokenRefreshes(): number;
}

/** Behaviour only desbumi itself (and its tests) pick, not config options. */
export interface ShopeeInternals {
  /** The HTTP client for API calls. @default globalThis.fetch */
  apiFetch?: typeof fetch;
}

export function readPartner(options: ShopeeOptions, env: NodeJS.ProcessEnv): { partnerId: number; partnerKey: string } {
  const id = env[options.partnerIdEnv]?.trim();
  const key = env[options.partnerKeyEnv]?.trim();
  const missing = [!id || !/^\d+$/.test(id) ? options.partnerIdEnv : "", !key ? options.partnerKeyEnv : ""].filter(Boolean);
  if (missing.length > 0) throw missingPartnerError(missing);
  return { partnerId: Number(id), partnerKey: key ?? "" };
}

export async function createShopeeAdapter(options: ShopeeOptions, ctx: AdapterContext, internals: ShopeeInternals = {}): Promise<ShopeeAdapter> {
  const partner = readPartner(options, ctx.env);
  const group = ctx.group ?? "default";
  const log = ctx.log.child({ adapter: ADAPTER });
  const store = new TokenStore(desbumiHome(ctx.env));
  const apiFetch = internals.apiFetch ?? globalThis.fetch;
  const session = new ShopeeSession({ store, group, baseUrl: options.baseUrl, partner, log, fetch: apiFetch });
  const shopId = options.shopId ?? (await session.shopId());
  if (!shopId) throw reconnectError(group);
  if (options.shopId !== undefined && options.shopId !== (await session.shopId())) throw reconnectError(group);
  const client = new ShopeeClient({
    baseUrl: options.baseUrl,
    partner,
    shopId,
    session,
    pace: options.pace,
    requestTimeoutMs: options.requestTimeoutMs,
    maxRetries: options.maxRetries,
    retryBaseMs: options.retryBaseMs,
    log,
    fetch: apiFetch,
  });
  const photos = await PhotoUploadCache.open(photoCacheFile(join(ctx.cwd, STATE_DIR), ADAPTER, String(shopId)), ADAPTER, String(shopId));
  const details = createDetails(client);
  const known = new Map<string, KnownListing>();
  let categories: Promise<Category[]> | undefined;
  const listCategories = (signal?: AbortSignal): Promise<Category[]> => {
    categories ??= fetchCategories(client, signal).catch((error: unknown) => {
      categories = undefined;
      throw error;
    });
    return categories;
  };

  return {
    name: ADAPTER,
    label: `Shopee shop / toko Shopee ${shopId} (${new URL(options.baseUrl).host})`,
    capabilities: {
      canList: true,
      canListCategories: true,
      maxBatch: { create: 1, update: 1, price: 50, stock: 50, status: 50 },
      cheapFields: ["price", "stock"],
    },
    rules: SHOPEE_RULES,
    async listListings(opts) {
      // A photo uploaded from a file is compared by its content; one downloaded from a link by the link.
      const fileHash = (id: string): string | null => {
        const ref = photos.refFor(id);
        return ref !== undefined && !/^https?:\/\//i.test(ref) ? (photos.sha256Of(id) ?? null) : null;
      };
      const listings = await listAllListings(client, (id) => photos.refFor(id) ?? "", opts?.signal, fileHash).catch((error: unknown) => {
        throw asRunError(error, group);
      });
      known.clear();
      for (const l of listings) known.set(l.id, { ...(l.review ? { review: l.review } : {}), ...(l.variants ? { variants: l.variants } : {}) });
      return listings;
    },
    listCategories: (opts) =>
      listCategories(opts?.signal).catch((error: unknown) => {
        throw asRunError(error, group);
      }),
    checkProducts: (products, at) =>
      checkProducts(products, at, details, () => listCategories()).catch((error: unknown) => {
        throw asRunError(error, group);
      }),
    // get_item_base_info reads attribute_list back by the tree's names (map.ts): the plan compares them.
    sentAttributes: (product) =>
      details
        .attributes(Number(product.categoryId))
        .then((tree) => attributesAsSent(buildAttributes(product, tree).match))
        .catch((error: unknown) => {
          throw asRunError(error, group);
        }),
    apply: (changes, opts = {}) =>
      writeChanges(changes, opts, {
        client,
        details,
        photos: { client, cache: photos, cwd: ctx.cwd, fetch: ctx.fetch ?? globalThis.fetch },
        logistics: options.logistics,
        packageCm: options.packageDimensionCm,
        group,
        known,
        concurrency: WRITE_CONCURRENCY,
        log,
      }),
    stats: () => client.stats(),
    requestsByPath: () => Object.fromEntries(client.byPath),
    tokenRefreshes: () => session.refreshes,
    async close() {
      await photos.save();
    },
  };
}

export { shopee, shopeeOptionsSchema, SHOPEE_RULES, type ShopeeOptions, type ShopeeOptionsInput } from "./definition.js";
