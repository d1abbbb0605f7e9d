// How attribute names and values are compared, wherever they are: the adapters' matcher
// (src/adapters/shared/attribute-match.ts) and the plan's attribute diff (src/plan/attribute-diff.ts).

/** Attribute names: case, spacing and punctuation ignored (`bahan-utama` = `Bahan Utama`). */
export const attributeKey = (name: string): string => name.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** Attribute values: case and spacing ignored (`1 bulan` = `1Bulan`), punctuation kept (`3.5` is not `35`). */
export const valueKey = (value: string): string => value.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
