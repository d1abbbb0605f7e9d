// Guards that stop a sync from emptying a shop by mistake. Pure: they return a refusal or nothing.
import type { Text } from "../i18n.js";
import type { Listing, Plan } from "../plan/types.js";

export const DEFAULT_MAX_DEACTIVATE_PERCENT = 20;

export interface MassDeactivateInput {
  plan: Pick<Plan, "changes">;
  listings: readonly Listing[];
  /** Valid products in the catalogue (0 = pruning from an empty catalogue). */
  catalogProducts: number;
  maxPercent?: number;
}

/**
 * Refuse when the plan deactivates more than `maxPercent` of the live active listings, or prunes
 * with an empty catalogue. NOTE: deactivating a single listing is always allowed, so small shops
 * can retire one product without the override flag.
 */
export function checkMassDeactivate(input: MassDeactivateInput): Text | undefined {
  const deactivations = input.plan.changes.filter((c) => c.kind === "deactivate");
  if (deactivations.length === 0) return undefined;
  const active = input.listings.filter((l) => l.status === "active").length;
  const pruned = deactivations.some((c) => c.kind === "deactivate" && c.reason === "pruned");
  if (pruned && input.catalogProducts === 0) {
    return {
      id: `Ditolak: katalog kosong, dan --prune akan menonaktifkan ${deactivations.length} produk (semua produk di toko). Periksa file katalog; kalau memang itu maksudnya, tambahkan --allow-mass-deactivate.`,
      en: `Refused: the catalogue is empty and --prune would deactivate ${deactivations.length} listings (the whole shop). Check the catalogue file; if that is really what you want, add --allow-mass-deactivate.`,
    };
  }
  const maxPercent = input.maxPercent ?? DEFAULT_MAX_DEACTIVATE_PERCENT;
  const allowed = Math.max(1, Math.floor((active * maxPercent) / 100));
  if (deactivations.length <= allowed) return undefined;
  return {
    id: `Ditolak: rencana ini menonaktifkan ${deactivations.length} dari ${active} produk aktif (batas ${maxPercent}% = ${allowed}). Periksa katalog; kalau memang itu maksudnya, tambahkan --allow-mass-deactivate.`,
    en: `Refused: this plan deactivates ${deactivations.length} of ${active} active listings (limit ${maxPercent}% = ${allowed}). Check the catalogue; if that is really what you want, add --allow-mass-deactivate.`,
  };
}
