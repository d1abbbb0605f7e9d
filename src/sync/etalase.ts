// Etalase names in catalogue rows -> the shop's etalase ids, before planning, so the plan compares
// a row's "Minuman Herbal" with the listing's etalase id as it would compare an id. Pure; the
// names come from the adapter's optional `resolveEtalase` (capability: the method is there).
// NOTE: a name the shop lacks stays a name: the diff cannot compare it (an existing listing keeps
// its etalase) and the adapter decides about a create that carries it (tokopedia: fails it with
// ETALASE_NOT_FOUND; the practice shop: lists it without an etalase); the run warns up front.
import type { DesiredProduct } from "../plan/types.js";
import type { Text } from "../i18n.js";

const isId = (value: string): boolean => /^\d+$/.test(value);

/** Distinct etalase cells written as names (not ids, not empty). */
export function etalaseNames(products: readonly DesiredProduct[]): string[] {
  const names = new Set<string>();
  for (const p of products) {
    const cell = p.etalase.trim();
    if (cell !== "" && !isId(cell)) names.add(cell);
  }
  return [...names];
}

export interface EtalaseSubstitution {
  products: DesiredProduct[];
  /** Names the shop does not have, with the SKUs of their rows. */
  unknown: { name: string; skus: string[] }[];
}

export function withEtalaseIds(products: readonly DesiredProduct[], ids: ReadonlyMap<string, string>): EtalaseSubstitution {
  const unknown = new Map<string, string[]>();
  const out = products.map((p) => {
    const cell = p.etalase.trim();
    if (cell === "" || isId(cell)) return p;
    const id = ids.get(cell);
    if (id !== undefined) return { ...p, etalase: id };
    unknown.set(cell, [...(unknown.get(cell) ?? []), p.sku]);
    return p;
  });
  return { products: out, unknown: [...unknown].map(([name, skus]) => ({ name, skus })) };
}

export const unknownEtalaseText = (name: string, skus: readonly string[]): Text => ({
  id: `Perhatian: etalase "${name}" tidak ada di toko ini (SKU ${skus.join(", ")}). Periksa ejaannya, atau buat dulu etalase itu di toko. Selama etalase itu belum ada, produk baru tidak bisa dimasukkan ke dalamnya; produk yang sudah ada tetap di etalasenya sekarang.`,
  en: `Warning: etalase "${name}" is not in this shop (SKU ${skus.join(", ")}). Check the spelling, or create that etalase in the shop first. Until it exists, new products cannot be put in it; existing listings stay in their current etalase.`,
});
