// TikTok Shop answer codes the adapter branches on (reference §3), and the errors that stop a run.
import { AdapterError } from "../../errors.js";

export const ADAPTER = "tiktok-shop";

export const CODE = {
  rateLimited: 36009002,
  internal: 36009003,
  gateway: 36009004,
  timeout: 36009007,
  accessExpired: 105002,
  wrongShop: 101000,
  noScope: 105005,
  badSign: 106001,
  dailyListingLimit: 12052093,
  merchantRequestLimit: 12052109,
  checkFailed: 12052990,
} as const;

/** Codes that mean the authorization itself is gone (PHP SDK: every 105xxx / 360xxxxx token code; §1). */
export function isAuthorizationLost(code: number, message: string): boolean {
  if (code === 36004004 || code === 36004005 || code === 36004001) return true;
  // NOTE: 36009004 is overloaded (§3): only its token variants mean the authorization is gone.
  return code === CODE.gateway && /token|credential/i.test(message) && !/sign|timestamp/i.test(message);
}

export const isRetryableCode = (code: number): boolean =>
  code === CODE.rateLimited || code === CODE.internal || code === CODE.timeout || code === CODE.merchantRequestLimit;

/** The one plain message for a revoked or expired authorization (exit 2, no retry loop). */
export function reconnectError(group: string, cause?: unknown): AdapterError {
  const g = group && group !== "default" ? ` --group ${group}` : "";
  return new AdapterError({
    adapter: ADAPTER,
    kind: "auth",
    message: {
      en: `The shop's authorization has ended (revoked in Seller Center or expired). Run \`desbumi connect tiktok-shop${g}\` again.`,
      id: `Izin toko sudah berakhir (dicabut di Seller Center atau kedaluwarsa). Jalankan lagi \`desbumi connect tiktok-shop${g}\`.`,
    },
    cause,
  });
}

export function notConnectedError(group: string): AdapterError {
  const g = group && group !== "default" ? ` --group ${group}` : "";
  return new AdapterError({
    adapter: ADAPTER,
    kind: "auth",
    message: {
      en: `No Tokopedia & Shop shop is connected yet. Run \`desbumi connect tiktok-shop${g}\` first.`,
      id: `Belum ada toko Tokopedia & Shop yang terhubung. Jalankan dulu \`desbumi connect tiktok-shop${g}\`.`,
    },
  });
}

export function missingCredentialsError(names: string[]): AdapterError {
  return new AdapterError({
    adapter: ADAPTER,
    kind: "auth",
    message: {
      en: `Set the app key and secret in the environment (or the .env file next to the config): ${names.join(", ")}.`,
      id: `Isi app key dan secret di environment (atau berkas .env di samping config): ${names.join(", ")}.`,
    },
  });
}
