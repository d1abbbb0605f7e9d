// "Did you mean" for unknown headers: the closest alias by edit distance, if close enough.
import { ALIAS_NAMES, headerKey } from "./header-aliases.js";

/** Optimal string alignment distance (Levenshtein plus adjacent swaps: `hraga` -> `harga` is 1). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

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
