// Whose category tree a run checks against, without opening the target: validate needs it for
// every file, and target/open.ts loads the adapter registry (zod schemas, ~50 ms of start-up).
import { categoryCacheKey } from "../categories/offline.js";
import type { MarketplaceConfig } from "../config/types.js";
import type { TargetFlags } from "./open.js";

/**
 * Where this run's category tree is known offline (issue 12.4): the practice shop's is built in; a
 * connected target's is cached per adapter and shop (`.desbumi/categories-<key>.json`), written by
 * sync whenever it lists categories. Same key for sync and validate.
 */
export function categoryTargetOf(opts: { flags: Pick<TargetFlags, "marketplace" | "shopId">; marketplace?: MarketplaceConfig; group?: string }): { isPracticeShop: boolean; cacheKey?: string } {
  const name = opts.flags.marketplace ?? opts.marketplace?.adapter;
  if (name === undefined) return { isPracticeShop: true };
  const block = opts.marketplace?.adapter === name ? opts.marketplace : undefined;
  const shop = opts.flags.shopId ?? block?.shopId ?? opts.group ?? "default";
  const key = categoryCacheKey(name, shop);
  return { isPracticeShop: false, ...(key !== undefined ? { cacheKey: key } : {}) };
}
