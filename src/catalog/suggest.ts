// "Did you mean" for unknown headers: the closest alias by edit distance, if close enough.
import { ALIAS_NAMES, headerKey } from "./header-aliases.js";
import { closest, typoTolerance } from "../edit-distance.js";

/**
 * Template columns that mean something else than the alias they are a typo away from: a package's
 * `Height` is no misspelt `weight`, Shopee's `Maximum Purchase Quantity` no `Minimum ...` (issue 14).
 */
const OTHER_MEANING = new Set(
  ["height", "length", "width", "tinggi", "panjang", "lebar", "package height", "package length", "package width", "tinggi paket", "panjang paket", "lebar paket", "maximum purchase quantity", "size chart", "size chart template", "variant weight unit", "seo title", "seo description", "in stock"].map(headerKey),
);

export function suggestHeader(header: string): string | undefined {
  const key = headerKey(header);
  if (key.length === 0 || key.length > 40 || OTHER_MEANING.has(key.replace(/cm$/, ""))) return undefined;
  const best = closest(key, ALIAS_NAMES, headerKey);
  return best && best.distance <= typoTolerance(key.length) ? best.item : undefined;
}
