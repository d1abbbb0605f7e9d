// Names for the ids a plan shows (category and etalase), so a facilitator reads
// `Kopi (2982) -> Jamu (2981)` instead of two bare numbers. Pure; the sync core feeds it the
// category tree and the etalase names it already fetched, and keeps only the ids the plan mentions.
import type { Category } from "../adapters/types.js";
import type { Change, PlanNames } from "./types.js";

const SEPARATOR = " > ";

/**
 * Category id -> how a facilitator knows it: the category's own name when no other category has
 * that name, else the shortest tail of its path that is unique (`Minuman > Jamu`).
 */
export function categoryLabels(categories: readonly Category[]): Map<string, string> {
  const tail = (c: Category, k: number): string => c.path.slice(-k).join(SEPARATOR);
  const counts = new Map<string, number>();
  for (const c of categories) {
    for (let k = 1; k <= c.path.length; k++) {
      const key = tail(c, k).toLowerCase();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const out = new Map<string, string>();
  for (const c of categories) {
    let k = 1;
    while (k < c.path.length && (counts.get(tail(c, k).toLowerCase()) ?? 0) > 1) k++;
    out.set(c.id, tail(c, k) || c.name);
  }
  return out;
}

/** Etalase names as the catalogue wrote them -> ids (from resolveEtalase), turned around; the first name of an id wins. */
export function etalaseLabels(namesToIds: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, id] of namesToIds) if (!out.has(id)) out.set(id, name.trim());
  return out;
}

/** The names of the category and etalase ids the changes mention; undefined when none is known. */
export function namesForChanges(
  changes: readonly Change[],
  lookups: { categories?: ReadonlyMap<string, string>; etalase?: ReadonlyMap<string, string> },
): PlanNames | undefined {
  const categories: Record<string, string> = {};
  const etalase: Record<string, string> = {};
  const note = (into: Record<string, string>, lookup: ReadonlyMap<string, string> | undefined, value: unknown): void => {
    if (typeof value !== "string" || value === "") return;
    const name = lookup?.get(value);
    if (name !== undefined) into[value] = name;
  };
  for (const change of changes) {
    if (change.kind === "create") continue;
    for (const f of change.fields) {
      if (f.field === "category") {
        note(categories, lookups.categories, f.from);
        note(categories, lookups.categories, f.to);
      } else if (f.field === "etalase") {
        note(etalase, lookups.etalase, f.from);
        note(etalase, lookups.etalase, f.to);
      }
    }
  }
  const hasCategories = Object.keys(categories).length > 0;
  const hasEtalase = Object.keys(etalase).length > 0;
  if (!hasCategories && !hasEtalase) return undefined;
  return { ...(hasCategories ? { categories: sortKeys(categories) } : {}), ...(hasEtalase ? { etalase: sortKeys(etalase) } : {}) };
}

const sortKeys = (record: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
