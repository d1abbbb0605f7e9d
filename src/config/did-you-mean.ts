// "Did you mean ...?" for misspelt config keys and adapter names.
import { editDistance } from "../edit-distance.js";

/**
 * The closest candidate, if it is close enough to be a plausible typo: at most a third of the
 * word's length (min 1, max 3) edits away, or a case/separator-only difference.
 */
export function suggestKey(word: string, candidates: readonly string[]): string | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/[-_\s]/g, "");
  const exactish = candidates.find((c) => squash(c) === squash(word));
  if (exactish !== undefined) return exactish;
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: { key: string; distance: number } | undefined;
  for (const candidate of candidates) {
    // Case-insensitive: facilitators type `Catalog` as often as `catalog`.
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}
