// Where the practice shop keeps its state and how outputs name it (light: no server, no client).
import { join } from "node:path";

export const PRACTICE_SHOP_FILE = join(".desbumi", "practice-shop.json");

/** The state file of the practice shop of `group` (a config group id), or the shared one. */
export function practiceShopFile(group?: string): string {
  return group === undefined ? PRACTICE_SHOP_FILE : join(".desbumi", `practice-shop-${group}.json`);
}

/** Shown in every output; names the state file, so two groups' shops are never confused. */
export function practiceShopLabel(group?: string): string {
  return `practice shop / toko latihan (Tokopedia & Shop, mock marketplace / marketplace tiruan, ${practiceShopFile(group).split("\\").join("/")})`;
}

export const PRACTICE_SHOP_LABEL = practiceShopLabel();
