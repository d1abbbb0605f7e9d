// Shopee error names -> what desbumi does with them (reference A2), and the run-stopping errors.
import { AdapterError } from "../../errors.js";
import type { Text } from "../../i18n.js";

export const ADAPTER = "shopee";

/** A business error answered by Shopee (non-empty `error`). */
export class ShopeeApiError extends Error {
  override readonly name = "ShopeeApiError";
  constructor(
    readonly error: string,
    message: string,
    readonly status: number,
  ) {
    super(message || error);
  }
}

/**
 * An error name as compared: a module prefix some answers carry (`prodct.error_param`, reference
 * A4 / PYS #43) is dropped.
 */
export const errorName = (raw: unknown): string => (typeof raw === "string" ? raw.trim().replace(/^[a-z_]+\.(?=error_)/i, "") : "");

/** The write may or may not have been done (connection lost after sending). */
export class OutcomeUnknownError extends Error {
  override readonly name = "OutcomeUnknownError";
}

/** Retried later in this run: transient server trouble and throttling. */
export const RETRYABLE = new Set(["error_server", "error_inner", "error_system_busy", "error_rate_limit"]);
/** The access token is no good: refresh once, then retry. */
export const TOKEN_ERRORS = new Set(["invalid_acceess_token", "invalid_access_token", "error_auth"]);
/** The authorization itself is gone: only `desbumi connect shopee` helps. */
export const LAPSED_ERRORS = new Set(["refresh_token_expired", "error_shop_refresh_token", "shop_access_expired", "shop_no_linked", "partner_shop_no_link", "invalid_code"]);

/**
 * Errors about the app or the shop, not the item (reference A2 common errors): every other write
 * would get them too, so the run stops with one message instead of failing item by item.
 */
export const RUN_STOPPING = new Set([...LAPSED_ERRORS, ...TOKEN_ERRORS, "shop_banned", "error_api_permission", "api_suspended", "source_ip_undeclared"]);

export function reconnectError(group: string, code?: string): AdapterError {
  const g = group === "default" ? "" : ` --group ${group}`;
  return new AdapterError({
    adapter: ADAPTER,
    kind: "auth",
    ...(code ? { code } : {}),
    message: {
      en: `The shop's authorization has lapsed or was cancelled by the seller. Run \`desbumi connect shopee${g}\` again and have the seller allow desbumi.`,
      id: `Izin toko sudah habis atau dibatalkan penjual. Jalankan lagi \`desbumi connect shopee${g}\` dan minta penjual mengizinkan desbumi.`,
    },
  });
}

export function notConnectedError(group: string): AdapterError {
  const g = group === "default" ? "" : ` --group ${group}`;
  return new AdapterError({
    adapter: ADAPTER,
    kind: "auth",
    message: {
      en: `No Shopee shop is connected yet. Run \`desbumi connect shopee${g}\` first.`,
      id: `Belum ada toko Shopee yang terhubung. Jalankan dulu \`desbumi connect shopee${g}\`.`,
    },
  });
}

export function missingPartnerError(names: readonly string[]): AdapterError {
  const list = names.join(" and ");
  return new AdapterError({
    adapter: ADAPTER,
    kind: "auth",
    message: {
      en: `Set ${list} in the environment (or in .env) to the partner id and key of your Shopee Open Platform app.`,
      id: `Isi ${list.replace(" and ", " dan ")} di environment (atau di .env) dengan partner id dan key aplikasi Shopee Open Platform Anda.`,
    },
  });
}

export function partnerRefusedError(code: string): AdapterError {
  return new AdapterError({
    adapter: ADAPTER,
    kind: "auth",
    code,
    message: {
      en: `Shopee refused the app's partner id or key (${code}). Check SHOPEE_PARTNER_ID and SHOPEE_PARTNER_KEY: live and test keys only work on their own host.`,
      id: `Shopee menolak partner id atau key aplikasi (${code}). Periksa SHOPEE_PARTNER_ID dan SHOPEE_PARTNER_KEY: key live dan key uji hanya berlaku di host masing-masing.`,
    },
  });
}

export const DAILY_LIMIT_TEXT: Text = {
  en: "Shopee's daily API limit for this app is used up (error_limit). It resets at 00:00 UTC+8 (23:00 WIB); run the same sync again after that: nothing sent so far is lost, and what is left is done then.",
  id: "Batas harian API Shopee untuk aplikasi ini sudah habis (error_limit). Batas diatur ulang pukul 00:00 UTC+8 (23:00 WIB); jalankan sync yang sama lagi setelah itu: yang sudah terkirim tidak hilang, sisanya dikerjakan nanti.",
};

export class DailyLimitError extends Error {
  override readonly name = "DailyLimitError";
  constructor() {
    super(DAILY_LIMIT_TEXT.en);
  }
}

export function unreachableError(baseUrl: string, cause: unknown): AdapterError {
  return new AdapterError({
    adapter: ADAPTER,
    kind: "unreachable",
    cause,
    message: {
      en: `Shopee (${new URL(baseUrl).host}) did not answer after several tries. Check the internet connection and run sync again; nothing is lost.`,
      id: `Shopee (${new URL(baseUrl).host}) tidak menjawab setelah beberapa kali dicoba. Periksa koneksi internet lalu jalankan sync lagi; tidak ada yang hilang.`,
    },
  });
}

/** A read or lookup that failed for good: the run cannot go on (exit 2), in plain words. */
export function asRunError(error: unknown, group: string): unknown {
  if (error instanceof DailyLimitError) return new AdapterError({ adapter: ADAPTER, kind: "rejected", code: "error_limit", message: DAILY_LIMIT_TEXT });
  if (!(error instanceof ShopeeApiError)) return error;
  if (error.error === "error_auth" || TOKEN_ERRORS.has(error.error) || LAPSED_ERRORS.has(error.error)) return reconnectError(group, error.error);
  return new AdapterError({
    adapter: ADAPTER,
    kind: RETRYABLE.has(error.error) ? "unreachable" : "rejected",
    code: error.error,
    message: {
      en: `Shopee refused the request (${error.error}: ${error.message}). Run sync again later; if it keeps happening, check the shop in Seller Center.`,
      id: `Shopee menolak permintaan (${error.error}: ${error.message}). Jalankan sync lagi nanti; bila terus terjadi, periksa toko di Seller Center.`,
    },
  });
}
