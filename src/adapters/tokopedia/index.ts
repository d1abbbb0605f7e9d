// The Tokopedia seller API adapter: the factory (undici client, pacing, writes).
// The light definition (options, rules) lives in definition.ts so the registry stays cheap to load.
import type { AdapterContext, Category, MarketplaceAdapter } from "../types.js";
import type { TokopediaOptions } from "./definition.js";
import { TOKOPEDIA_RULES } from "../../rules.js";
import { TokopediaClient } from "./client.js";
import { missingCredentialsError } from "./errors.js";
import { secretEnvWarnings } from "../../config/secret-env.js";
import {
  applyWithEtalase,
  cachedEtalase,
  carriesEtalaseName,
  fetchEtalase,
  isEtalaseName,
  matchEtalaseNames,
  type MissingEtalase,
} from "./etalase.js";
import { fetchCategories, listAllListings, type ShopRef } from "./read.js";
import { writeChanges } from "./write.js";
import { notSentNotes } from "../shared/not-sent.js";

export interface TokopediaAdapter extends MarketplaceAdapter {
  /** Token endpoint calls made so far (tests prove the token is cached). */
  tokenFetches(): number;
}

/** Behaviour only desbumi itself picks (not config options). */
export interface TokopediaInternals {
  /** An etalase name the shop lacks: fail the item (default), or send it without an etalase (practice shop). */
  missingEtalase?: MissingEtalase;
}

export function createTokopediaAdapter(options: TokopediaOptions, ctx: AdapterContext, internals: TokopediaInternals = {}): TokopediaAdapter {
  const clientId = ctx.env[options.clientIdEnv];
  const clientSecret = ctx.env[options.clientSecretEnv];
  if (!clientId || !clientSecret) throw missingCredentialsError([options.clientIdEnv, options.clientSecretEnv]);

  const log = ctx.log.child({ adapter: "tokopedia" });
  for (const warning of secretEnvWarnings([options.clientIdEnv, options.clientSecretEnv], { name: "Tokopedia", words: ["TOKOPEDIA", "TOKPED"] })) {
    log.warn(`${warning.en} / ${warning.id}`);
  }
  const client = new TokopediaClient({
    baseUrl: options.baseUrl,
    tokenUrl: options.tokenUrl,
    clientId,
    clientSecret,
    concurrency: options.concurrency,
    requestTimeoutMs: options.requestTimeoutMs,
    maxRetries: options.maxRetries,
    retryBaseMs: options.retryBaseMs,
    log,
  });
  const shop: ShopRef = { baseUrl: options.baseUrl, fsId: options.fsId, shopId: options.shopId };
  let categories: Promise<Category[]> | undefined;
  const etalase = cachedEtalase((signal) => fetchEtalase(client, shop, signal));
  // An estimate of the shop's size (this run's listing, plus creates applied since): it only picks
  // the cheaper way to look up creates whose outcome is unknown.
  let shopSize: number | undefined;

  return {
    name: "tokopedia",
    label: `Tokopedia shop / toko Tokopedia ${options.shopId} (${new URL(options.baseUrl).host})`,
    capabilities: {
      canList: true,
      canListCategories: true,
      maxBatch: { create: 25, update: 25, price: 100, stock: 100, status: 25 },
      cheapFields: ["price", "stock"],
      // Edit v3 keys by id and sends `sku`, so it can put a SKU on a listing made by hand (--adopt).
      canSetSku: true,
    },
    rules: TOKOPEDIA_RULES,
    // The legacy product API has no certificate or category-attribute fields: said once, not dropped silently.
    checkProducts: async (products, at) => notSentNotes(products, at, { target: "Tokopedia" }),
    async listListings(opts) {
      const listings = await listAllListings(client, shop, opts?.signal);
      shopSize = listings.length;
      return listings;
    },
    listCategories(opts) {
      // Once per adapter instance (= per run); a failed fetch is not cached.
      categories ??= fetchCategories(client, shop, opts?.signal).catch((error: unknown) => {
        categories = undefined;
        throw error;
      });
      return categories;
    },
    async resolveEtalase(names, opts) {
      const named = names.filter(isEtalaseName);
      return named.length > 0 ? matchEtalaseNames(named, await etalase(opts?.signal)) : new Map<string, string>();
    },
    async apply(changes, opts = {}) {
      const deps = { client, shop, concurrency: options.concurrency, maxRetries: options.maxRetries, log, shopSize: () => shopSize };
      // The etalase list is fetched only when a change still names one (once per run).
      const outcomes = changes.some(carriesEtalaseName)
        ? await applyWithEtalase(changes, await etalase(opts.signal), internals.missingEtalase ?? "fail", opts, (ready) => writeChanges(ready, opts, deps))
        : await writeChanges(changes, opts, deps);
      if (shopSize !== undefined) shopSize += outcomes.filter((o) => o.status === "applied" && o.kind === "create").length;
      return outcomes;
    },
    stats: () => client.stats(),
    tokenFetches: () => client.tokens.fetches,
    close: () => client.close(),
  };
}

export {
  tokopedia,
  tokopediaOptionsSchema,
  DEFAULT_CONCURRENCY,
  DEFAULT_MAX_RETRIES,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_RETRY_BASE_MS,
  type TokopediaOptions,
  type TokopediaOptionsInput,
} from "./definition.js";
