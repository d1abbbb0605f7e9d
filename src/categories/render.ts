// Category listings as text (ids in a column, names indented by depth) and as JSON.
import type { Category } from "../adapters/types.js";
import type { Text } from "../i18n.js";
import { formatCategoryPath } from "./resolve.js";
import { rankBySimilarity } from "./similarity.js";

const idColumn = (categories: readonly Category[]): number => Math.max(2, ...categories.map((c) => c.id.length));

export function renderHeader(label: string, search: string | undefined, count: number): Text {
  if (search === undefined) {
    return {
      id: `Kategori di ${label} (pakai id atau jalur kategori terdalam di kolom kategori):`,
      en: `Categories of ${label} (use the id or path of an innermost category in the category column):`,
    };
  }
  return {
    id: `Kategori di ${label} yang cocok dengan "${search}": ${count}`,
    en: `Categories of ${label} matching "${search}": ${count}`,
  };
}

/** The whole tree: parents before children, names indented two spaces per level. */
export function renderCategoryTree(categories: readonly Category[]): string {
  const width = idColumn(categories);
  return categories
    .map((c) => `${c.id.padStart(width)}  ${"  ".repeat(c.path.length - 1)}${c.name}${c.isLeaf ? "" : " /"}\n`)
    .join("");
}

/** Leaves with their full paths, as they can be written in a catalogue. */
export function renderCategoryList(leaves: readonly Category[]): string {
  const width = idColumn(leaves);
  return leaves.map((c) => `${c.id.padStart(width)}  ${formatCategoryPath(c)}\n`).join("");
}

export function renderNoMatch(search: string, categories: readonly Category[]): Text {
  const close = rankBySimilarity(search, categories.filter((c) => c.isLeaf)).slice(0, 3);
  const hint = close.map((c) => `${formatCategoryPath(c)} (${c.id})`).join("; ");
  return close.length > 0
    ? { id: `Tidak ada. Mungkin maksudnya: ${hint}`, en: `None. Did you mean: ${hint}` }
    : { id: "Tidak ada. Jalankan tanpa kata cari untuk melihat semua kategori.", en: "None. Run it without a search word to see every category." };
}

export function renderCategoriesJson(label: string, search: string | undefined, categories: readonly Category[]): string {
  return JSON.stringify(
    {
      target: label,
      ...(search !== undefined ? { search } : {}),
      categories: categories.map((c) => ({ id: c.id, name: c.name, path: c.path, isLeaf: c.isLeaf })),
    },
    null,
    2,
  );
}
