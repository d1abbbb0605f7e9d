// "Did you mean": rank leaf categories by how close their name or path is to what was written.
import type { Category } from "../adapters/types.js";
import { editDistance } from "../edit-distance.js";

/** Case-, width- and space-insensitive form of a name, so `  makanan  & MINUMAN` = `Makanan & Minuman`. */
export const normalizeCategoryName = (name: string): string =>
  name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/** Below this score a leaf is not worth suggesting. */
const MIN_SCORE = 0.4;

/** 1 for equal strings, 0 for nothing in common; a substring scores at least 0.75. */
export function similarity(a: string, b: string): number {
  if (a === "" || b === "") return 0;
  const byEdits = 1 - editDistance(a, b) / Math.max(a.length, b.length);
  const contains = a.includes(b) || b.includes(a) ? 0.75 : 0;
  return Math.max(byEdits, contains);
}

/** Leaves with a score of at least MIN_SCORE, best first (ties by name, so output is stable). */
export function rankBySimilarity(written: string, leaves: readonly Category[]): Category[] {
  const whole = normalizeCategoryName(written);
  const last = normalizeCategoryName(written.split(/[>/]/).pop() ?? written);
  const scored = leaves.map((leaf) => {
    const name = normalizeCategoryName(leaf.name);
    const path = normalizeCategoryName(leaf.path.join(" > "));
    const score = Math.max(similarity(whole, name), similarity(last, name), similarity(whole, path) * 0.9);
    return { leaf, score };
  });
  return scored
    .filter((s) => s.score >= MIN_SCORE)
    .sort((x, y) => y.score - x.score || x.leaf.name.localeCompare(y.leaf.name))
    .map((s) => s.leaf);
}
