// The `tiktok-shop` adapter's definition: TikTok Shop Partner API (202309+), the API that serves
// "Tokopedia & Shop" shops since the Tokopedia Open API closed (reference tiktok-shop-api.md §9).
import { z } from "zod";
import type { AdapterDefinition } from "../types.js";
import type { MarketplaceRules } from "../../rules.js";

export const DEFAULT_BASE_URL = "https://open-api.tiktokglobalshop.com";
export const DEFAULT_AUTH_URL = "https://auth.tiktok-shops.com";
/** ROW consent page, Indonesia included (§1). */
export const DEFAULT_CONSENT_URL = "https://services.tiktokshop.com/open/authorize";
export const RATE_LIMIT_PER_ENDPOINT = 50;

const platform = z.enum(["TOKOPEDIA", "TIKTOK_SHOP"]);

export const tiktokShopOptionsSchema = z.strictObject({
  serviceId: z.string().min(1).optional().describe("The app's service_id (Partner Center), for the consent link of `desbumi connect`"),
  shop: z.string().min(1).optional().describe("Shop id or shop code to use when the authorization covers several shops"),
  warehouse: z.string().min(1).optional().describe("Sales warehouse id or name (default: the shop's default sales warehouse)"),
  platforms: z
    .array(platform)
    .min(1)
    .default(["TOKOPEDIA", "TIKTOK_SHOP"])
    .describe("Where products are listed: TOKOPEDIA, TIKTOK_SHOP or both"),
  baseUrl: z.url().default(DEFAULT_BASE_URL).describe("Open API host"),
  authUrl: z.url().default(DEFAULT_AUTH_URL).describe("Token host (token get/refresh)"),
  consentUrl: z.url().default(DEFAULT_CONSENT_URL).describe("Consent page the seller opens to authorize the app"),
  appKeyEnv: z.string().min(1).default("TIKTOK_SHOP_APP_KEY").describe("Env variable holding the app key"),
  appSecretEnv: z.string().min(1).default("TIKTOK_SHOP_APP_SECRET").describe("Env variable holding the app secret"),
  concurrency: z.number().int().min(1).max(64).default(16).describe("Requests in flight at once (pacing keeps each endpoint at 50/s)"),
  rateLimit: z.number().positive().max(1000).default(RATE_LIMIT_PER_ENDPOINT).describe("Requests per second per endpoint (documented: 50)"),
  maxRetries: z.number().int().min(0).max(20).default(6).describe("Retries on 429, 5xx and network errors"),
  retryBaseMs: z.number().int().min(1).default(250).describe("First backoff ceiling; doubles per retry (full jitter), capped at 10 s"),
  requestTimeoutMs: z.number().int().min(100).default(30_000).describe("Per-request timeout, ms"),
});

export type TikTokShopOptions = z.output<typeof tiktokShopOptionsSchema>;

/**
 * Offline rules (reference §4.2, §5, ID market): title 25..255, description <= 10,000, 1..9 main
 * images, price 100..100,000,000 IDR, stock 0..99,999 (NOTE: open question §11: the 2025 docs say
 * quantity >= 1; we send 0 for sold-out rows, see docs/tiktok-shop.md; the maximum is the 2025
 * pages' 99,999, not the 2024 pages' 999,999), seller_sku <= 50.
 * Variants (§4.2, ID market): up to 100 SKUs, up to 3 sales attribute types.
 */
export const TIKTOK_SHOP_RULES: MarketplaceRules = {
  nameMaxLength: 255,
  nameMinLength: 25,
  // Reference section 5 (skus[].sales_attributes): a custom name <= 20, value_name <= 50 characters.
  optionNameMaxLength: 20,
  optionValueMaxLength: 50,
  descriptionMaxLength: 10_000,
  descriptionRequired: true,
  priceMin: 100,
  priceMax: 100_000_000,
  stockMin: 0,
  stockMax: 99_999,
  minOrderMin: 1,
  minOrderMax: 20,
  weightMinGrams: 1,
  weightMaxGrams: 500_000,
  imagesMin: 1,
  imagesMax: 9,
  skuMaxLength: 50,
  uniqueNames: true,
  maxVariants: 100,
  maxOptionTypes: 3,
  // Variant photos: §4.2 sku_img: on one sales attribute, for every value of it.
  photo: { minPx: 300, maxPx: 4000, maxBytes: 10 * 1024 * 1024, formats: ["image/jpeg", "image/png", "image/webp"], variantPhotos: "one-option" },
  family: "tiktok-shop",
};

export const tiktokShop: AdapterDefinition<TikTokShopOptions> = {
  name: "tiktok-shop",
  description: "Tokopedia & Shop (TikTok Shop Partner API) / Tokopedia & Shop (API Partner TikTok Shop)",
  optionsSchema: tiktokShopOptionsSchema as z.ZodType<TikTokShopOptions>,
  rules: TIKTOK_SHOP_RULES,
  create: async (options, ctx) => (await import("./index.js")).createTikTokShopAdapter(options, ctx),
  connect: async (options, ctx) => (await import("./connect.js")).connectTikTokShop(options, ctx),
  authorizationStatus: async (options, ctx) => (await import("./connect.js")).tiktokAuthorizationStatus(options, ctx),
};
