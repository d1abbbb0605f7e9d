// Issue 13.11: a loaded state file must satisfy the same rules the API enforces on writes, or the
// shop would serve what no request could have made (two products on one id, negative stock,
// `javascript:` pictures, ids so close to 2^53 that the next ones collide). The first broken rule
// is reported with its place in the file, e.g. `products[3].stock`.
import { DESCRIPTION_MAX, isHttpUrl, MIN_ORDER_MAX, NAME_MAX, PICTURES_MAX, PRICE_MAX, PRICE_MIN, SKU_MAX, WEIGHT_GRAMS_MAX } from "./product-rules.js";
import { keyOf, MAX_PRODUCT_ID, type StateSnapshot } from "./state.js";

export interface StateProblem {
  /** JSON path in the file, e.g. `products[3].stock`. */
  path: string;
  /** What is wrong, in English and Indonesian. */
  en: string;
  id: string;
}

const problem = (path: string, en: string, id: string): StateProblem => ({ path, en, id });

/** The first inconsistency in a schema-valid snapshot, or undefined when it is consistent. */
export function checkSnapshot(snapshot: StateSnapshot, limits: { maxStock: number }): StateProblem | undefined {
  const etalaseIds = new Set<number>();
  for (const [i, e] of snapshot.etalase.entries()) {
    if (etalaseIds.has(e.id)) return problem(`etalase[${i}].id`, `etalase id ${e.id} appears twice`, `id etalase ${e.id} muncul dua kali`);
    etalaseIds.add(e.id);
  }
  if (snapshot.nextProductId > MAX_PRODUCT_ID + 1 || snapshot.nextProductId < 1) {
    return problem("nextProductId", `${snapshot.nextProductId} is outside 1..${MAX_PRODUCT_ID + 1}`, `${snapshot.nextProductId} di luar 1..${MAX_PRODUCT_ID + 1}`);
  }
  const ids = new Set<number>();
  const names = new Map<string, number>();
  const skus = new Map<string, number>();
  for (const [i, p] of snapshot.products.entries()) {
    const at = (field: string): string => `products[${i}].${field}`;
    const range = (field: string, value: number, min: number, max: number): StateProblem | undefined =>
      value < min || value > max || !Number.isInteger(value)
        ? problem(at(field), `${value} is not a whole number between ${min} and ${max}`, `${value} bukan bilangan bulat antara ${min} dan ${max}`)
        : undefined;
    const found =
      range("productId", p.productId, 1, MAX_PRODUCT_ID) ??
      (ids.has(p.productId) ? problem(at("productId"), `product id ${p.productId} is used by two products`, `id produk ${p.productId} dipakai dua produk`) : undefined) ??
      (p.name.trim() === "" || [...p.name].length > NAME_MAX
        ? problem(at("name"), `the name must have 1 to ${NAME_MAX} characters`, `nama harus 1 sampai ${NAME_MAX} karakter`)
        : undefined) ??
      ([...p.description].length > DESCRIPTION_MAX
        ? problem(at("description"), `the description is longer than ${DESCRIPTION_MAX} characters`, `deskripsi lebih dari ${DESCRIPTION_MAX} karakter`)
        : undefined) ??
      ([...p.sku].length > SKU_MAX ? problem(at("sku"), `the SKU is longer than ${SKU_MAX} characters`, `SKU lebih dari ${SKU_MAX} karakter`) : undefined) ??
      range("price", p.price, PRICE_MIN, PRICE_MAX) ??
      range("stock", p.stock, 0, limits.maxStock) ??
      range("minOrder", p.minOrder, 1, MIN_ORDER_MAX) ??
      range("weightGrams", p.weightGrams, 1, WEIGHT_GRAMS_MAX) ??
      (p.pictures.length > PICTURES_MAX
        ? problem(at("pictures"), `more than ${PICTURES_MAX} pictures`, `lebih dari ${PICTURES_MAX} foto`)
        : undefined) ??
      checkPictures(p.pictures, at) ??
      (p.etalaseId !== null && !etalaseIds.has(p.etalaseId)
        ? problem(at("etalaseId"), `etalase ${p.etalaseId} is not in this shop's etalase list`, `etalase ${p.etalaseId} tidak ada di daftar etalase toko ini`)
        : undefined) ??
      checkLiveUnique(p, i, names, skus, at);
    if (found) return found;
    ids.add(p.productId);
  }
  return undefined;
}

function checkPictures(pictures: readonly string[], at: (field: string) => string): StateProblem | undefined {
  const bad = pictures.findIndex((url) => !isHttpUrl(url));
  return bad < 0
    ? undefined
    : problem(at(`pictures[${bad}]`), `${JSON.stringify(pictures[bad]?.slice(0, 80))} is not an http(s) URL`, `${JSON.stringify(pictures[bad]?.slice(0, 80))} bukan URL http(s)`);
}

function checkLiveUnique(
  p: StateSnapshot["products"][number],
  i: number,
  names: Map<string, number>,
  skus: Map<string, number>,
  at: (field: string) => string,
): StateProblem | undefined {
  if (p.status === 0) return undefined;
  const name = keyOf(p.name);
  const sameName = names.get(name);
  if (sameName !== undefined) {
    return problem(at("name"), `the same name as products[${sameName}] (names are unique among live products)`, `nama sama dengan products[${sameName}] (nama produk aktif harus unik)`);
  }
  names.set(name, i);
  if (p.sku.trim() === "") return undefined;
  const sku = keyOf(p.sku);
  const sameSku = skus.get(sku);
  if (sameSku !== undefined) {
    return problem(at("sku"), `the same SKU as products[${sameSku}] (SKUs are unique among live products)`, `SKU sama dengan products[${sameSku}] (SKU produk aktif harus unik)`);
  }
  skus.set(sku, i);
  return undefined;
}
