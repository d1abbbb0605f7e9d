// validate's photo step: the photos of the rows read (local files, share links) checked offline
// against the target's photo rules, their issues merged into the catalogue result.
import type { CatalogResult } from "../catalog/types.js";
import type { CatalogTarget } from "../validate/targets.js";
import { checkCertificateFiles } from "./certificate-files.js";
import { mergePhotoIssues, resolveCatalogPhotos, type ProductPhotoRefs } from "./catalog-photos.js";

export async function withCheckedPhotos(
  result: CatalogResult,
  collected: readonly (ProductPhotoRefs & { sku: string })[],
  opts: { cwd: string; target: Pick<CatalogTarget, "rules" | "photoFolder"> },
): Promise<CatalogResult> {
  if (collected.length === 0) return result;
  const { rules, photoFolder } = opts.target;
  const checked = await resolveCatalogPhotos(
    { file: result.file, products: collected, ...(result.columns ? { columns: result.columns } : {}), ...(result.extraColumns ? { extraColumns: result.extraColumns } : {}) },
    { cwd: opts.cwd, ...(rules.photo ? { rules: rules.photo } : {}), ...(photoFolder ? { photoFolder } : {}) },
  );
  const certificates = await checkCertificateFiles(
    { file: result.file, products: collected, ...(result.extraColumns?.certificateFiles ? { column: result.extraColumns.certificateFiles } : {}) },
    { cwd: opts.cwd, ...(photoFolder ? { photoFolder } : {}) },
  );
  return mergePhotoIssues(result, [...checked.issues, ...certificates]);
}
