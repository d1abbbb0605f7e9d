// "Did you mean ...?" for misspelt config keys and adapter names.
import { closest } from "../edit-distance.js";

/**
 * The closest candidate, if it is close enough to be a plausible typo: at most a third of the
 * word's length (min 1, max 3) edits away, or a case/separator-only difference.
 */
export function suggestKey(word: string, candidates: readonly string[]): string | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/[-_\s]/g, "");
  const exactish = candidates.find((c) => squash(c) === squash(word));
  if (exactish !== undefined) return exactish;
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  // Case-insensitive: facilitators type `Catalog` as often as `catalog`.
  const best = closest(word.toLowerCase(), candidates, (c) => c.toLowerCase());
  return best && best.distance <= limit ? best.item : undefined;
}
