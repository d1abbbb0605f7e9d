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

/**
 * What the seller pasted: the landing address (`...?code=...&shop_id=...`, or `&main_account_id=...`
 * when a main account authorized, reference A1) or a bare code.
 */
export function parseLanding(input: string): { code?: string; shopId?: number; mainAccountId?: number } {
  const text = input.trim();
  if (/^https?:\/\//i.test(text)) {
    const url = new URL(text);
    const code = url.searchParams.get("code") ?? undefined;
    const id = (key: string): number | undefined => {
      const raw = url.searchParams.get(key);
      return raw && /^\d+$/.test(raw) ? Number(raw) : undefined;
    };
    const shopId = id("shop_id");
    const mainAccountId = id("main_account_id");
    return { ...(code ? { code } : {}), ...(shopId !== undefined ? { shopId } : {}), ...(mainAccountId !== undefined ? { mainAccountId } : {}) };
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
  const wanted = landing.shopId ?? given ?? options.shopId;
  // A main account's code is exchanged with main_account_id; the answer lists its shops.
  const mainAccountId = landing.shopId === undefined ? landing.mainAccountId : undefined;
  if (!landing.code) throw new UsageError({ en: "That has no code in it. Paste the whole address of the page you landed on.", id: "Tidak ada kode di situ. Tempel seluruh alamat halaman tujuan." });
  if (!wanted && mainAccountId === undefined) throw new UsageError({ en: "The shop id is missing: paste the whole landing address (it has shop_id=...), or add --shop-id N.", id: "shop id belum ada: tempel seluruh alamat tujuan (memuat shop_id=...), atau tambahkan --shop-id N." });

  const now = unixSeconds();
  let answer;
  try {
    const owner = mainAccountId !== undefined ? { main_account_id: mainAccountId } : { shop_id: wanted };
    answer = await postTokenCall(options.baseUrl, partner, "/api/v2/auth/token/get", { code: landing.code, partner_id: partner.partnerId, ...owner }, ctx.fetch ?? fetch, now);
  } catch (error) {
    if (error instanceof ShopeeApiError && (error.error === "invalid_partner_id" || error.error === "error_sign")) throw partnerRefusedError(error.error);
    // `invalid_main_acount_id` is Shopee's own spelling (reference A1).
    if (error instanceof ShopeeApiError && (LAPSED_ERRORS.has(error.error) || error.error === "invalid_shop_id" || error.error === "invalid_main_acount_id" || error.error === "invalid_main_account_id")) {
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
  const { tokens } = answer;
  const shopId = mainAccountId === undefined ? wanted : pickShop(answer.shopIds, wanted, ctx);
  const store = new TokenStore(desbumiHome(ctx.env));
  await store.write({ version: 1, marketplace: ADAPTER, group: ctx.group, tokens, shop: { id: String(shopId), name: `Shopee ${shopId}`, region: "ID" }, connectedAt: now });
  return { shop: { id: String(shopId), name: `Shopee ${shopId}`, region: "ID" }, reconnectBy: tokens.refreshExpiresAt };
}

/**
 * The shop of a main-account grant: the one asked for (--shop-id or the config's shopId) when the
 * grant covers it, else the first of shop_id_list.
 * NOTE: the code is single-use, so with several shops and none asked for we take the first one and
 * say how to pick another, rather than fail after the code is spent.
 */
function pickShop(shopIds: readonly number[], wanted: number | undefined, ctx: ConnectContext): number {
  const [first] = shopIds;
  if (first === undefined) {
    throw new AdapterError({
      adapter: ADAPTER,
      kind: "auth",
      message: { en: "Shopee authorized a main account but named no shop in it (shop_id_list is empty).", id: "Shopee mengizinkan akun utama tetapi tidak menyebut tokonya (shop_id_list kosong)." },
    });
  }
  if (wanted !== undefined) {
    if (shopIds.includes(wanted)) return wanted;
    throw new UsageError({
      en: `Shop ${wanted} is not among the shops this main account authorized (${shopIds.join(", ")}). Run \`desbumi connect shopee --shop-id N\` again with one of them.`,
      id: `Toko ${wanted} tidak termasuk toko yang diizinkan akun utama ini (${shopIds.join(", ")}). Jalankan lagi \`desbumi connect shopee --shop-id N\` dengan salah satunya.`,
    });
  }
  if (shopIds.length > 1) {
    ctx.say({
      en: `This main account authorized shops ${shopIds.join(", ")}; desbumi connected shop ${first}. For another one, run \`desbumi connect shopee --shop-id N\` again.`,
      id: `Akun utama ini mengizinkan toko ${shopIds.join(", ")}; desbumi menghubungkan toko ${first}. Untuk toko lain, jalankan lagi \`desbumi connect shopee --shop-id N\`.`,
    });
  }
  return first;
}

export async function shopeeAuthorizationStatus(_options: ShopeeOptions, ctx: AdapterContext & { group: string }): Promise<AuthorizationStatus> {
  const auth = await new TokenStore(desbumiHome(ctx.env)).read(ADAPTER, ctx.group).catch(() => undefined);
  if (!auth) return { connected: false };
  return { connected: true, ...(auth.shop ? { shop: auth.shop.id } : {}), reconnectBy: auth.tokens.refreshExpiresAt };
}
