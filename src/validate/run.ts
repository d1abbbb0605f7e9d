// `desbumi validate`: load each catalogue, report in the chosen format, return the exit code.
import { loadCatalog } from "../catalog/index.js";
import type { CatalogProduct, CatalogResult, Product } from "../catalog/types.js";
import { knownCategories } from "../categories/offline.js";
import { slimProduct, withCategoryIssues } from "./categories.js";
import type { CommandContext } from "../cli/io.js";
import { UsageError } from "../errors.js";
import { pick } from "../i18n.js";
import { USAGE_ISSUE_CODES } from "../issues.js";
import { countIssues, needsProducts, reporters, type ReportFormat, type UnreadableFile } from "../report/index.js";
import { targetsFromConfig, targetsFromFiles, type TargetFlags } from "./targets.js";
import { EXIT_CANNOT_RUN, EXIT_FAILED, EXIT_OK } from "../exit-codes.js";
import { marketplaceIssues, needsMarketplaceCheck, withMarketplaceIssues } from "./for-marketplace.js";
import { createPhotoCollector } from "../photos/photo-collector.js";


const CATEGORY_ID = /^\d+$/;

export interface ValidateFlags extends TargetFlags {
  format?: ReportFormat;
  strict?: boolean;
}

/**
 * Exit 0 when every file is free of errors (warnings allowed unless --strict), 1 when a file has
 * errors (or warnings under --strict), 2 when a file could not be read at all or a file's issues
 * say the invocation was wrong (USAGE_ISSUE_CODES: an unknown --sheet is a bad flag, not a bad
 * catalogue; it is still reported with its wording).
 * NOTE: with several files, an unreadable one does not stop the others: they are validated and
 * reported, the unreadable one is named on stderr and in the report, and the run still exits 2.
 */
export async function runValidate(files: readonly string[], flags: ValidateFlags, ctx: CommandContext): Promise<number> {
  const format = flags.format ?? "pretty";
  const strict = flags.strict === true;
  const targets = files.length > 0 ? await targetsFromFiles(files, flags, ctx.io) : await targetsFromConfig(flags, ctx.io);

  const results: CatalogResult[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const target of targets) {
    try {
      const known = target.categories ? await knownCategories(target.categories) : undefined;
      const checked: CatalogProduct[] = [];
      // Each distinct category cell is resolved once; only rows whose category has an issue are
      // kept for the report (1M rows of a few categories keep nothing: memory stays flat).
      // NOTE: the verdict is looked up by the cell before any object is built: a copy and a slim
      // product per row were a fifth of validate's time (issue 14's throughput goal).
      const verdicts = new Map<string, boolean>();
      const hasCategoryIssue = (product: Product, line: number, sheet: string | undefined): boolean => {
        let bad = verdicts.get(product.category);
        if (bad === undefined) {
          bad = known ? withCategoryIssues({ file: target.file, format: "csv", valid: true, rows: 1, products: [], invalidSkus: [], issues: [] }, [slimProduct(product, line, sheet)], known.categories, target.categories?.defaultCategory).issues.length > 0 : false;
          verdicts.set(product.category, bad);
        }
        return bad;
      };
      const namesOnly = target.categories?.namesOnly === true;
      // The practice shop (no marketplace given) is a TikTok Shop one: it carries variant photos per option value.
      const photos = createPhotoCollector({ variantPhotos: target.rules.photo?.variantPhotos !== undefined || target.categories?.isPracticeShop === true });
      // issue 14: products with an issue for the target marketplace (its own title/price columns, pricing rule).
      const forMarketplace: { product: Product; line: number; sheet: string | undefined }[] = [];
      const market = target.marketplace;
      const result = await loadCatalog(target.file, {
        rules: target.rules,
        cwd: ctx.io.cwd,
        collectProducts: needsProducts(format),
        // issue 14.4: the json document streams its products from a temporary file.
        spoolProducts: needsProducts(format),
        ...(target.sheet ? { sheet: target.sheet } : {}),
        onProduct: (product, line, sheet) => {
          photos.onProduct(product, line, sheet);
          if (market && needsMarketplaceCheck(product, market) && marketplaceIssues(product, line, sheet, target.file, market, undefined, undefined).length > 0) forMarketplace.push({ product, line, sheet });
          // Only what the category check needs is kept, so memory stays flat on big files;
          // a lone file checks names only: an id row needs nothing kept.
          if (!known || (namesOnly && CATEGORY_ID.test(product.category.trim()))) return;
          if (hasCategoryIssue(product, line, sheet)) checked.push(slimProduct(product, line, sheet));
        },
      });
      // issue 12.13: a sheet named for a CSV is said, not silently ignored
      if (target.sheet && result.format === "csv") {
        result.issues.unshift({ code: "SHEET_IGNORED", severity: "warning", file: result.file, args: { sheet: target.sheet } });
      }
      const withTarget = market ? withMarketplaceIssues(result, forMarketplace, market) : result;
      const withCategories = known ? withCategoryIssues(withTarget, checked, known.categories, target.categories?.defaultCategory) : withTarget;
      // The photo checks load only when a row holds a local file, a share link or a variant photo.
      const { withCheckedPhotos } = photos.products.length > 0 ? await import("../photos/validate-photos.js") : { withCheckedPhotos: undefined };
      results.push(withCheckedPhotos ? await withCheckedPhotos(withCategories, photos.products, { cwd: ctx.io.cwd, target }) : withCategories);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      unreadable.push({ file: target.file, text: error.text });
      ctx.io.stderr.write(`${pick(error.text, ctx.lang)}\n`);
    }
  }

  if (files.length === 0) {
    // Authorizations that end soon (tiktok-shop, shopee): read offline from the token store.
    const { loadConfig } = await import("../config/load.js");
    const { configExpiryWarnings } = await import("../connect/expiry.js");
    const config = await loadConfig({ cwd: ctx.io.cwd, env: ctx.io.env, ...(flags.config ? { configPath: flags.config } : {}) });
    for (const w of config ? await configExpiryWarnings(config) : []) ctx.io.stderr.write(`${pick(w, ctx.lang)}\n`);
  }
  await reporters[format]({ results, strict, unreadable }, { io: ctx.io, lang: ctx.lang, color: ctx.color });
  return exitCodeFor(results, strict, unreadable.length);
}

export function exitCodeFor(results: readonly CatalogResult[], strict: boolean, unreadable = 0): number {
  if (unreadable > 0) return EXIT_CANNOT_RUN;
  if (results.some((result) => result.issues.some((issue) => USAGE_ISSUE_CODES.has(issue.code)))) return EXIT_CANNOT_RUN;
  const failed = results.some((result) => {
    const { errors, warnings } = countIssues(result.issues);
    return !result.valid || errors > 0 || (strict && warnings > 0);
  });
  return failed ? EXIT_FAILED : EXIT_OK;
}
