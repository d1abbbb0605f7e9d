// Marketplace names a per-marketplace column may carry in its brackets (`Harga (Shopee)`,
// `Nama Produk (TikTok Shop)`): the adapter name or the name people call it by, compared on the
// header key (case, spacing and punctuation ignored). Each maps to the key Product.overrides is
// keyed by, which is what src/sync/for-target.ts looks up (the adapter name, or rules.family).
// NOTE: a literal table, not the adapter registry: the catalogue never imports adapters; a test
// checks that every registered adapter is named here.
import { closest } from "../edit-distance.js";
import { headerKey } from "./header-aliases.js";

/** Override key -> the names that mean it (the first is the one suggestions show). */
export const MARKETPLACE_NAMES: Readonly<Record<string, readonly string[]>> = {
  "tiktok-shop": ["TikTok Shop", "tiktok-shop", "Tokopedia & Shop", "Tokopedia dan Shop", "TikTok", "Tiktokshop"],
  shopee: ["Shopee"],
  tokopedia: ["Tokopedia", "Tokped"],
  "tokopedia-bulk": ["tokopedia-bulk", "Tokopedia Bulk", "Tokopedia Seller Center"],
  memory: ["memory", "memory shop"],
};

const BY_KEY = new Map<string, string>();
for (const [key, names] of Object.entries(MARKETPLACE_NAMES)) for (const name of names) BY_KEY.set(headerKey(name), key);

/** The override key a bracketed name means, or undefined. */
export const marketplaceKey = (name: string): string | undefined => BY_KEY.get(headerKey(name));

/** The closest marketplace name for a near miss (`Shoppe`, `Tiktok Sop`), if close enough. */
export function suggestMarketplace(name: string): string | undefined {
  const key = headerKey(name);
  if (key === "") return undefined;
  const pairs = Object.values(MARKETPLACE_NAMES).flatMap((names) => names.map((name) => ({ name, shown: names[0] })));
  const best = closest(key, pairs, (p) => headerKey(p.name));
  return best && best.distance <= Math.max(1, Math.floor(key.length / 3)) ? best.item.shown : undefined;
}

/** Every marketplace name people may write, for the UNKNOWN_MARKETPLACE hint. */
export const marketplaceChoices = (): string => Object.values(MARKETPLACE_NAMES).map((names) => names[0]!).join(", ");
