// The Tokopedia adapter's definition: options, rules, and a factory that loads the HTTP client
// only when a run really talks to Tokopedia (keeps `validate --marketplace tokopedia` fast).
import { z } from "zod";
import type { AdapterDefinition } from "../types.js";
import { TOKOPEDIA_RULES } from "../../rules.js";
import { endpointUrl } from "../../config/secret-env.js";

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 5;
export const DEFAULT_RETRY_BASE_MS = 250;

const numericId = z
  .union([z.number().int().positive(), z.string().regex(/^\d+$/, "must be a number")])
  .transform((v) => String(v));

export const tokopediaOptionsSchema = z.strictObject({
  // https only, except to a loopback host (issue 13 item 19): both receive credentials.
  baseUrl: endpointUrl("https://fs.tokopedia.net", "Seller API base URL"),
  tokenUrl: endpointUrl("https://accounts.tokopedia.com/token", "Token endpoint URL"),
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
  // `family`: its per-marketplace columns are `Nama Produk (Tokopedia)`, `Harga (Tokopedia)` (issue 14).
  rules: { ...TOKOPEDIA_RULES, family: "tokopedia" },
  optionHelp: {
    fsId: {
      id: "Isi dengan app id Tokopedia Anda (fs_id): angka seperti 13004, dari aplikasi Seller API Anda di developer.tokopedia.com.",
      en: "Put your Tokopedia app id (fs_id) there: a number such as 13004, from your Seller API app on developer.tokopedia.com.",
    },
    shopId: {
      id: "Isi dengan nomor toko Anda (shop_id): angka seperti 480829, yang terdaftar untuk aplikasi Seller API Anda (tanyakan ke yang mengurus akses API bila belum tahu).",
      en: "Put your shop's id (shop_id) there: a number such as 480829, the one registered for your Seller API app (ask whoever set up the API access if you do not know it).",
    },
    baseUrl: { id: "Isi dengan alamat lengkap https://..., atau hapus kuncinya (bawaan: https://fs.tokopedia.net).", en: "Put a full https://... address there, or remove the key (default: https://fs.tokopedia.net)." },
    tokenUrl: { id: "Isi dengan alamat lengkap https://..., atau hapus kuncinya (bawaan: https://accounts.tokopedia.com/token).", en: "Put a full https://... address there, or remove the key (default: https://accounts.tokopedia.com/token)." },
  },
  create: async (options, ctx) => (await import("./index.js")).createTokopediaAdapter(options, ctx),
};
