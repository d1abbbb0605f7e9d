// Photos of a whole catalogue: every product's (and variant's) photo references resolved and
// checked, the issues located at the photo column, rows with photo errors taken out like any
// other invalid row. Called by validate and sync after loadCatalog.
import { resolve } from "node:path";
import { columnLetter } from "../catalog/source.js";
import type { CatalogProduct, CatalogResult } from "../catalog/types.js";
import { isError, type Issue } from "../issues.js";
import type { PhotoRules } from "../rules.js";
import { resolvePhotoRefs, type PhotoRefAt } from "./resolve.js";
import { resolveCertificateFiles } from "./certificate-files.js";
import type { ResolvedPhoto } from "./types.js";
import { needsCheck } from "./photo-collector.js";

export { createPhotoCollector } from "./photo-collector.js";

export interface CatalogPhotoOptions {
  /** Resolve the catalogue's (relative) file name against this folder. */
  cwd: string;
  /** Absolute photo folder (config `photos`); default `foto/` next to the catalogue. */
  photoFolder?: string;
  /** The target's photo rules (MarketplaceRules.photo); absent = the target takes only links. */
  rules?: PhotoRules;
  targetLabel?: string;
}

/** The photo references a product's row holds, in the order of `images` (variants after). */
export interface ProductPhotoRefs {
  line: number;
  sheet?: string;
  images: readonly string[];
  variants?: readonly { line: number; sheet?: string; images: readonly string[] }[];
  /** Certificate photos or PDFs (checked by certificate-files.ts). */
  certificates?: { files?: readonly string[] };
}

/** A catalogue product with its photos resolved (parallel to `images`; variants' on each variant). */
export type CatalogProductWithPhotos = CatalogProduct & { photos?: ResolvedPhoto[] };

/**
 * Resolve every photo of the given products: each comes back with `photos` (parallel to images)
 * and its share links replaced by their direct-download URLs. Filtering is mergePhotoIssues' job.
 */
export async function resolveCatalogPhotos<P extends ProductPhotoRefs>(
  catalog: { file: string; products: readonly P[]; columns?: CatalogResult["columns"] },
  opts: CatalogPhotoOptions,
): Promise<{ products: (P & { photos: ResolvedPhoto[] })[]; issues: Issue[] }> {
  const column = catalog.columns?.images;
  const refs: PhotoRefAt[] = [];
  const owners: { product: number; variant?: number; image: number }[] = [];
  const at = (ref: string, line: number, sheet: string | undefined): PhotoRefAt => {
    const out: PhotoRefAt = { ref, line };
    if (column) out.column = column.header;
    if (sheet !== undefined) out.sheet = sheet;
    if (sheet !== undefined && column) out.cell = `${columnLetter(column.index)}${line}`;
    return out;
  };
  // NOTE: only products with a local file or a share link need resolving; a product with plain
  // links only is handed on as it is (no copy, no photo objects): 200,000 rows must fit in a small heap.
  const needs = catalog.products.map((product) => product.images.some(needsCheck) || (product.variants ?? []).some((v) => v.images.some(needsCheck)));
  catalog.products.forEach((product, p) => {
    if (!needs[p]) return;
    product.images.forEach((ref, image) => {
      refs.push(at(ref, product.line, product.sheet));
      owners.push({ product: p, image });
    });
    (product.variants ?? []).forEach((variant, v) => {
      variant.images.forEach((ref, image) => {
        refs.push(at(ref, variant.line, variant.sheet ?? product.sheet));
        owners.push({ product: p, variant: v, image });
      });
    });
  });
  const resolved = await resolvePhotoRefs(refs, {
    catalogFile: catalog.file,
    catalogPath: resolve(opts.cwd, catalog.file),
    ...(opts.photoFolder ? { photoFolder: opts.photoFolder } : {}),
    ...(opts.rules ? { rules: opts.rules } : {}),
    ...(opts.targetLabel ? { targetLabel: opts.targetLabel } : {}),
  });

  const photosOf = new Map<string, ResolvedPhoto[]>();
  owners.forEach((owner, i) => {
    const photo = resolved.photos[i];
    if (!photo) return;
    const key = owner.variant === undefined ? `${owner.product}` : `${owner.product}:${owner.variant}`;
    const list = photosOf.get(key) ?? [];
    list[owner.image] = photo;
    photosOf.set(key, list);
  });
  const directUrls = (refs: readonly string[], key: string): string[] => refs.map((ref, i) => photosOf.get(key)?.[i]?.url ?? ref);
  const products = catalog.products.map((product, p) => {
    if (!needs[p]) return product as P & { photos: ResolvedPhoto[] };
    const out = { ...product, images: directUrls(product.images, `${p}`), photos: photosOf.get(`${p}`) ?? [] };
    if (product.variants && product.variants.length > 0) {
      out.variants = product.variants.map((variant, v) => ({ ...variant, images: directUrls(variant.images, `${p}:${v}`) }));
    }
    return out;
  });
  return { products, issues: resolved.issues };
}

/**
 * The catalogue result with the photo issues merged in (sorted by line) and the products whose
 * photos have an error taken out, their SKUs added to invalidSkus (sync leaves their listings be).
 */
export function mergePhotoIssues<R extends Pick<CatalogResult, "valid" | "issues" | "invalidSkus" | "products">>(catalog: R, issues: readonly Issue[]): R {
  if (issues.length === 0) return catalog;
  const badLines = new Set(issues.filter(isError).map((i) => i.line));
  const kept: CatalogProduct[] = [];
  const invalid: string[] = [];
  for (const product of catalog.products) {
    const lines = [product.line, ...(product.variants ?? []).map((v) => v.line)];
    if (lines.some((line) => badLines.has(line))) invalid.push(product.sku);
    else kept.push(product);
  }
  // NOTE: also for rows not collected (validate without products): their SKUs are not needed there.
  return {
    ...catalog,
    valid: catalog.valid && badLines.size === 0,
    products: kept,
    invalidSkus: [...catalog.invalidSkus, ...invalid],
    issues: [...catalog.issues, ...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}

/** sync's photo step: every product's photos resolved (DesiredProduct.photos), issues merged in. */
export async function withResolvedPhotos(catalog: CatalogResult, opts: CatalogPhotoOptions): Promise<CatalogResult> {
  if (catalog.products.length === 0) return catalog;
  const resolved = await resolveCatalogPhotos(catalog, opts);
  const certificates = await resolveCertificateFiles(
    { file: catalog.file, products: catalog.products, ...(catalog.extraColumns?.certificateFiles ? { column: catalog.extraColumns.certificateFiles } : {}) },
    { cwd: opts.cwd, ...(opts.photoFolder ? { photoFolder: opts.photoFolder } : {}) },
  );
  // Uploading adapters (TikTok Shop's CERTIFICATION_IMAGE) read the resolved files.
  const products = certificates.photos.size === 0 ? resolved.products : resolved.products.map((p, i) => (certificates.photos.has(i) ? { ...p, certificatePhotos: certificates.photos.get(i)! } : p));
  return mergePhotoIssues({ ...catalog, products }, [...resolved.issues, ...certificates.issues]);
}
