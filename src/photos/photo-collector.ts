// What validate keeps of each row for the photo checks, while the catalogue streams by. Light on
// purpose (no photo reading code): a catalogue of plain links never loads the photo checks.
import { isLinkRef } from "../catalog/images.js";
import type { Product } from "../catalog/types.js";
import type { ProductPhotoRefs } from "./catalog-photos.js";

/** A share-link host (checked even offline); any other http(s) link needs no offline check. */
const SHARE_HOST = /^https?:\/\/(?:[a-z0-9-]+\.)*(?:google\.com|goo\.gl|dropbox\.com)\//i;
export const needsCheck = (ref: string): boolean => !isLinkRef(ref) || SHARE_HOST.test(ref);

/**
 * Keeps, while a catalogue is read without keeping its products (plain `validate`), only what the
 * photo checks need: rows with a local file or a share link (or, with `variantPhotos`, any variant
 * photo). A catalogue of plain links keeps nothing.
 */
export function createPhotoCollector(
  opts: {
    /** The target carries variant photos per option value (PhotoRules.variantPhotos): rows with variant photo links are checked for it too. */
    variantPhotos?: boolean;
  } = {},
): { onProduct: (product: Product, line: number, sheet: string | undefined) => void; products: (ProductPhotoRefs & { sku: string })[] } {
  const variantNeeds = (v: { images: readonly string[] }): boolean => (opts.variantPhotos ? v.images.length > 0 : v.images.some(needsCheck));
  const products: (ProductPhotoRefs & { sku: string })[] = [];
  return {
    products,
    onProduct(product, line, sheet) {
      const variants = product.variants ?? [];
      const files = product.certificates?.files;
      // Variant photos are kept too when the target carries them per option value (variant-photos.ts).
      if (!product.images.some(needsCheck) && !variants.some(variantNeeds) && !files?.length) return;
      const entry: ProductPhotoRefs & { sku: string } = { sku: product.sku, line, images: product.images };
      if (files?.length) entry.certificates = { files };
      if (sheet !== undefined) entry.sheet = sheet;
      if (variants.length > 0) entry.variants = variants;
      products.push(entry);
    },
  };
}
