// Pure: for catalogue category names that categories.json does not pin yet, the leaves of one
// marketplace's tree worth proposing, and whether one of them is the clear choice.
import type { Category } from "../adapters/types.js";
import { MAX_CANDIDATES, resolveCategory } from "../categories/resolve.js";
import { normalizeCategoryName, rankBySimilarity } from "../categories/similarity.js";

export interface Proposal {
  /** The catalogue's category name as first written. */
  name: string;
  candidates: Category[];
  /** The clear choice: the name resolves to exactly one leaf, or the marketplace recommends a leaf that is also the closest by name. */
  best?: Category;
}

export function proposeMappings(input: {
  names: readonly string[];
  leaves: readonly Category[];
  pinned: ReadonlyMap<string, string>;
  /** The marketplace's own recommendation per name (category recommendation API), when it has one. */
  recommended?: ReadonlyMap<string, string>;
}): Proposal[] {
  const seen = new Set<string>();
  const out: Proposal[] = [];
  const leaves = input.leaves.filter((c) => c.isLeaf);
  for (const name of input.names) {
    const key = normalizeCategoryName(name);
    if (key === "" || seen.has(key) || input.pinned.has(key) || /^\d+$/.test(name.trim())) continue;
    seen.add(key);
    const resolved = resolveCategory(name, leaves);
    const exact = resolved.ok ? leaves.find((c) => c.id === resolved.id) : undefined;
    const ranked = exact ? [exact] : resolved.ok ? [] : resolved.candidates.length > 0 ? resolved.candidates : rankBySimilarity(name, leaves).slice(0, MAX_CANDIDATES);
    const recommendedId = input.recommended?.get(key);
    const recommended = recommendedId !== undefined ? leaves.find((c) => c.id === recommendedId) : undefined;
    const candidates = recommended && !ranked.some((c) => c.id === recommended.id) ? [recommended, ...ranked].slice(0, MAX_CANDIDATES) : ranked;
    const best = exact ?? (recommended && ranked[0]?.id === recommended.id ? recommended : undefined);
    out.push({ name, candidates, ...(best ? { best } : {}) });
  }
  return out;
}
