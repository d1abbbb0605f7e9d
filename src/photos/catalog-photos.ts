// Photos of a whole catalogue: every product's (and variant's) photo references resolved and
// checked, the issues located at the photo column, rows with photo errors taken out like any
// other invalid row. Called by validate and sync after loadCatalog.
import { resolve } from "node:path";
import { columnLetter } from "../catalog/source.js";
import type { CatalogProduct, CatalogResult } from "../catalog/types.js";
import { isError, type Issue, type IssueCode, type Severity } from "../issues.js";
import type { PhotoRules } from "../rules.js";
import { resolvePhotoRefs, type PhotoRefAt } from "./resolve.js";
import { resolveCertificateFiles } from "./certificate-files.js";
import type { ResolvedPhoto } from "./types.js";
import { carryVariantPhotos, photoOption, type PhotoVariant, type VariantPhotoRule } from "./variant-photos.js";
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
  variants?: readonly { line: number; sheet?: string; images: readonly string[]; options: Readonly<Record<string, string>> }[];
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
  catalog: { file: string; products: readonly P[]; columns?: CatalogResult["columns"]; extraColumns?: CatalogResult["extraColumns"] },
  opts: CatalogPhotoOptions,
): Promise<{ products: (P & { photos: ResolvedPhoto[] })[]; issues: Issue[] }> {
  const productColumn = catalog.columns?.images;
  // A variant's photo is in the variant photo column (`Foto Variasi`), else in the row's product photo cell.
  const variantColumn = catalog.extraColumns?.variantPhoto ?? productColumn;
  const refs: PhotoRefAt[] = [];
  const owners: { product: number; variant?: number; image: number }[] = [];
  const at = (ref: string, line: number, sheet: string | undefined, column = productColumn): PhotoRefAt => {
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
        refs.push(at(ref, variant.line, variant.sheet ?? product.sheet, variantColumn));
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
  const issues = [...resolved.issues];
  const rule = opts.rules?.variantPhotos;
  const located = (variant: { line: number; sheet?: string; images: readonly string[] }, code: IssueCode, severity: Severity, args: Issue["args"]): Issue => {
    const issue: Issue = { code, severity, file: catalog.file, line: variant.line, ...(variant.images[0] !== undefined ? { value: variant.images[0] } : {}), args: args ?? {} };
    if (variantColumn) issue.column = variantColumn.header;
    if (variant.sheet !== undefined) {
      issue.sheet = variant.sheet;
      if (variantColumn) issue.cell = `${columnLetter(variantColumn.index)}${variant.line}`;
    }
    return issue;
  };
  const products = catalog.products.map((product, p) => {
    const hasVariantPhotos = rule !== undefined && (product.variants ?? []).some((v) => v.images.length > 0);
    if (!needs[p] && !hasVariantPhotos) return product as P & { photos: ResolvedPhoto[] };
    const out = needs[p] ? { ...product, images: directUrls(product.images, `${p}`), photos: photosOf.get(`${p}`) ?? [] } : { ...product, photos: [] as ResolvedPhoto[] };
    if (product.variants && product.variants.length > 0) {
      // NOTE: each variant carries its resolved photo too (DesiredVariant.photos): the plan compares
      // a variant's photo by content, like the product's (src/photos/identity.ts).
      let variants = product.variants.map((variant, v) => (needs[p] ? { ...variant, images: directUrls(variant.images, `${p}:${v}`), photos: photosOf.get(`${p}:${v}`) ?? [] } : variant));
      if (hasVariantPhotos) variants = carried(variants, out, rule, (variant, code, severity, args) => issues.push(located(variant, code, severity, args)));
      out.variants = variants;
    }
    return out;
  });
  return { products, issues: issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}

/**
 * The variants with the photos the target will show (src/photos/variant-photos.ts), or as they are
 * with VARIANT_PHOTO_CONFLICT on the variants whose photos it cannot carry.
 */
function carried<V extends PhotoVariant & { sheet?: string }>(
  variants: V[],
  product: { images: readonly string[]; photos?: readonly (ResolvedPhoto | undefined)[] },
  rule: VariantPhotoRule,
  report: (variant: V, code: IssueCode, severity: Severity, args: Issue["args"]) => void,
): V[] {
  const option = photoOption(variants, rule);
  if (option.kind === "none") return variants;
  if (option.kind === "conflict") {
    const lines = new Set(option.lines);
    for (const v of variants) if (lines.has(v.line)) report(v, "VARIANT_PHOTO_CONFLICT", "error", { option: option.name, value: option.value, rule });
    return variants;
  }
  return carryVariantPhotos(variants, option, product).map(({ variant, sharedFrom }) => {
    if (sharedFrom) report(variant, "VARIANT_PHOTO_SHARED", "warning", { option: sharedFrom.option, value: sharedFrom.value, from: sharedFrom.line, photo: sharedFrom.ref });
    return variant;
  });
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
