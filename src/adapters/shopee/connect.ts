// `desbumi connect shopee`: the signed authorization link (valid 5 minutes) -> the seller allows
// desbumi and lands on the redirect address carrying `code` and `shop_id` -> the code is exchanged
// for tokens -> the shared token store (reference A1). Partner id and key only from the environment.
import { UsageError } from "../../errors.js";
import { desbumiHome } from "../shared/home.js";
import { unixSeconds } from "../shared/sign.js";
import { TokenStore } from "../shared/token-store.js";
import type { AdapterContext, AuthorizationStatus, ConnectContext, ConnectResult } from "../types.js";
import type { ShopeeOptions } from "./definition.js";
import { ADAPTER, LAPSED_ERRORS, partnerRefusedError, ShopeeApiError } from "./errors.js";
import { readPartner } from "./index.js";
import { postTokenCall } from "./session.js";
import { authorizationLink } from "./sign.js";
import { AdapterError } from "../../errors.js";

/** What the seller pasted: the landing address (`...?code=...&shop_id=...`) or a bare code. */
export function parseLanding(input: string): { code?: string; shopId?: number } {
  const text = input.trim();
  if (/^https?:\/\//i.test(text)) {
    const url = new URL(text);
    const code = url.searchParams.get("code") ?? undefined;
    const shop = url.searchParams.get("shop_id");
    return { ...(code ? { code } : {}), ...(shop && /^\d+$/.test(shop) ? { shopId: Number(shop) } : {}) };
  }
  return text === "" ? {} : { code: text };
}

export async function connectShopee(options: ShopeeOptions, ctx: ConnectContext): Promise<ConnectResult> {
  const partner = readPartner(options, ctx.env);
  let input = ctx.code;
  if (input === undefined) {
    const link = authorizationLink(options.baseUrl, partner, options.redirectUrl, unixSeconds());
    ctx.say({
      en: `1. Open this link within 5 minutes, log in as the seller and allow desbumi:\n   ${link}\n2. Shopee then opens an address that carries code=... and shop_id=...; copy that whole address.`,
      id: `1. Buka tautan ini dalam 5 menit, masuk sebagai penjual dan izinkan desbumi:\n   ${link}\n2. Shopee lalu membuka alamat yang memuat code=... dan shop_id=...; salin seluruh alamat itu.`,
    });
    input = await ctx.ask({ en: "Paste the address here: ", id: "Tempel alamatnya di sini: " });
    if (input === undefined) {
      throw new UsageError({ en: "No terminal to ask in: give the code with --code CODE --shop-id N.", id: "Tidak ada terminal untuk bertanya: beri kodenya dengan --code KODE --shop-id N." });
    }
  }
  const landing = parseLanding(input);
  // The landing address's shop_id first (it is the shop that was authorized), then --shop-id, then the config's.
  const given = ctx.inputs?.shopId !== undefined ? Number(ctx.inputs.shopId) : undefined;
  if (landing.shopId !== undefined && given !== undefined && landing.shopId !== given) {
    throw new UsageError({
      en: `The landing address is for shop ${landing.shopId}, but --shop-id says ${given}. Leave --shop-id out (the address names the shop), or paste the address of that shop.`,
      id: `Alamat tujuan itu untuk toko ${landing.shopId}, tetapi --shop-id menyebut ${given}. Hapus --shop-id (alamatnya sudah menyebut tokonya), atau tempel alamat toko itu.`,
    });
  }
  const shopId = landing.shopId ?? given ?? options.shopId;
  if (!landing.code) throw new UsageError({ en: "That has no code in it. Paste the whole address of the page you landed on.", id: "Tidak ada kode di situ. Tempel seluruh alamat halaman tujuan." });
  if (!shopId) throw new UsageError({ en: "The shop id is missing: paste the whole landing address (it has shop_id=...), or add --shop-id N.", id: "shop id belum ada: tempel seluruh alamat tujuan (memuat shop_id=...), atau tambahkan --shop-id N." });

  const now = unixSeconds();
  let tokens;
  try {
    tokens = await postTokenCall(options.baseUrl, partner, "/api/v2/auth/token/get", { code: landing.code, partner_id: partner.partnerId, shop_id: shopId }, ctx.fetch ?? fetch, now);
  } catch (error) {
    if (error instanceof ShopeeApiError && (error.error === "invalid_partner_id" || error.error === "error_sign")) throw partnerRefusedError(error.error);
    if (error instanceof ShopeeApiError && (LAPSED_ERRORS.has(error.error) || error.error === "invalid_shop_id")) {
      throw new AdapterError({
        adapter: ADAPTER,
        kind: "auth",
        code: error.error,
        message: {
          en: `Shopee did not accept that code (${error.error}): a code works once, for 10 minutes. Run \`desbumi connect shopee\` again and paste the new address right away.`,
          id: `Shopee tidak menerima kode itu (${error.error}): kode hanya berlaku sekali, selama 10 menit. Jalankan lagi \`desbumi connect shopee\` dan langsung tempel alamat barunya.`,
        },
      });
    }
    throw error;
  }
  const store = new TokenStore(desbumiHome(ctx.env));
  await store.write({ version: 1, marketplace: ADAPTER, group: ctx.group, tokens, shop: { id: String(shopId), name: `Shopee ${shopId}`, region: "ID" }, connectedAt: now });
  return { shop: { id: String(shopId), name: `Shopee ${shopId}`, region: "ID" }, reconnectBy: tokens.refreshExpiresAt };
}

export async function shopeeAuthorizationStatus(_options: ShopeeOptions, ctx: AdapterContext & { group: string }): Promise<AuthorizationStatus> {
  const auth = await new TokenStore(desbumiHome(ctx.env)).read(ADAPTER, ctx.group).catch(() => undefined);
  if (!auth) return { connected: false };
  return { connected: true, ...(auth.shop ? { shop: auth.shop.id } : {}), reconnectBy: auth.tokens.refreshExpiresAt };
}
