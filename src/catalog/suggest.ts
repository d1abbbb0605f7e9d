// "Did you mean" for unknown headers: the closest alias by edit distance, if close enough.
import { ALIAS_NAMES, headerKey } from "./header-aliases.js";
import { editDistance } from "../edit-distance.js";

/** Allowed distance grows with length: 1 typo up to 6 letters, 2 up to 11, then 3. */
const tolerance = (length: number): number => (length < 4 ? 0 : length < 7 ? 1 : length < 12 ? 2 : 3);

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
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of ALIAS_NAMES) {
    const distance = editDistance(key, headerKey(name));
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return bestDistance <= tolerance(key.length) ? best : undefined;
}
