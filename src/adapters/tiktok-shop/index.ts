// The `tiktok-shop` adapter (Tokopedia & Shop through the TikTok Shop Partner API).
// Reference: shared/reference/tiktok-shop-api.md; decisions in docs/tiktok-shop.md.
import { join } from "node:path";
import pLimit from "p-limit";
import type { Change, ChangeOutcome } from "../../plan/types.js";
import type { AdapterContext, ApplyOptions, Category, MarketplaceAdapter } from "../types.js";
import { AdapterError } from "../../errors.js";
import { desbumiHome } from "../shared/home.js";
import { Pacer } from "../shared/pacing.js";
import { PhotoUploadCache, photoCacheFile } from "../shared/photo-cache.js";
import { TokenStore, type AuthorizationStore, type StoredShop } from "../shared/token-store.js";
import { Session } from "./auth.js";
import { TikTokClient, TransportError } from "./client.js";
import { TIKTOK_SHOP_RULES, type TikTokShopOptions } from "./definition.js";
import { DetailCache } from "./details.js";
import { ADAPTER, missingCredentialsError, reconnectError } from "./errors.js";
import { sentAttributes, type AttributeIds } from "./payload.js";
import { readListings } from "./read.js";
import { checkProducts, createRequirementsLookup } from "./checks.js";
import { createOne, setStatus, updateFields, type WriteDeps } from "./write.js";

export const STATE_DIR = ".desbumi";

interface Warehouse {
  id: string;
  name: string;
  type?: string;
  is_default?: boolean;
  effect_status?: string;
}

/**
 * `store`: where the authorization is read from (default: the token store in the user's folder;
 * the practice shop passes one held in memory).
 */
export async function createTikTokShopAdapter(options: TikTokShopOptions, ctx: AdapterContext, store: AuthorizationStore = new TokenStore(desbumiHome(ctx.env))): Promise<MarketplaceAdapter> {
  const appKey = ctx.env[options.appKeyEnv];
  const appSecret = ctx.env[options.appSecretEnv];
  const missing = [!appKey ? options.appKeyEnv : "", !appSecret ? options.appSecretEnv : ""].filter(Boolean);
  if (!appKey || !appSecret) throw missingCredentialsError(missing);
  const group = ctx.group ?? "default";
  const session = new Session({ store, group, authUrl: options.authUrl, app: { appKey, appSecret }, log: ctx.log });
  const auth = await session.authorization();
  const shop: StoredShop | undefined = auth.shop;
  if (!shop?.cipher) throw reconnectError(group);
  if (options.shop && options.shop !== shop.id && options.shop !== shop.code) {
    throw new AdapterError({
      adapter: ADAPTER,
      kind: "auth",
      message: {
        en: `The config names shop "${options.shop}" but the connected shop is ${shop.name} (${shop.code ?? shop.id}). Run \`desbumi connect tiktok-shop\` again.`,
        id: `Config menyebut toko "${options.shop}" tetapi toko yang terhubung adalah ${shop.name} (${shop.code ?? shop.id}). Jalankan lagi \`desbumi connect tiktok-shop\`.`,
      },
    });
  }
  const pacer = new Pacer({ ratePerSecond: options.rateLimit, burst: 1 });
  const client = new TikTokClient({
    baseUrl: options.baseUrl,
    appKey,
    appSecret,
    session,
    group,
    pacer,
    log: ctx.log,
    maxRetries: options.maxRetries,
    retryBaseMs: options.retryBaseMs,
    timeoutMs: options.requestTimeoutMs,
    cipher: () => shop.cipher,
  });
  const stateDir = join(ctx.cwd, STATE_DIR);
  const photos = await PhotoUploadCache.open(photoCacheFile(stateDir, ADAPTER, shop.id), ADAPTER, shop.id);
  const details = await DetailCache.open(stateDir, shop.id);
  const skuIds = new Map<string, string[]>();
  const statuses = new Map<string, string>();
  const inventories = new Map<string, { warehouse_id: string; quantity: number }[]>();
  let warehouseId: string | undefined;
  let categories: Category[] | undefined;
  const quota = { reached: false };
  const edit: { version?: string } = {};
  const requirements = createRequirementsLookup(client);

  // NOTE (open question §11, default warehouse): every SKU inventory names this sales warehouse
  // (the config's, else the shop's default), never relying on the platform to pick one.
  const warehouse = async (): Promise<string> => {
    if (warehouseId) return warehouseId;
    const env = await client.call<{ warehouses?: Warehouse[] }>("GET", "/logistics/202309/warehouses", { cipher: true });
    const sales = (env.data?.warehouses ?? []).filter((w) => w.type === "SALES_WAREHOUSE" && w.effect_status !== "DISABLED");
    const want = options.warehouse;
    const hit = want ? sales.find((w) => w.id === want || w.name.toLowerCase() === want.toLowerCase()) : sales.find((w) => w.is_default) ?? sales[0];
    if (!hit) {
      const names = sales.map((w) => `${w.name} (${w.id})`).join(", ") || "-";
      throw new AdapterError({
        adapter: ADAPTER,
        kind: "rejected",
        message: {
          en: want ? `The shop has no sales warehouse "${want}". Its sales warehouses: ${names}.` : "The shop has no sales warehouse yet: add one in Seller Center.",
          id: want ? `Toko tidak punya gudang penjualan "${want}". Gudang penjualannya: ${names}.` : "Toko belum punya gudang penjualan: tambahkan di Seller Center.",
        },
      });
    }
    warehouseId = hit.id;
    return hit.id;
  };

  // One Get Attributes per category and run: the plan-time checks and the writes match alike.
  const attributeIds = async (categoryId: string): Promise<AttributeIds | undefined> => ({ attributes: (await requirements(categoryId)).attributes });

  const deps = async (signal?: AbortSignal): Promise<WriteDeps> => ({
    client,
    details,
    photos,
    warehouseId: await warehouse(),
    platforms: options.platforms,
    skuIds,
    statuses,
    inventories,
    attributeIds,
    requirements,
    ...(ctx.fetch ? { fetch: ctx.fetch } : {}),
    ...(signal ? { signal } : {}),
    quota,
    edit,
  });

  const adapter: MarketplaceAdapter = {
    name: ADAPTER,
    label: `Tokopedia & Shop ${shop.name}`,
    capabilities: {
      canList: true,
      canListCategories: true,
      maxBatch: { create: 1, update: 1, price: 1, stock: 1, status: 20 },
      cheapFields: ["price", "stock"],
      reviewsWrites: true,
    },
    rules: TIKTOK_SHOP_RULES,

    async listListings(opts) {
      const listings = await readListings({ client, details, photos, warehouseId: await warehouse(), concurrency: options.concurrency, statuses, inventories, ...(opts?.signal ? { signal: opts.signal } : {}) });
      return listings;
    },

    async listCategories() {
      if (categories) return categories;
      // NOTE (open question §11, category version for ID): no category_version is sent, here or
      // on create, so the shop's default tree answers and create checks against that same tree.
      const env = await client.call<{ categories?: { id: string; parent_id: string; local_name: string; is_leaf: boolean; permission_statuses?: string[] }[] }>("GET", "/product/202309/categories", {
        cipher: true,
        query: { locale: "id-ID", listing_platform: options.platforms.length === 1 ? (options.platforms[0] ?? "") : "" },
      });
      if (env.code !== 0) throw new AdapterError({ adapter: ADAPTER, kind: "protocol", code: String(env.code), message: `get categories refused: ${env.code} ${env.message}` });
      const raw = env.data?.categories ?? [];
      const byId = new Map(raw.map((c) => [c.id, c]));
      const pathOf = (id: string): string[] => {
        const out: string[] = [];
        for (let c = byId.get(id), guard = 0; c && guard < 16; c = byId.get(c.parent_id), guard++) out.unshift(c.local_name);
        return out;
      };
      // Only leaves the shop may use (AVAILABLE); parents stay so paths resolve.
      categories = raw
        .filter((c) => !c.is_leaf || (c.permission_statuses ?? ["AVAILABLE"]).includes("AVAILABLE"))
        .map((c) => ({ id: c.id, name: c.local_name, path: pathOf(c.id), isLeaf: c.is_leaf }));
      return categories;
    },

    async checkProducts(products, at) {
      const names = new Map((categories ?? (await adapter.listCategories?.()) ?? []).map((c) => [c.id, c.path.join(" > ")]));
      return checkProducts(products, at, requirements, (id) => names.get(id) ?? id, options.platforms);
    },

    // Get Product reads product_attributes back by the category's names (read.ts): the plan compares them.
    async sentAttributes(product) {
      return sentAttributes(product, await attributeIds(product.categoryId));
    },

    async apply(changes: readonly Change[], opts: ApplyOptions = {}): Promise<ChangeOutcome[]> {
      const outcomes = new Map<Change, ChangeOutcome>();
      const report = (c: Change, o: ChangeOutcome): void => {
        outcomes.set(c, o);
        opts.onOutcome?.(o);
      };
      const skip = (c: Change): void => report(c, { status: "skipped", sku: c.sku, kind: c.kind, reason: "interrupted before it was sent" });
      if (opts.signal?.aborted) {
        for (const c of changes) skip(c);
        return changes.map((c) => outcomes.get(c) as ChangeOutcome);
      }
      // NOTE: the signal is not passed down: once a change is sent it finishes and is reported (interface contract).
      const d = await deps();
      const limit = pLimit(options.concurrency);
      const toDeactivate: Change[] = [];
      const toActivate: Change[] = [];
      try {
        await Promise.all(
          changes.map((c) =>
            limit(async () => {
              if (opts.signal?.aborted) return skip(c);
              if (c.kind === "deactivate") return void toDeactivate.push(c);
              opts.onIntent?.(c);
              if (c.kind === "create") return report(c, await createOne(c, d));
              if (c.kind === "update") return report(c, await updateFields(c, d));
              // reactivate: field changes first, then activate in batches
              const fieldsDone = c.fields.length > 0 || details.get(c.listingId)?.heldStock !== undefined ? await updateFields(c, d) : undefined;
              if (fieldsDone && fieldsDone.status !== "applied") return report(c, fieldsDone);
              toActivate.push(c);
            }),
          ),
        );
        for (const [list, activate] of [[toDeactivate, false], [toActivate, true]] as const) {
          const live = list.filter((c) => {
            if (!opts.signal?.aborted) return true;
            if (!outcomes.has(c)) skip(c);
            return false;
          });
          if (activate === false) for (const c of live) opts.onIntent?.(c);
          for (const o of await setStatus(live, activate, d)) {
            const c = live.find((x) => x.sku === o.sku && x.kind === o.kind && !outcomes.has(x));
            if (c) report(c, o);
          }
        }
      } finally {
        await Promise.all([details.save(), photos.save()]);
      }
      return changes.map((c) => outcomes.get(c) ?? { status: "skipped", sku: c.sku, kind: c.kind, reason: "not sent" });
    },

    stats() {
      return { requests: client.stats.requests, writeRequests: client.stats.writeRequests, retries: client.stats.retries, rateLimited: client.stats.rateLimited };
    },

    async close() {
      await Promise.all([details.save(), photos.save()]);
    },
  };
  return adapter;
}

export { TransportError };
