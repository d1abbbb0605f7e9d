// `desbumi apply plan.json`: apply a saved plan, or refuse when the shop or catalogue moved on. What
// is sent is only what the catalogue still asks for (issue 13 item 3): see checkPlan.
import { readFile } from "node:fs/promises";
import { assertRegularFile } from "../fs-errors.js";
import { basename, extname, resolve } from "node:path";
import type { CommandContext } from "../cli/io.js";
import { loadConfig } from "../config/load.js";
import type { LoadedConfig, MarketplaceConfig } from "../config/types.js";
import { UsageError } from "../errors.js";
import { pick, type Lang, type Text } from "../i18n.js";
import { sha256 } from "../plan/fingerprint.js";
import { readPlanFiles } from "../plan/plan-file.js";
import { toPlanDocument } from "../plan/render-json.js";
import { renderPlanHeader, renderPlanText } from "../plan/render-text.js";
import type { Plan } from "../plan/types.js";
import { openTarget, type OpenedTarget } from "../target/open.js";
import { EXIT_FAILED } from "./exit-codes.js";
import { finishWithPlan, type SyncReport } from "./finish.js";
import { pickTargetFlags, type ApplyFileOptions } from "./options.js";
import type { PlannedCatalog, SyncDeps } from "./run-catalog.js";
import { errorReport, recordKnown, toSyncJson } from "./report-json.js";
import { findStaleness } from "./stale.js";
import { checkMassDeactivate } from "./guards.js";
import { derivePlan } from "./derive-plan.js";
import { narrowPlan, withheldOutcome, type NarrowedPlan } from "./narrow-plan.js";
import { shownPath } from "./shown-path.js";

export async function runApplyFile(planPath: string, opts: ApplyFileOptions, ctx: CommandContext, deps: SyncDeps = {}): Promise<number> {
  const facts: Partial<SyncReport> = {};
  try {
    return await applyFile(planPath, opts, ctx, deps, facts);
  } catch (error) {
    // As sync: a JSON consumer still gets one document; the error goes on for the exit code.
    if (opts.format === "json") {
      recordKnown(error, facts);
      const failed = errorReport(error, { catalog: facts.catalog ?? "" }, ctx.lang);
      ctx.io.stdout.write(`${JSON.stringify(toSyncJson(failed, ctx.lang), null, 2)}\n`);
    }
    throw error;
  }
}

async function applyFile(planPath: string, opts: ApplyFileOptions, ctx: CommandContext, deps: SyncDeps, facts: Partial<SyncReport>): Promise<number> {
  const { io, lang } = ctx;
  const plans = await readPlanFiles(resolve(io.cwd, planPath));
  if (plans.length > 1) {
    const { applyPlans } = await import("./apply-plans.js");
    return applyPlans(plans, opts, ctx, deps);
  }
  const [plan] = plans as [Plan];
  const report = await applyPlan(plan, opts, ctx, deps, facts);
  if (opts.format === "json") io.stdout.write(`${JSON.stringify(toSyncJson(report, lang), null, 2)}\n`);
  return report.exitCode;
}

/**
 * Apply one saved (or just made) plan to its target: reopen the target the plan names, refuse when
 * the shop or the catalogue moved on since the plan was made, re-derive the plan from the catalogue
 * and the shop and send only the saved changes it still backs (issue 13 item 3), else finish it
 * (ask, apply, summary).
 */
export async function applyPlan(plan: Plan, opts: ApplyFileOptions, ctx: CommandContext, deps: SyncDeps = {}, facts: Partial<SyncReport> = {}): Promise<SyncReport> {
  const { io, lang } = ctx;
  const human = opts.format === "json" ? io.stderr : io.stdout;
  Object.assign(facts, { catalog: plan.catalog.file, ...(plan.group !== undefined ? { group: plan.group } : {}), plan: toPlanDocument(plan) });
  const config = await loadConfig({ cwd: io.cwd, env: io.env, ...(opts.config !== undefined ? { configPath: opts.config } : {}) });
  const group = plan.group !== undefined ? config?.groups.find((g) => g.id === plan.group) : undefined;
  if (plan.group !== undefined && !group) {
    throw new UsageError({
      id: `Rencana ini untuk kelompok "${plan.group}", tapi kelompok itu tidak ada di desbumi.config.json di sini. Jalankan apply dari folder yang sama dengan sync, atau pakai --config.`,
      en: `This plan is for group "${plan.group}", but no such group is in a desbumi.config.json here. Run apply from the folder you ran sync in, or pass --config.`,
    });
  }
  const marketplace = marketplaceOf(plan, config);
  const baseDir = config?.dir ?? io.cwd;
  const target = await (deps.openTarget ?? openTarget)({
    flags: pickTargetFlags(opts),
    ...(marketplace ? { marketplace } : {}),
    env: config?.env ?? io.env,
    baseDir,
    cwd: io.cwd,
    log: ctx.log,
    // A group's plan reopens that group's practice shop (the label check below relies on it).
    ...(plan.group !== undefined ? { group: plan.group } : {}),
    // Issue 13.18: one writing run per shop.
    lock: { command: "apply", note: (text: Text) => void io.stderr.write(`${pick(text, ctx.lang)}\n`) },
  });
  facts.target = target.label;
  try {
    const report = (extra: Partial<SyncReport>): SyncReport => ({
      ...(plan.group !== undefined ? { group: plan.group } : {}),
      catalog: plan.catalog.file,
      target: target.label,
      plan: toPlanDocument(plan),
      status: "refused",
      exitCode: EXIT_FAILED,
      ...extra,
    });
    const checked = await checkPlan(plan, target, { opts, ctx, config });
    if ("refused" in checked) {
      const header = renderPlanHeader(plan, { lang, color: ctx.color });
      if (checked.stale) {
        const lines = [
          ...header,
          pick(
            {
              id: "Ditolak: rencana ini sudah usang, tidak ada yang dikirim. Jalankan `desbumi sync` lagi untuk membuat rencana baru. Alasannya:",
              en: "Refused: this plan is stale, nothing was sent. Run `desbumi sync` again to make a fresh plan. Because:",
            },
            lang,
          ),
          ...checked.refused.map((r) => `  - ${pick(r, lang)}`),
        ];
        human.write(`${lines.join("\n")}\n`);
        return report({ message: pick({ id: `rencana usang: ${checked.refused.map((r) => r.id).join("; ")}`, en: `stale plan: ${checked.refused.map((r) => r.en).join("; ")}` }, lang) });
      }
      human.write(`${[...header, ...checked.refused.map((r) => pick(r, lang))].join("\n")}\n`);
      return report({ message: checked.refused.map((r) => pick(r, lang)).join("; ") });
    }

    const { narrowed } = checked;
    if (opts.format !== "json" && !opts.quietPlan) human.write(renderPlanText(narrowed.plan, { lang, color: ctx.color }));
    if (narrowed.withheld.length > 0) human.write(renderWithheld(narrowed, lang));
    const finished = await finishWithPlan({
      plan: narrowed.plan,
      adapter: target.adapter,
      opts: { ...(opts.yes !== undefined ? { yes: opts.yes } : {}) },
      ctx,
      human,
      baseDir,
      journalName: plan.group ?? basename(plan.catalog.file, extname(plan.catalog.file)),
      ...(deps.interrupts ? { interrupts: deps.interrupts } : {}),
      ...(narrowed.withheld.length > 0 ? { withheld: narrowed.withheld.map((w) => ({ at: w.at, outcome: withheldOutcome(w, lang) })) } : {}),
    });
    const none = finished.status === "refused" ? { message: pick(nothingBacked(plan.changes.length), lang) } : {};
    return report({ ...finished, ...none });
  } finally {
    await target.close();
  }
}

/** The marketplace block of the plan's target: a group's (of several, the plan's marketplace's), else the config's. */
export function marketplaceOf(plan: Plan, config: LoadedConfig | undefined): MarketplaceConfig | undefined {
  const group = plan.group !== undefined ? config?.groups.find((g) => g.id === plan.group) : undefined;
  return group?.marketplaces?.find((b) => b.adapter === plan.marketplace) ?? group?.marketplace ?? config?.marketplace;
}

export type CheckedPlan =
  | { narrowed: NarrowedPlan; fresh: PlannedCatalog }
  /** stale: the shop, the catalogue or the target moved on; else a guard or the derivation refused. */
  | { refused: Text[]; stale: boolean };

/**
 * Whether `plan` may be applied to the opened `target`, and what of it: stale checks (target,
 * catalogue sha256, listing fingerprints), then the plan made again from the catalogue and the shop
 * (derive-plan.ts) narrows it (narrow-plan.ts), then the guards run again.
 * NOTE: the mass-deactivation guard looks at what the saved plan asks for as well as at what would
 * be sent: a plan asking to deactivate most of the shop was not made by a `sync` without
 * --allow-mass-deactivate, so it is refused as a whole (nothing sent) rather than quietly narrowed.
 */
export async function checkPlan(plan: Plan, target: OpenedTarget, input: { opts: ApplyFileOptions; ctx: CommandContext; config: LoadedConfig | undefined }): Promise<CheckedPlan> {
  const { opts, ctx, config } = input;
  if (target.label !== plan.target || target.definition.name !== plan.marketplace) {
    return {
      stale: true,
      refused: [
        {
          id: `rencana ini untuk ${plan.target}, tapi tujuan sekarang ${target.label} (pakai flag/konfigurasi yang sama seperti saat sync)`,
          en: `this plan is for ${plan.target}, but the target now is ${target.label} (use the same flags/config as for sync)`,
        },
      ],
    };
  }
  const listings = target.adapter.capabilities.canList ? await target.adapter.listListings() : [];
  const catalog = await findCatalog(plan, config, ctx.io.cwd);
  const reasons = [...(catalog.mismatch ? [catalog.mismatch] : []), ...findStaleness(plan, listings, catalog.sha256)];
  if (reasons.length > 0 || catalog.path === undefined) return { stale: true, refused: reasons };

  const fresh = await derivePlan({
    saved: plan,
    target,
    listings,
    catalogPath: catalog.path,
    config,
    marketplace: marketplaceOf(plan, config),
    flags: pickTargetFlags(opts),
    ...(opts.defaultCategory !== undefined ? { defaultCategory: opts.defaultCategory } : {}),
    ctx,
  });
  if ("refused" in fresh) {
    return {
      stale: false,
      refused: [
        {
          id: `Ditolak: rencana ini tidak bisa dicocokkan lagi dengan katalog, tidak ada yang dikirim: ${fresh.refused.id}`,
          en: `Refused: this plan could not be checked against the catalogue again, nothing was sent: ${fresh.refused.en}`,
        },
      ],
    };
  }
  const narrowed = narrowPlan(plan, fresh);
  if (!opts.allowMassDeactivate) {
    for (const asked of [plan, narrowed.plan]) {
      const guard = checkMassDeactivate({
        plan: asked,
        listings: fresh.listings,
        catalogProducts: fresh.products.length,
        ...(opts.maxDeactivatePercent !== undefined ? { maxPercent: opts.maxDeactivatePercent } : {}),
      });
      if (guard) return { stale: false, refused: [guard] };
    }
  }
  return { narrowed, fresh };
}

/** "3 of the plan's 5 changes are not applied:" and one line per withheld change. */
function renderWithheld(narrowed: NarrowedPlan, lang: Lang): string {
  const n = narrowed.withheld.length;
  const all = n + narrowed.plan.changes.length;
  const lines = [
    pick(
      {
        id: `${n} dari ${all} perubahan di rencana ini tidak diterapkan: katalog sekarang tidak memintanya (file rencana hanya bisa mempersempit, tidak menambah):`,
        en: `${n} of this plan's ${all} change${all === 1 ? "" : "s"} ${n === 1 ? "is" : "are"} not applied: the catalogue does not ask for ${n === 1 ? "it" : "them"} now (a plan file can only narrow what sync would do, never add to it):`,
      },
      lang,
    ),
    ...narrowed.withheld.map((w) => `  - ${w.change.kind} ${w.change.sku}${w.change.kind !== "create" ? ` (id ${w.change.listingId})` : ""}: ${pick(w.why, lang)}`),
  ];
  return `${lines.join("\n")}\n`;
}

const nothingBacked = (n: number): Text => ({
  id: `tidak ada yang dikirim: tidak satu pun dari ${n} perubahan rencana ini diminta katalog sekarang`,
  en: `nothing was sent: none of this plan's ${n} change${n === 1 ? " is" : "s are"} asked for by the catalogue now`,
});

/**
 * The catalogue the plan is checked against, and its sha256. A group's plan: the group's catalogue
 * in the config (a plan naming another file is refused, so a plan file cannot point apply at a
 * catalogue of its own). Otherwise where the plan was made (its absolute path), else its file name
 * from the working folder.
 */
async function findCatalog(plan: Plan, config: LoadedConfig | undefined, cwd: string): Promise<{ path?: string; sha256?: string; mismatch?: Text }> {
  const group = plan.group !== undefined ? config?.groups.find((g) => g.id === plan.group) : undefined;
  if (group) {
    const named = plan.catalog.path ?? resolve(cwd, plan.catalog.file);
    const mismatch: Text | undefined =
      resolve(named) !== resolve(group.catalog)
        ? {
            id: `rencana ini dibuat dari ${plan.catalog.file}, tapi katalog kelompok ${group.id} adalah ${shownPath(group.catalog, cwd)}`,
            en: `this plan was made from ${plan.catalog.file}, but group ${group.id}'s catalogue is ${shownPath(group.catalog, cwd)}`,
          }
        : undefined;
    const sha = await readFile(group.catalog).then(sha256, () => undefined);
    return { ...(sha !== undefined ? { path: group.catalog, sha256: sha } : {}), ...(mismatch ? { mismatch } : {}) };
  }
  for (const path of [plan.catalog.path, resolve(cwd, plan.catalog.file)]) {
    if (path === undefined) continue;
    try {
      await assertRegularFile(path, path);
      return { path, sha256: sha256(await readFile(path)) };
    } catch {
      // try the next place
    }
  }
  return {};
}
