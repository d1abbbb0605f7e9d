// Turn a catalogue's category cell into a marketplace leaf category id. Pure.
import type { Category } from "../adapters/types.js";
import { normalizeCategoryName, rankBySimilarity } from "./similarity.js";

export { normalizeCategoryName } from "./similarity.js";

export type CategoryResolution =
  | { ok: true; id: string }
  | { ok: false; code: "CATEGORY_NOT_FOUND" | "CATEGORY_AMBIGUOUS"; candidates: Category[] };

/** How many "did you mean" leaves a failed resolution carries. */
export const MAX_CANDIDATES = 3;

const SEPARATOR = /\s*[>/]\s*/;

const pathKey = (segments: readonly string[]): string[] => segments.map(normalizeCategoryName);

/**
 * Resolve a category cell (a leaf id like `1760`, a leaf name `Jamu`, or a path
 * `Makanan & Minuman > Minuman > Jamu` / `minuman/jamu`, any case) to the unique matching leaf id.
 * A path may leave out its leading segments (`Minuman > Jamu`). `candidates` holds the matching
 * leaves when ambiguous, else the closest leaves (for "did you mean").
 */
export function resolveCategory(cell: string, categories: readonly Category[]): CategoryResolution {
  const wanted = cell.trim();
  const leaves = categories.filter((c) => c.isLeaf);
  if (wanted === "") return notFound(wanted, leaves);

  if (/^\d+$/.test(wanted)) {
    const byId = leaves.find((c) => c.id === wanted);
    if (byId) return { ok: true, id: byId.id };
    // An id of a parent category: offer its leaves, since only leaves can hold products.
    const parent = categories.find((c) => c.id === wanted);
    if (parent) {
      const under = leaves.filter((leaf) => startsWith(pathKey(leaf.path), pathKey(parent.path)));
      return { ok: false, code: "CATEGORY_NOT_FOUND", candidates: under.slice(0, MAX_CANDIDATES) };
    }
    return notFound(wanted, leaves);
  }

  // NOTE: a leaf's own name may contain "/" (e.g. "Manisan/Carica"), so the whole cell is tried as
  // a name before it is split into a path.
  const whole = normalizeCategoryName(wanted);
  const byName = leaves.filter((leaf) => normalizeCategoryName(leaf.name) === whole);
  if (byName.length > 0) return unique(byName);

  const segments = wanted.split(SEPARATOR).filter((s) => s !== "");
  if (segments.length > 1) {
    const key = pathKey(segments);
    const byPath = leaves.filter((leaf) => endsWith(pathKey(leaf.path), key));
    if (byPath.length > 0) return unique(byPath);
  }
  return notFound(wanted, leaves);
}

function unique(matches: Category[]): CategoryResolution {
  const [first] = matches;
  if (matches.length === 1 && first) return { ok: true, id: first.id };
  return { ok: false, code: "CATEGORY_AMBIGUOUS", candidates: matches };
}

function notFound(wanted: string, leaves: readonly Category[]): CategoryResolution {
  const candidates = rankBySimilarity(wanted, leaves).slice(0, MAX_CANDIDATES);
  return { ok: false, code: "CATEGORY_NOT_FOUND", candidates };
}

const startsWith = (path: string[], prefix: string[]): boolean =>
  prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);

const endsWith = (path: string[], suffix: string[]): boolean =>
  suffix.length <= path.length && suffix.every((segment, i) => path[path.length - suffix.length + i] === segment);

/** A category's path as people write it: `Makanan & Minuman > Minuman > Jamu`. */
export const formatCategoryPath = (category: Category): string => category.path.join(" > ");
