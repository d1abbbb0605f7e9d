// The example row that `desbumi init` and `desbumi template` write must not be sold as a product
// (issue 12.10): `validate` warns EXAMPLE_ROW on it, `sync` refuses it, until it is replaced.
import type { Issue } from "../issues.js";
import type { Product } from "./types.js";

/**
 * Where example rows' photos live: a reserved `.example` host (RFC 2606), so no real photo is ever
 * there. init writes its example photos under it; a row still pointing there is an example row.
 */
export const EXAMPLE_PHOTO_BASE = "https://images.desbumi.example/contoh/";

/** "CONTOH-001" ("contoh" = example): the SKU `desbumi template` gives its example row. */
const EXAMPLE_SKU = /^contoh-\d+$/i;

/**
 * NOTE: detected by markers that survive edits to the example's name, price or text: its photo
 * (under EXAMPLE_PHOTO_BASE, or any `/contoh/` path on a reserved example host) or the CONTOH-n SKU.
 * Replacing the photo and the SKU with real ones is what "replaced" means.
 */
export function isExampleRow(product: Pick<Product, "sku" | "images">): boolean {
  return EXAMPLE_SKU.test(product.sku) || product.images.some(isExamplePhoto);
}

function isExamplePhoto(url: string): boolean {
  // NOTE: a cheap test first: this runs on every photo of every row.
  if (!/\/contoh\//i.test(url)) return false;
  if (url.toLowerCase().startsWith(EXAMPLE_PHOTO_BASE)) return true;
  try {
    const { hostname, pathname } = new URL(url);
    const reserved = /(^|\.)example(\.(com|net|org))?$/i.test(hostname);
    return reserved && /(^|\/)contoh\//i.test(pathname);
  } catch {
    return false;
  }
}

/**
 * For `sync`: an EXAMPLE_ROW warning becomes an error and its product is left out of the run (and
 * counted invalid, so `--skip-invalid --prune` does not take it for a removed row either).
 */
export function refuseExampleRows<T extends { issues: Issue[]; products: Product[]; invalidSkus: string[]; valid?: boolean }>(catalog: T): T {
  if (!catalog.issues.some((i) => i.code === "EXAMPLE_ROW")) return catalog;
  const issues = catalog.issues.map((i): Issue => (i.code === "EXAMPLE_ROW" ? { ...i, severity: "error" } : i));
  const examples = catalog.products.filter(isExampleRow);
  return {
    ...catalog,
    issues,
    products: catalog.products.filter((p) => !isExampleRow(p)),
    invalidSkus: [...catalog.invalidSkus, ...examples.map((p) => p.sku)],
    ...("valid" in catalog ? { valid: false } : {}),
  };
}
