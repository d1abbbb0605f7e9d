// "Did you mean": one edit distance for headers, config keys and category names.

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

/** The candidate whose key is fewest edits from `key` (the first of equals), with that distance; undefined for none. */
export function closest<T>(key: string, candidates: Iterable<T>, keyOf: (candidate: T) => string): { item: T; distance: number } | undefined {
  let best: { item: T; distance: number } | undefined;
  for (const item of candidates) {
    const distance = editDistance(key, keyOf(item));
    if (!best || distance < best.distance) best = { item, distance };
  }
  return best;
}

/** How many edits still read as a typo of a key this long: none under 4 letters, 1 up to 6, 2 up to 11, then 3. */
export const typoTolerance = (length: number): number => (length < 4 ? 0 : length < 7 ? 1 : length < 12 ? 2 : 3);
