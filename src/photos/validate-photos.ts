// validate's photo step: the photos of the rows read (local files, share links) checked offline
// against the target's photo rules, their issues merged into the catalogue result.
import type { CatalogResult } from "../catalog/types.js";
import type { PhotoRules } from "../rules.js";
import type { CatalogTarget } from "../validate/targets.js";
import { checkCertificateFiles } from "./certificate-files.js";
import { mergePhotoIssues, resolveCatalogPhotos, type ProductPhotoRefs } from "./catalog-photos.js";

export async function withCheckedPhotos(
  result: CatalogResult,
  collected: readonly (ProductPhotoRefs & { sku: string })[],
  opts: { cwd: string; target: Pick<CatalogTarget, "rules" | "photoFolder" | "categories"> },
): Promise<CatalogResult> {
  if (collected.length === 0) return result;
  const { photoFolder } = opts.target;
  const photoRules = await photoRulesOf(opts.target);
  const checked = await resolveCatalogPhotos(
    { file: result.file, products: collected, ...(result.columns ? { columns: result.columns } : {}), ...(result.extraColumns ? { extraColumns: result.extraColumns } : {}) },
    { cwd: opts.cwd, ...(photoRules ? { rules: photoRules } : {}), ...(photoFolder ? { photoFolder } : {}) },
  );
  const certificates = await checkCertificateFiles(
    { file: result.file, products: collected, ...(result.extraColumns?.certificateFiles ? { column: result.extraColumns.certificateFiles } : {}) },
    { cwd: opts.cwd, ...(photoFolder ? { photoFolder } : {}) },
  );
  return mergePhotoIssues(result, [...checked.issues, ...certificates]);
}

/**
 * The photo rules of the file's target. NOTE: a file (or group) with no marketplace is synced to
 * the practice shop, which takes uploads; its photos are checked by that shop's rules, as sync
 * checks them (the text rules stay the offline defaults), not refused as PHOTO_UPLOAD_UNSUPPORTED.
 */
async function photoRulesOf(target: Pick<CatalogTarget, "rules" | "categories">): Promise<PhotoRules | undefined> {
  if (target.rules.photo || !target.categories?.isPracticeShop) return target.rules.photo;
  const { resolveTargetDefinition } = await import("../target/open.js");
  return resolveTargetDefinition({ flags: {} }).definition.rules.photo;
}
