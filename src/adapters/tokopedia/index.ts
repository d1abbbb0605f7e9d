// The Tokopedia seller API adapter: definition (options, rules) and factory.
import { z } from "zod";
import type { AdapterContext, AdapterDefinition, Category, MarketplaceAdapter } from "../types.js";
import { TOKOPEDIA_RULES } from "../../rules.js";
import { TokopediaClient } from "./client.js";
import { missingCredentialsError } from "./errors.js";
import { fetchCategories, listAllListings, type ShopRef } from "./read.js";
import { writeChanges } from "./write.js";

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 5;
export const DEFAULT_RETRY_BASE_MS = 250;

const numericId = z
  .union([z.number().int().positive(), z.string().regex(/^\d+$/, "must be a number")])
  .transform((v) => String(v));

export const tokopediaOptionsSchema = z.strictObject({
  baseUrl: z.url().default("https://fs.tokopedia.net").describe("Seller API base URL"),
  tokenUrl: z.url().default("https://accounts.tokopedia.com/token").describe("Token endpoint URL"),
  fsId: numericId.describe("App id (fs_id), used in every API path"),
  shopId: numericId.describe("Shop id (shop_id)"),
  concurrency: z.number().int().min(1).max(32).default(DEFAULT_CONCURRENCY).describe("Requests in flight at once"),
  requestTimeoutMs: z
    .number()
    .int()
    .min(100)
    .default(DEFAULT_REQUEST_TIMEOUT_MS)
    .describe("Per-request timeout (response head and body gaps), ms"),
  maxRetries: z.number().int().min(0).max(20).default(DEFAULT_MAX_RETRIES).describe("Retries on 5xx and network errors"),
  retryBaseMs: z
    .number()
    .int()
    .min(1)
    .default(DEFAULT_RETRY_BASE_MS)
    .describe("First backoff ceiling; doubles per retry (full jitter), capped at 10 s"),
  clientIdEnv: z.string().min(1).default("TOKOPEDIA_CLIENT_ID").describe("Env variable holding the client id"),
  clientSecretEnv: z.string().min(1).default("TOKOPEDIA_CLIENT_SECRET").describe("Env variable holding the client secret"),
});

export type TokopediaOptions = z.output<typeof tokopediaOptionsSchema>;
export type TokopediaOptionsInput = z.input<typeof tokopediaOptionsSchema>;

export interface TokopediaAdapter extends MarketplaceAdapter {
  /** Token endpoint calls made so far (tests prove the token is cached). */
  tokenFetches(): number;
}

export function createTokopediaAdapter(options: TokopediaOptions, ctx: AdapterContext): TokopediaAdapter {
  const clientId = ctx.env[options.clientIdEnv];
  const clientSecret = ctx.env[options.clientSecretEnv];
  if (!clientId || !clientSecret) throw missingCredentialsError([options.clientIdEnv, options.clientSecretEnv]);

  const log = ctx.log.child({ adapter: "tokopedia" });
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

  return {
    name: "tokopedia",
    label: `Tokopedia shop ${options.shopId} (${new URL(options.baseUrl).host})`,
    capabilities: {
      canList: true,
      canListCategories: true,
      maxBatch: { create: 25, update: 25, price: 100, stock: 100, status: 25 },
      cheapFields: ["price", "stock"],
    },
    rules: TOKOPEDIA_RULES,
    listListings: (opts) => listAllListings(client, shop, opts?.signal),
    listCategories(opts) {
      // Once per adapter instance (= per run); a failed fetch is not cached.
      categories ??= fetchCategories(client, shop, opts?.signal).catch((error: unknown) => {
        categories = undefined;
        throw error;
      });
      return categories;
    },
    apply: (changes, opts = {}) =>
      writeChanges(changes, opts, { client, shop, concurrency: options.concurrency, maxRetries: options.maxRetries, log }),
    stats: () => client.stats(),
    tokenFetches: () => client.tokens.fetches,
    close: () => client.close(),
  };
}

export const tokopedia: AdapterDefinition<TokopediaOptions> = {
  name: "tokopedia",
  description: "Tokopedia seller API (fs.tokopedia.net) / API penjual Tokopedia",
  optionsSchema: tokopediaOptionsSchema as z.ZodType<TokopediaOptions>,
  rules: TOKOPEDIA_RULES,
  create: (options, ctx) => createTokopediaAdapter(options, ctx),
};
