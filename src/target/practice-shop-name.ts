// Where the practice shop keeps its state and how outputs name it (light: no server, no client).
import { join } from "node:path";
import type { Lang } from "../i18n.js";

export const PRACTICE_SHOP_FILE = join(".desbumi", "practice-shop.json");

/** The state file of the practice shop of `group` (a config group id), or the shared one. */
export function practiceShopFile(group?: string): string {
  return group === undefined ? PRACTICE_SHOP_FILE : join(".desbumi", `practice-shop-${group}.json`);
}

const shownFile = (group?: string): string => practiceShopFile(group).split("\\").join("/");

/**
 * The target's identity in plans, journals and JSON: the same whatever the output language, so a
 * plan made under `--lang en` still applies under `--lang id`. Names the state file, so two groups'
 * shops are never confused. For text output, `showTarget` picks one language.
 */
export function practiceShopLabel(group?: string): string {
  return `practice shop / toko latihan (Tokopedia & Shop, mock marketplace / marketplace tiruan, ${shownFile(group)})`;
}

export const PRACTICE_SHOP_LABEL = practiceShopLabel();

const LABEL_PATTERN = /^practice shop \/ toko latihan \(Tokopedia & Shop, mock marketplace \/ marketplace tiruan, (.+)\)$/;

/**
 * A target label as text output shows it in one language: the practice shop's bilingual identity
 * becomes "practice shop (Tokopedia & Shop, mock marketplace, …)" or "toko latihan (Tokopedia & Shop,
 * marketplace tiruan, …)"; any
 * other label (a shop id, a folder) is shown as it is.
 */
export function showTarget(label: string, lang: Lang): string {
  const match = LABEL_PATTERN.exec(label);
  if (!match) return label;
  return lang === "id" ? `toko latihan (Tokopedia & Shop, marketplace tiruan, ${match[1]})` : `practice shop (Tokopedia & Shop, mock marketplace, ${match[1]})`;
}
