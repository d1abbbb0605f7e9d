// Sync one catalogue with one shop: load -> resolve categories (and etalase names) -> list -> plan ->
// (confirm) -> apply.
import { readFile } from "node:fs/promises";
import { assertRegularFile } from "../fs-errors.js";
import { basename, extname, resolve } from "node:path";
import { loadCatalog } from "../catalog/index.js";
import { refuseExampleRows } from "../catalog/example-row.js";
import type { CommandContext, Output } from "../cli/io.js";
import { checkOutputPath } from "../cli/output-path.js";
import type { GroupConfig, MarketplaceConfig, PricingRule } from "../config/types.js";
import { pick, type Text } from "../i18n.js";
import { isError, type Issue } from "../issues.js";
import { diffCatalog } from "../plan/diff.js";
import { fingerprintListing, sha256 } from "../plan/fingerprint.js";
import { categoryLabels, etalaseLabels, namesForChanges } from "../plan/names.js";
import { writePlanFile } from "../plan/plan-file.js";
import { toPlanDocument } from "../plan/render-json.js";
import { renderPlanHeader, renderPlanText } from "../plan/render-text.js";
import type { DesiredProduct, Listing, Plan } from "../plan/types.js";
import { formatIssueLine } from "../report/format-line.js";
import { categoryTargetOf, describeTarget, openTarget, resolveTargetRules, type OpenedTarget } from "../target/open.js";
import { knownCategories, writeCategoryCache } from "../categories/offline.js";
import { sortIssues } from "../report/counts.js";
import { rejectedListingIssues, submittedForReviewText } from "../review/issues.js";
import { expiryWarning } from "../connect/expiry.js";
import { resolveDesired } from "./desired.js";
import { etalaseNames, withEtalaseIds } from "./etalase.js";
import { unknownEtalaseIssues, variantMismatchIssues } from "./shop-issues.js";
import { markAdoptions, nameClashes, planAdoptions } from "./adopt.js";
import { UsageError } from "../errors.js";
import { productsForTarget } from "./for-target.js";
import { mappingFor, readCategoryMap } from "../category-map/file.js";
import { EXIT_FAILED, EXIT_OK } from "./exit-codes.js";
import { checkMassDeactivate } from "./guards.js";
import { pickTargetFlags, type SyncOptions } from "./options.js";
import { finishWithPlan, type SyncReport } from "./finish.js";
import { recordKnown } from "./report-json.js";
import type { InterruptSource } from "./interrupt.js";
import { withResolvedPhotos } from "../photos/catalog-photos.js";
import { withSentAttributes } from "./sent-attributes.js";

export interface CatalogJob {
  /** The catalogue as shown and as resolved against the working folder. */
  file: string;
  group?: GroupConfig;
  /** The marketplace block from the config (group's merged over the default). */
  marketplace?: MarketplaceConfig;
  defaultCategory?: string;
  sheet?: string;
  /** Config folder, else the working folder: `.desbumi/` lives here. */
  baseDir: string;
  /** Per-marketplace price and stock rules (config `pricing`), by adapter name. */
  pricing?: Record<string, PricingRule>;
  env: NodeJS.ProcessEnv;
}

/** Seams for tests: where interrupts come from, and how the target is opened. */
export interface SyncDeps {
  interrupts?: InterruptSource;
  openTarget?: typeof openTarget;
  /**
   * Sees each plan as soon as it is made, with what it was made from (`desbumi status` and
   * multi-marketplace syncs read it; a dry run with this hook is a read-only look at the shop).
   */
  onPlanned?: (planned: PlannedCatalog) => void;
  /**
   * Stop after the plan is shown and the guards passed (status `planned`, no "dry run" notice):
   * a multi-marketplace sync plans every target first and asks once (src/sync/run-targets.ts).
   */
  planOnly?: boolean;
}

/** A plan and what it was computed from. */
export interface PlannedCatalog {
  plan: Plan;
  listings: readonly Listing[];
  products: readonly DesiredProduct[];
  /** SKUs of catalogue rows with errors (their listings are left alone). */
  invalidSkus: readonly string[];
  issues: readonly Issue[];
}

export async function syncCatalog(job: CatalogJob, opts: SyncOptions, ctx: CommandContext, deps: SyncDeps = {}): Promise<SyncReport> {
  // What is known so far (target, plan, issues), for the JSON document of a run that stops with an error.
  const facts: Partial<SyncReport> = {};
  try {
    return await planAndApply(job, opts, ctx, deps, facts);
  } catch (error) {
    recordKnown(error, facts);
    throw error;
  }
}

async function planAndApply(job: CatalogJob, opts: SyncOptions, ctx: CommandContext, deps: SyncDeps, facts: Partial<SyncReport>): Promise<SyncReport> {
  const { io, lang } = ctx;
  const human: Output = opts.format === "json" ? io.stderr : io.stdout;
  const base: SyncReport = {
    ...(job.group ? { group: job.group.id } : {}),
    catalog: job.file,
    status: "refused",
    exitCode: EXIT_FAILED,
  };
  const refuse = (message: Text, issues?: Issue[]): SyncReport => {
    human.write(`${pick(message, lang)}\n`);
    return { ...base, ...facts, message: pick(message, lang), ...(issues ? { issues } : {}) };
  };
  const printIssues = (issues: readonly Issue[]): void => {
    for (const issue of issues) human.write(`${formatIssueLine(issue, { lang, color: ctx.color })}\n`);
  };
  /** "Target: ... / Catalogue: ..." before a refusal (a plan prints its own header). */
  const printHeader = (target: { label: string; isPracticeShop: boolean }): void => {
    const lines = renderPlanHeader(
      { target: target.label, practiceShop: target.isPracticeShop, catalog: { file: job.file }, ...(job.group ? { group: job.group.id } : {}) },
      { lang, color: ctx.color },
    );
    human.write(`${lines.join("\n")}\n\n`);
  };

  if (opts.out !== undefined) checkOutputPath({ flag: "--out", path: opts.out, cwd: io.cwd, inputs: [job.file] });
  const rules = resolveTargetRules({
    flags: pickTargetFlags(opts),
    ...(job.marketplace ? { marketplace: job.marketplace } : {}),
    baseDir: job.baseDir,
    cwd: io.cwd,
  });
  const described = describeTarget({ flags: pickTargetFlags(opts), ...(job.marketplace ? { marketplace: job.marketplace } : {}), ...(job.group ? { group: job.group.id } : {}) });
  facts.target = described.label;
  const sheet = opts.sheet ?? job.sheet;
  // NOTE: hashed before reading, so a file edited meanwhile makes `apply` refuse rather than accept
  // a plan made from other content. A missing file is reported by loadCatalog (a located UsageError).
  const path = resolve(io.cwd, job.file);
  await assertRegularFile(path, job.file); // a FIFO would block the hash read forever (issue 13.14)
  const hashed = await readFile(path).then(sha256, () => undefined);
  // The example row init/template write is an error here (a warning in validate): issue 12.10.
  const catalog = await withResolvedPhotos(refuseExampleRows(await loadCatalog(job.file, { rules, cwd: io.cwd, ...(sheet !== undefined ? { sheet } : {}) })), {
    cwd: io.cwd,
    ...(rules.photo ? { rules: rules.photo } : {}),
    ...(job.group?.photos ? { photoFolder: job.group.photos } : {}),
    targetLabel: described.label,
  });
  const catalogSha256 = hashed ?? sha256(await readFile(path));
  if (catalog.issues.length > 0) facts.issues = catalog.issues;
  const errors = catalog.issues.filter(isError);
  const categoryTarget = categoryTargetOf({ flags: pickTargetFlags(opts), ...(job.marketplace ? { marketplace: job.marketplace } : {}), ...(job.group ? { group: job.group.id } : {}) });
  if (errors.length > 0 && !opts.skipInvalid) {
    // Refused before connecting, but the facilitator still sees which shop this was meant for.
    // Issue 12.4: category errors come in the same round when the tree is known offline.
    // NOTE: with an injected opener (tests) the target is not the one the config names.
    const known = deps.openTarget ? undefined : await knownCategories({ ...categoryTarget, baseDir: job.baseDir });
    const defaultCategory = opts.defaultCategory ?? job.defaultCategory;
    const categoryIssues = known
      ? resolveDesired({
          file: job.file,
          products: catalog.products,
          categories: known.categories,
          ...(catalog.columns ? { columns: catalog.columns } : {}),
          ...(defaultCategory !== undefined ? { defaultCategory } : {}),
        }).issues
      : [];
    const all = sortIssues([...catalog.issues, ...categoryIssues]);
    facts.issues = all;
    printHeader(described);
    printIssues(all);
    return refuse(catalogErrorsText(errors.length + categoryIssues.length), all);
  }
  printIssues(catalog.issues);

  const target = await (deps.openTarget ?? openTarget)({
    flags: pickTargetFlags(opts),
    ...(job.marketplace ? { marketplace: job.marketplace } : {}),
    env: job.env,
    baseDir: job.baseDir,
    cwd: io.cwd,
    log: ctx.log,
    ...(job.group ? { group: job.group.id } : {}),
    // Issue 13.18: a run that may write holds the shop's lock until it closes the target.
    ...(opts.dryRun ? {} : { lock: { command: "sync", note: (text: Text) => void io.stderr.write(`${pick(text, lang)}\n`) } }),
  });
  facts.target = target.label;
  const expiry = await expiryWarning(target.definition, job.marketplace, { env: job.env, cwd: job.baseDir, group: job.group?.id ?? "default" });
  if (expiry) io.stderr.write(`${pick(expiry, lang)}\n`);
  try {
    const { adapter } = target;
    const categories =
      adapter.capabilities.canListCategories && adapter.listCategories && catalog.products.length > 0
        ? await adapter.listCategories()
        : undefined;
    if (categories && !target.isPracticeShop && categoryTarget.cacheKey !== undefined) {
      // Issue 12.4: kept for `validate`, which checks categories offline against it.
      await writeCategoryCache(job.baseDir, categoryTarget.cacheKey, categories).catch((error: unknown) =>
        ctx.log.warn({ err: error }, "could not cache the category tree"),
      );
    }
    const defaultCategory = opts.defaultCategory ?? job.defaultCategory;
    const mapped = mappingFor(await readCategoryMap(job.baseDir), target.definition.name);
    // The products as this marketplace gets them: its own columns, else the config's pricing rule.
    const forTarget = productsForTarget({
      file: job.file,
      products: catalog.products,
      keys: [target.definition.name, ...(rules.family && rules.family !== target.definition.name ? [rules.family] : [])],
      ...(job.pricing ? { pricing: job.pricing } : {}),
      rules,
      ...(catalog.columns ? { columns: catalog.columns } : {}),
      ...(catalog.extraColumns?.overrides ? { overrideColumns: catalog.extraColumns.overrides } : {}),
    });
    const resolved = resolveDesired({
      ...(mapped.size > 0 ? { mapped } : {}),
      file: job.file,
      products: forTarget.products,
      ...(catalog.columns ? { columns: catalog.columns } : {}),
      ...(categories ? { categories } : {}),
      ...(defaultCategory !== undefined ? { defaultCategory } : {}),
    });
    const desired = {
      products: resolved.products,
      issues: [...forTarget.issues, ...resolved.issues],
      invalidSkus: [...forTarget.invalidSkus, ...resolved.invalidSkus],
    };
    // Marketplace checks only the adapter can make (tiktok-shop: category rules, the ID title rule).
    if (adapter.checkProducts && desired.products.length > 0) {
      const checked = await adapter.checkProducts(desired.products, {
        file: job.file,
        ...(catalog.columns ? { columns: catalog.columns } : {}),
        ...(catalog.extraColumns ? { extraColumns: catalog.extraColumns } : {}),
      });
      const bad = new Set(checked.filter((i) => i.severity === "error" && i.line !== undefined).map((i) => i.line));
      desired.issues.push(...checked);
      desired.invalidSkus.push(...desired.products.filter((p) => bad.has(p.line)).map((p) => p.sku));
      desired.products = desired.products.filter((p) => !bad.has(p.line));
    }
    let products = desired.products;
    const names = etalaseNames(products);
    let etalaseIds: ReadonlyMap<string, string> | undefined;
    // Issue 12.6: an etalase name the shop lacks is predicted here, located at the row's cell
    // (the shop refuses such a create), not found out only when applying.
    const etalaseIssues: Issue[] = [];
    if (adapter.resolveEtalase && names.length > 0) {
      etalaseIds = await adapter.resolveEtalase(names);
      const substituted = withEtalaseIds(products, etalaseIds);
      etalaseIssues.push(
        ...unknownEtalaseIssues(substituted, {
          file: job.file,
          ...(catalog.columns ? { columns: catalog.columns } : {}),
          known: [],
          practice: target.isPracticeShop,
          ...(job.group ? { group: job.group.id } : {}),
        }),
      );
      products = substituted.products;
      if (target.addEtalase && !opts.dryRun && substituted.unknown.length > 0) {
        const created = new Map<string, string>();
        for (const { name } of substituted.unknown) created.set(name, target.addEtalase(name).id);
        products = withEtalaseIds(products, created).products;
        etalaseIds = new Map([...etalaseIds, ...created]);
      }
    }
    const etalaseErrors = etalaseIssues.filter(isError);
    // Notes the marketplace checks gave (e.g. tiktok-shop: no etalase there) are shown, never refuse the run.
    printIssues(sortIssues([...etalaseIssues, ...desired.issues].filter((i) => !isError(i))));
    const shopIssues = [...desired.issues.filter(isError), ...etalaseErrors];
    const allIssues: Issue[] = [...catalog.issues, ...desired.issues, ...etalaseIssues];
    if (allIssues.length > 0) facts.issues = allIssues;
    if (shopIssues.length > 0 && !opts.skipInvalid) {
      printHeader(target);
      printIssues(sortIssues(shopIssues));
      return refuse(catalogErrorsText(errors.length + shopIssues.length), allIssues);
    }
    printIssues(sortIssues(shopIssues));

    const listings = adapter.capabilities.canList ? await adapter.listListings() : [];
    const rejected = rejectedListingIssues(listings, products, { file: job.file, ...(catalog.columns ? { columns: catalog.columns } : {}) });
    if (rejected.length > 0) {
      printIssues(rejected);
      allIssues.push(...rejected);
      facts.issues = allIssues;
    }
    const where = { file: job.file, ...(catalog.columns ? { columns: catalog.columns } : {}) };
    // Takeover (issue 12): with --adopt, listings without SKU are matched to rows by name.
    if (opts.adopt && !adapter.capabilities.canSetSku) {
      throw new UsageError({
        id: `--adopt tidak bisa dipakai untuk ${target.label}: marketplace ini tidak bisa memasang SKU pada produk yang sudah ada.`,
        en: `--adopt cannot be used with ${target.label}: this marketplace cannot put a SKU on an existing listing.`,
      });
    }
    // The rows' attributes as this target would be sent them, where it reads them back (the plan compares them).
    const sentAttributes = adapter.sentAttributes?.bind(adapter);
    if (sentAttributes) products = await withSentAttributes(products, sentAttributes);
    const adoption = opts.adopt ? planAdoptions(products, listings, where) : undefined;
    const diffed = diffCatalog({
      products,
      listings: adoption?.listings ?? listings,
      invalidSkus: [...catalog.invalidSkus, ...desired.invalidSkus, ...etalaseErrors.map((i) => String(i.args?.sku ?? "")), ...(adoption?.skippedSkus ?? [])],
      prune: opts.prune === true,
    });
    const marked = adoption ? markAdoptions(diffed.changes, adoption.adopted, products) : diffed.changes;
    // Issue 12.12: a create whose name a live listing has is refused by the marketplace: say so now.
    const clashes = nameClashes(marked, adoption?.listings ?? listings, where);
    const clashing = new Set(clashes.map((i) => String(i.args?.row ?? "")));
    const mismatches = variantMismatchIssues(diffed.variantMismatches, where);
    const planIssues = [...(adoption?.issues ?? []), ...clashes, ...mismatches.filter(isError)];
    const planWarnings = mismatches.filter((i) => !isError(i));
    if (planWarnings.length > 0) {
      printIssues(sortIssues(planWarnings));
      allIssues.push(...planWarnings);
      facts.issues = allIssues;
    }
    if (planIssues.length > 0) {
      allIssues.push(...planIssues);
      facts.issues = allIssues;
      if (!opts.skipInvalid) {
        printHeader(target);
        printIssues(sortIssues(planIssues));
        return refuse(catalogErrorsText(errors.length + shopIssues.length + planIssues.length), allIssues);
      }
      printIssues(sortIssues(planIssues));
    }
    const diff = {
      ...diffed,
      changes: marked.filter((c) => !(c.kind === "create" && clashing.has(c.sku))),
      unchanged: diffed.unchanged - (adoption ? marked.length - diffed.changes.length : 0),
    };
    const plan = buildPlan({
      target,
      job,
      sha256: catalogSha256,
      // Fingerprints of the listings as the marketplace has them (an adopted one still without SKU).
      listings,
      diff,
      catalogPath: path,
      lookups: {
        ...(categories ? { categories: categoryLabels(categories) } : {}),
        ...(etalaseIds ? { etalase: etalaseLabels(etalaseIds) } : {}),
      },
    });
    deps.onPlanned?.({ plan, listings, products, invalidSkus: [...catalog.invalidSkus, ...desired.invalidSkus], issues: allIssues });
    if (opts.format !== "json") human.write(renderPlanText(plan, { lang, color: ctx.color }));
    const withPlan: SyncReport = { ...base, target: plan.target, plan: toPlanDocument(plan), ...(allIssues.length ? { issues: allIssues } : {}) };
    facts.plan = withPlan.plan;

    const guard = opts.allowMassDeactivate
      ? undefined
      : checkMassDeactivate({
          plan,
          listings,
          catalogProducts: products.length,
          ...(opts.maxDeactivatePercent !== undefined ? { maxPercent: opts.maxDeactivatePercent } : {}),
        });
    if (guard) {
      human.write(`${pick(guard, lang)}\n`);
      return { ...withPlan, status: "refused", exitCode: EXIT_FAILED, message: pick(guard, lang) };
    }
    if (opts.out) {
      await writePlanFile(resolve(io.cwd, opts.out), plan);
      human.write(
        `${pick({ id: `Rencana disimpan di ${opts.out}; terapkan dengan: desbumi apply ${opts.out}`, en: `Plan saved to ${opts.out}; apply it with: desbumi apply ${opts.out}` }, lang)}\n`,
      );
    }
    if (deps.planOnly) return { ...withPlan, status: "planned", exitCode: EXIT_OK };
    const report = await finishWithPlan({
      plan,
      adapter,
      opts,
      ctx,
      human,
      baseDir: job.baseDir,
      journalName: job.group?.id ?? basename(job.file, extname(job.file)),
      ...(deps.interrupts ? { interrupts: deps.interrupts } : {}),
    });
    const review = adapter.capabilities.reviewsWrites && report.result ? submittedForReviewText(report.result.outcomes) : undefined;
    if (review && opts.format !== "json") human.write(`${pick(review, lang)}\n`);
    // Rows skipped with --skip-invalid make the run "failed" even when every sent item applied.
    // ... and so do rows the plan refused against the live shop (planIssues: name taken, variant mismatch).
    const skippedRows = errors.length + shopIssues.length + planIssues.length > 0;
    return { ...withPlan, ...report, exitCode: Math.max(report.exitCode, skippedRows ? EXIT_FAILED : EXIT_OK) };
  } finally {
    await target.close();
  }
}

function buildPlan(input: {
  target: OpenedTarget;
  job: CatalogJob;
  sha256: string;
  listings: readonly Listing[];
  diff: ReturnType<typeof diffCatalog>;
  catalogPath: string;
  lookups: Parameters<typeof namesForChanges>[1];
}): Plan {
  const { target, job, diff } = input;
  const names = namesForChanges(diff.changes, input.lookups);
  const byId = new Map(input.listings.map((l) => [l.id, l]));
  const fingerprints: Record<string, string> = {};
  for (const change of diff.changes) {
    const listing = change.kind === "create" ? undefined : byId.get(change.listingId);
    if (listing) fingerprints[listing.id] = fingerprintListing(listing);
  }
  return {
    version: 1,
    marketplace: target.definition.name,
    target: target.label,
    practiceShop: target.isPracticeShop,
    createdAt: new Date().toISOString(),
    catalog: { file: job.file, sha256: input.sha256, path: input.catalogPath },
    ...(job.group ? { group: job.group.id } : {}),
    changes: diff.changes,
    unchanged: diff.unchanged,
    leftAlone: diff.leftAlone,
    fingerprints,
    ...(diff.duplicates.length > 0 ? { duplicates: diff.duplicates } : {}),
    ...(names ? { names } : {}),
  };
}

const catalogErrorsText = (count: number): Text => ({
  id: `Ditolak: katalog punya ${count} kesalahan, jadi tidak ada yang dikirim. Perbaiki dulu, atau pakai --skip-invalid untuk mengirim baris yang benar saja (produk dari baris yang salah tidak disentuh).`,
  en: `Refused: the catalogue has ${count} error${count === 1 ? "" : "s"}, so nothing was sent. Fix them first, or use --skip-invalid to send only the valid rows (listings of the rows with errors are left untouched).`,
});
