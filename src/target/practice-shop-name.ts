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

/** Other adapters' labels as one language shows them (the label itself stays the identity). */
const ONE_LANGUAGE: readonly { pattern: RegExp; show: (m: RegExpExecArray, lang: Lang) => string }[] = [
  {
    pattern: LABEL_PATTERN,
    show: (m, lang) => (lang === "id" ? `toko latihan (Tokopedia & Shop, marketplace tiruan, ${m[1]})` : `practice shop (Tokopedia & Shop, mock marketplace, ${m[1]})`),
  },
  // src/adapters/shopee/index.ts: "Shopee shop / toko Shopee <shop_id> (<host>)".
  { pattern: /^Shopee shop \/ toko Shopee (.+)$/, show: (m, lang) => (lang === "id" ? `toko Shopee ${m[1]}` : `Shopee shop ${m[1]}`) },
  // src/adapters/tokopedia/index.ts: "Tokopedia shop / toko Tokopedia <shop_id> (<host>)".
  { pattern: /^Tokopedia shop \/ toko Tokopedia (.+)$/, show: (m, lang) => (lang === "id" ? `toko Tokopedia ${m[1]}` : `Tokopedia shop ${m[1]}`) },
  // src/adapters/tokopedia-bulk/index.ts: "Tokopedia bulk-upload files in <folder>".
  { pattern: /^Tokopedia bulk-upload files in (.+)$/, show: (m, lang) => (lang === "id" ? `berkas unggahan massal Tokopedia di ${m[1]}` : m[0]) },
];

/**
 * A target label as text output shows it in one language: the practice shop's bilingual identity
 * becomes "practice shop (Tokopedia & Shop, mock marketplace, …)" or "toko latihan (Tokopedia & Shop,
 * marketplace tiruan, …)", a Shopee shop "Shopee shop …" or "toko Shopee …", the bulk-upload
 * folder "Tokopedia bulk-upload files in …" or "berkas unggahan massal Tokopedia di …"; any other
 * label (a shop id) is shown as it is.
 */
export function showTarget(label: string, lang: Lang): string {
  for (const { pattern, show } of ONE_LANGUAGE) {
    const match = pattern.exec(label);
    if (match) return show(match, lang);
  }
  return label;
}
