// The Tokopedia adapter's definition: options, rules, and a factory that loads the HTTP client
// only when a run really talks to Tokopedia (keeps `validate --marketplace tokopedia` fast).
import { z } from "zod";
import type { AdapterDefinition } from "../types.js";
import { TOKOPEDIA_RULES } from "../../rules.js";

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

export const tokopedia: AdapterDefinition<TokopediaOptions> = {
  name: "tokopedia",
  description: "Tokopedia seller API (fs.tokopedia.net) / API penjual Tokopedia",
  displayName: "Tokopedia (legacy Open API, closed 2025-09-30)",
  status: "retired",
  optionsSchema: tokopediaOptionsSchema as z.ZodType<TokopediaOptions>,
  rules: TOKOPEDIA_RULES,
  create: async (options, ctx) => (await import("./index.js")).createTokopediaAdapter(options, ctx),
};
