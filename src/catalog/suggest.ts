// "Did you mean" for unknown headers: the closest alias by edit distance, if close enough.
import { ALIAS_NAMES, headerKey } from "./header-aliases.js";
import { editDistance } from "../edit-distance.js";

/** Allowed distance grows with length: 1 typo up to 6 letters, 2 up to 11, then 3. */
const tolerance = (length: number): number => (length < 4 ? 0 : length < 7 ? 1 : length < 12 ? 2 : 3);

export function suggestHeader(header: string): string | undefined {
  const key = headerKey(header);
  if (key.length === 0 || key.length > 40) return undefined;
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
