// `desbumi connect tiktok-shop`: consent link -> auth code -> tokens -> authorized shops -> pick
// one -> token store. And the offline authorization status for expiry warnings.
import { randomBytes } from "node:crypto";
import { AdapterError, UsageError } from "../../errors.js";
import { desbumiHome } from "../shared/home.js";
import { Pacer } from "../shared/pacing.js";
import { TokenStore, type AuthorizationStore, type StoredShop } from "../shared/token-store.js";
import type { AdapterContext, AuthorizationStatus, ConnectContext, ConnectResult } from "../types.js";
import { getTokens } from "./auth.js";
import { TikTokClient } from "./client.js";
import type { TikTokShopOptions } from "./definition.js";
import { ADAPTER, missingCredentialsError, reconnectError } from "./errors.js";

interface ShopRow {
  id: string;
  name: string;
  region?: string;
  code?: string;
  cipher?: string;
  seller_type?: string;
}

/** The code from what the seller pasted: the landing address (`...?code=...&state=...`) or the bare code. */
export function parseLanding(input: string): { code?: string; state?: string; denied: boolean } {
  const text = input.trim();
  if (/^https?:\/\//i.test(text)) {
    const url = new URL(text);
    const code = url.searchParams.get("code") ?? undefined;
    const state = url.searchParams.get("state") ?? undefined;
    const denied = url.searchParams.get("error") === "auth_denied" || code === "null";
    return { ...(code && code !== "null" ? { code } : {}), ...(state ? { state } : {}), denied };
  }
  return text === "" ? { denied: false } : { code: text, denied: false };
}

export function consentLink(options: TikTokShopOptions, state: string): string {
  const url = new URL(options.consentUrl);
  url.searchParams.set("service_id", options.serviceId ?? "");
  url.searchParams.set("state", state);
  return url.toString();
}

export async function connectTikTokShop(options: TikTokShopOptions, ctx: ConnectContext, store: AuthorizationStore = new TokenStore(desbumiHome(ctx.env))): Promise<ConnectResult> {
  const appKey = ctx.env[options.appKeyEnv];
  const appSecret = ctx.env[options.appSecretEnv];
  if (!appKey || !appSecret) throw missingCredentialsError([!appKey ? options.appKeyEnv : "", !appSecret ? options.appSecretEnv : ""].filter(Boolean));

  let input = ctx.code;
  let state: string | undefined;
  if (input === undefined) {
    if (!options.serviceId) {
      throw new UsageError({
        en: 'Add the app\'s "serviceId" (Partner Center, app page) to the tiktok-shop block of desbumi.config.json, or give the code with --code.',
        id: 'Tambahkan "serviceId" aplikasi (Partner Center, halaman aplikasi) ke blok tiktok-shop di desbumi.config.json, atau beri kodenya dengan --code.',
      });
    }
    state = randomBytes(8).toString("hex");
    ctx.say({
      en: `1. Open this link, log in as the seller and allow desbumi:\n   ${consentLink(options, state)}\n2. Copy the address of the page you land on (or just its code).`,
      id: `1. Buka tautan ini, masuk sebagai penjual dan izinkan desbumi:\n   ${consentLink(options, state)}\n2. Salin alamat halaman tujuan (atau kodenya saja).`,
    });
    input = await ctx.ask({ en: "Paste the address or the code here: ", id: "Tempel alamat atau kodenya di sini: " });
    if (input === undefined) {
      throw new UsageError({ en: "No terminal to ask in: give the code with --code CODE.", id: "Tidak ada terminal untuk bertanya: beri kodenya dengan --code KODE." });
    }
  }
  const landing = parseLanding(input);
  if (landing.denied) {
    throw new UsageError({ en: "The seller did not allow desbumi (auth_denied). Open the link again and choose Allow.", id: "Penjual tidak mengizinkan desbumi (auth_denied). Buka tautannya lagi dan pilih Izinkan." });
  }
  if (!landing.code) throw new UsageError({ en: "That has no code in it. Paste the whole address of the page you landed on.", id: "Tidak ada kode di situ. Tempel seluruh alamat halaman tujuan." });
  if (state && landing.state && landing.state !== state) {
    throw new UsageError({ en: "That address belongs to another connect attempt (its state differs). Open the link printed above.", id: "Alamat itu milik percobaan connect lain (state-nya berbeda). Buka tautan yang dicetak di atas." });
  }

  const tokens = await getTokens(options.authUrl, { appKey, appSecret }, landing.code, ctx.fetch ?? fetch);
  if (tokens.code !== 0) {
    throw new AdapterError({
      adapter: ADAPTER,
      kind: "auth",
      code: String(tokens.code),
      message: {
        en: `The code was refused (${tokens.code}): codes work once and for 30 minutes. Open the link again and paste the new address.`,
        id: `Kodenya ditolak (${tokens.code}): kode hanya berlaku sekali dan selama 30 menit. Buka tautannya lagi dan tempel alamat yang baru.`,
      },
    });
  }
  const client = new TikTokClient({
    baseUrl: options.baseUrl,
    appKey,
    appSecret,
    session: { accessToken: async () => tokens.pair.accessToken, expired: async () => Promise.reject(reconnectError(ctx.group)) },
    group: ctx.group,
    pacer: new Pacer({ ratePerSecond: options.rateLimit }),
    log: ctx.log,
    maxRetries: options.maxRetries,
    retryBaseMs: options.retryBaseMs,
    timeoutMs: options.requestTimeoutMs,
  });
  // NOTE: Get Authorized Shops refuses a shop_cipher (§1): cipher stays off.
  const env = await client.call<{ shops?: ShopRow[] }>("GET", "/authorization/202309/shops");
  if (env.code !== 0) throw new AdapterError({ adapter: ADAPTER, kind: "auth", code: String(env.code), message: `listing the authorized shops was refused (${env.code} ${env.message})` });
  const shops = env.data?.shops ?? [];
  const shop = pickShop(shops, options.shop);
  const stored: StoredShop = { id: shop.id, name: shop.name, ...(shop.code ? { code: shop.code } : {}), ...(shop.region ? { region: shop.region } : {}), ...(shop.cipher ? { cipher: shop.cipher } : {}) };
  await store.write({
    version: 1,
    marketplace: ADAPTER,
    group: ctx.group,
    tokens: tokens.pair,
    shop: stored,
    ...(tokens.sellerName ? { seller: tokens.sellerName } : {}),
    connectedAt: Math.floor(Date.now() / 1000),
  });
  return {
    shop: { id: shop.id, name: shop.name, ...(shop.code ? { code: shop.code } : {}), ...(shop.region ? { region: shop.region } : {}) },
    ...(tokens.pair.refreshExpiresAt > 0 ? { reconnectBy: tokens.pair.refreshExpiresAt } : {}),
  };
}

function pickShop(shops: readonly ShopRow[], wanted: string | undefined): ShopRow {
  const list = shops.map((s) => `${s.name} (id ${s.id}, code ${s.code ?? "-"}, ${s.region ?? "-"})`).join("; ");
  if (wanted) {
    const hit = shops.find((s) => s.id === wanted || s.code === wanted);
    if (hit) return hit;
    throw new UsageError({
      en: `The authorization does not cover shop "${wanted}". Authorized shops: ${list || "none"}.`,
      id: `Izin ini tidak mencakup toko "${wanted}". Toko yang diizinkan: ${list || "tidak ada"}.`,
    });
  }
  if (shops.length === 1 && shops[0]) return shops[0];
  if (shops.length === 0) throw new UsageError({ en: "The authorization covers no shop.", id: "Izin ini tidak mencakup toko mana pun." });
  throw new UsageError({
    en: `The authorization covers several shops; name one as "shop" (id or code) in the tiktok-shop block: ${list}.`,
    id: `Izin ini mencakup beberapa toko; sebutkan satu sebagai "shop" (id atau kode) di blok tiktok-shop: ${list}.`,
  });
}

export async function tiktokAuthorizationStatus(_options: TikTokShopOptions, ctx: AdapterContext & { group: string }): Promise<AuthorizationStatus> {
  const store = new TokenStore(desbumiHome(ctx.env));
  const auth = (await store.read(ADAPTER, ctx.group).catch(() => undefined)) ?? (ctx.group !== "default" ? await store.read(ADAPTER, "default").catch(() => undefined) : undefined);
  if (!auth) return { connected: false };
  return {
    connected: true,
    ...(auth.shop ? { shop: auth.shop.name } : {}),
    ...(auth.tokens.refreshExpiresAt > 0 ? { reconnectBy: auth.tokens.refreshExpiresAt } : {}),
  };
}
