// Why a saved plan no longer fits the shop or the catalogue (apply refuses then). Pure.
import type { Text } from "../i18n.js";
import { fingerprintListing } from "../plan/fingerprint.js";
import type { Listing, Plan } from "../plan/types.js";

export function findStaleness(plan: Plan, listings: readonly Listing[], catalogSha256: string | undefined): Text[] {
  const reasons: Text[] = [];
  if (catalogSha256 === undefined) {
    reasons.push({
      id: `file katalog ${plan.catalog.file} tidak ditemukan lagi`,
      en: `the catalogue file ${plan.catalog.file} is gone`,
    });
  } else if (catalogSha256 !== plan.catalog.sha256) {
    reasons.push({
      id: `file katalog ${plan.catalog.file} sudah berubah sejak rencana dibuat`,
      en: `the catalogue file ${plan.catalog.file} changed since the plan was made`,
    });
  }
  const byId = new Map(listings.map((l) => [l.id, l]));
  const liveSkus = new Set(listings.map((l) => l.sku));
  for (const change of plan.changes) {
    if (change.kind === "create") {
      if (liveSkus.has(change.sku)) {
        reasons.push({
          id: `SKU ${change.sku} yang akan dibuat sudah ada di marketplace`,
          en: `SKU ${change.sku}, to be created, now exists on the marketplace`,
        });
      }
      continue;
    }
    const listing = byId.get(change.listingId);
    if (!listing) {
      reasons.push({
        id: `produk ${change.sku} (id ${change.listingId}) sudah tidak ada di marketplace`,
        en: `listing ${change.sku} (id ${change.listingId}) is no longer on the marketplace`,
      });
    } else if (plan.fingerprints[change.listingId] !== fingerprintListing(listing)) {
      reasons.push({
        id: `produk ${change.sku} (id ${change.listingId}) sudah berubah di marketplace`,
        en: `listing ${change.sku} (id ${change.listingId}) changed on the marketplace`,
      });
    }
  }
  return reasons;
}
