// PLACEHOLDER (owner: adapters helper). Signature is the contract.
import type { Category } from "../adapters/types.js";

export type CategoryResolution =
  | { ok: true; id: string }
  | { ok: false; code: "CATEGORY_NOT_FOUND" | "CATEGORY_AMBIGUOUS"; candidates: Category[] };

/**
 * Resolve a category cell (a leaf id like `1760`, a leaf name `Jamu`, or a path
 * `Makanan & Minuman > Minuman > Jamu`, any case) to the unique matching leaf id. Pure.
 * `candidates` holds the closest leaves (for "did you mean").
 */
export function resolveCategory(cell: string, categories: readonly Category[]): CategoryResolution {
  void cell;
  void categories;
  return { ok: false, code: "CATEGORY_NOT_FOUND", candidates: [] };
}
