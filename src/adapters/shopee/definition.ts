// The Shopee Open Platform v2 (Indonesia) adapter's definition: options, offline rules, and a
// factory that loads the HTTP client only when a run really talks to Shopee.
// Facts: shared/reference/shopee-open-platform.md Part A.
import { z } from "zod";
import type { MarketplaceRules } from "../../rules.js";
import type { AdapterDefinition, ConnectInput } from "../types.js";

/**
 * The documented live host (reference A1; Indonesian shops use the SG host).
 * NOTE (open question "whether the sandbox still honours partner.test-stable.shopeemobile.com"): we
 * pick no sandbox host; `baseUrl` names one (openplatform.sandbox.test-stable.shopee.sg or the legacy
 * one), and the mock answers on any host with the same paths.
 */
export const SHOPEE_LIVE_HOST = "https://partner.shopeemobile.com";
/** NOTE (open question "numeric rate limits"): none are published; 10 req/s is our starting pace. */
export const DEFAULT_PACE = 10;

const numericId = z.union([z.number().int().positive(), z.string().regex(/^\d+$/, "must be a number")]).transform((v) => Number(v));

export const shopeeOptionsSchema = z.strictObject({
  shopId: numericId.optional().describe("Shop id (shop_id); default: the shop authorized with `desbumi connect shopee`"),
  baseUrl: z.url().default(SHOPEE_LIVE_HOST).describe("Open Platform host (live, sandbox, or the practice mock)"),
  logistics: z
    .array(z.union([z.number().int().positive(), z.string().min(1)]))
    .optional()
    .describe("Logistics channel ids or names to enable on new items; default: every channel the shop has enabled"),
  packageDimensionCm: z
    .strictObject({
      length: z.number().int().positive().max(1000).describe("cm"),
      width: z.number().int().positive().max(1000).describe("cm"),
      height: z.number().int().positive().max(1000).describe("cm"),
    })
    .default({ length: 10, width: 10, height: 10 })
    .describe(
      "Parcel size (whole cm) sent on new items when a chosen logistics channel prices by size (fee_type SIZE_INPUT) or the category requires a dimension; the catalogue has no size columns",
    ),
  partnerIdEnv: z.string().min(1).default("SHOPEE_PARTNER_ID").describe("Env variable holding the partner id"),
  partnerKeyEnv: z.string().min(1).default("SHOPEE_PARTNER_KEY").describe("Env variable holding the partner key"),
  pace: z.number().positive().max(1000).default(DEFAULT_PACE).describe("Requests per second this app sends to the shop"),
  redirectUrl: z
    .url()
    .default("https://localhost/desbumi/shopee-connected")
    .describe("Where Shopee sends the seller after authorizing (registered in the app); the seller copies that address back"),
  requestTimeoutMs: z.number().int().min(100).default(30_000).describe("Per-request timeout, ms"),
  maxRetries: z.number().int().min(0).max(20).default(6).describe("Retries on error_server, error_system_busy and network errors"),
  retryBaseMs: z.number().int().min(1).default(250).describe("First backoff ceiling; doubles per retry (full jitter)"),
});

export type ShopeeOptions = z.output<typeof shopeeOptionsSchema>;
export type ShopeeOptionsInput = z.input<typeof shopeeOptionsSchema>;

/**
 * Offline rules. The real per-category limits come from get_item_limit and are checked at plan time;
 * these are the reference's documented or mock-default values (A3, A6): name 1-255, description
 * 1-3000 (required), images 1-9, photos JPG/PNG up to 10 MB, <= 2 tiers and <= 50 models, SKUs up
 * to 100 characters. NOTE: no ID price or weight bounds are published; ours are a choice.
 */
export const SHOPEE_RULES: MarketplaceRules = {
  nameMinLength: 1,
  nameMaxLength: 255,
  descriptionMaxLength: 3000,
  descriptionRequired: true,
  priceMin: 100,
  priceMax: 150_000_000,
  stockMin: 0,
  stockMax: 999_999,
  minOrderMin: 1,
  minOrderMax: 9_999,
  weightMinGrams: 1,
  weightMaxGrams: 30_000,
  imagesMin: 1,
  imagesMax: 9,
  skuMaxLength: 100,
  uniqueNames: true,
  maxOptionTypes: 2,
  maxVariants: 50,
  // Reference section 6 (global product limits): tier name 0-14, option 0-20 characters.
  optionNameMaxLength: 14,
  optionValueMaxLength: 20,
  // Variant photos: reference A3: option images on tier 1 only, all or none.
  photo: { minPx: 1, maxPx: 20_000, maxBytes: 10 * 1024 * 1024, formats: ["image/jpeg", "image/png"], variantPhotos: "first-option" },
  family: "shopee",
};

/**
 * `desbumi connect shopee --code CODE --shop-id N`: the landing address carries both (pasting it,
 * or giving it as --code, needs no --shop-id); a bare code needs the shop id beside it.
 */
export const SHOPEE_CONNECT_INPUTS: readonly ConnectInput[] = [
  {
    name: "shopId",
    flag: "--shop-id",
    valueName: "N",
    help: { en: "the shop_id from the address the seller landed on, with a bare --code", id: "shop_id dari alamat tujuan penjual, bersama --code yang hanya berisi kode" },
    check: (value) => (/^\d{1,15}$/.test(value) && Number(value) > 0 ? undefined : { en: "the shop id is a whole number (shop_id=... in the landing address)", id: "shop id berupa bilangan bulat (shop_id=... di alamat tujuan)" }),
  },
];

export const shopee: AdapterDefinition<ShopeeOptions> = {
  name: "shopee",
  displayName: "Shopee",
  description: "Shopee Open Platform v2, Indonesia / Shopee Open Platform v2, Indonesia",
  optionsSchema: shopeeOptionsSchema as z.ZodType<ShopeeOptions>,
  rules: SHOPEE_RULES,
  create: async (options, ctx) => (await import("./index.js")).createShopeeAdapter(options, ctx),
  connect: async (options, ctx) => (await import("./connect.js")).connectShopee(options, ctx),
  connectInputs: SHOPEE_CONNECT_INPUTS,
  authorizationStatus: async (options, ctx) => (await import("./connect.js")).shopeeAuthorizationStatus(options, ctx),
};
