// `desbumi apply plan.json`: apply exactly a saved plan, or refuse when the shop or catalogue moved on.
import { readFile } from "node:fs/promises";
import { assertRegularFile } from "../fs-errors.js";
import { basename, extname, resolve } from "node:path";
import type { CommandContext } from "../cli/io.js";
import { loadConfig } from "../config/load.js";
import { UsageError } from "../errors.js";
import { pick, type Text } from "../i18n.js";
import { sha256 } from "../plan/fingerprint.js";
import { readPlanFiles } from "../plan/plan-file.js";
import { toPlanDocument } from "../plan/render-json.js";
import { renderPlanHeader, renderPlanText } from "../plan/render-text.js";
import type { Plan } from "../plan/types.js";
import { openTarget, type OpenedTarget } from "../target/open.js";
import { EXIT_FAILED } from "./exit-codes.js";
import { finishWithPlan, type SyncReport } from "./finish.js";
import { pickTargetFlags, type ApplyFileOptions } from "./options.js";
import type { SyncDeps } from "./run-catalog.js";
import { errorReport, recordKnown, toSyncJson } from "./report-json.js";
import { findStaleness } from "./stale.js";

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
 * the shop or the catalogue moved on since the plan was made, else finish it (ask, apply, summary).
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
  // A group selling on several marketplaces: the block of the plan's marketplace.
  const marketplace = group?.marketplaces?.find((b) => b.adapter === plan.marketplace) ?? group?.marketplace ?? config?.marketplace;
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
    const reasons = await stalenessOf(plan, target, io.cwd);
    if (reasons.length > 0) {
      const lines = [
        ...renderPlanHeader(plan, { lang, color: ctx.color }),
        pick(
          {
            id: "Ditolak: rencana ini sudah usang, tidak ada yang dikirim. Jalankan `desbumi sync` lagi untuk membuat rencana baru. Alasannya:",
            en: "Refused: this plan is stale, nothing was sent. Run `desbumi sync` again to make a fresh plan. Because:",
          },
          lang,
        ),
        ...reasons.map((r) => `  - ${pick(r, lang)}`),
      ];
      human.write(`${lines.join("\n")}\n`);
      return report({ message: pick({ id: `rencana usang: ${reasons.map((r) => r.id).join("; ")}`, en: `stale plan: ${reasons.map((r) => r.en).join("; ")}` }, lang) });
    }

    if (opts.format !== "json" && !opts.quietPlan) human.write(renderPlanText(plan, { lang, color: ctx.color }));
    const finished = await finishWithPlan({
      plan,
      adapter: target.adapter,
      opts: { ...(opts.yes !== undefined ? { yes: opts.yes } : {}) },
      ctx,
      human,
      baseDir,
      journalName: plan.group ?? basename(plan.catalog.file, extname(plan.catalog.file)),
      ...(deps.interrupts ? { interrupts: deps.interrupts } : {}),
    });
    return report(finished);
  } finally {
    await target.close();
  }
}

/** Why `plan` no longer fits its opened target (another target, the shop or the catalogue moved on); [] when it still fits. */
export async function stalenessOf(plan: Plan, target: OpenedTarget, cwd: string): Promise<Text[]> {
  if (target.label !== plan.target || target.definition.name !== plan.marketplace) {
    return [
      {
        id: `rencana ini untuk ${plan.target}, tapi tujuan sekarang ${target.label} (pakai flag/konfigurasi yang sama seperti saat sync)`,
        en: `this plan is for ${plan.target}, but the target now is ${target.label} (use the same flags/config as for sync)`,
      },
    ];
  }
  const listings = target.adapter.capabilities.canList ? await target.adapter.listListings() : [];
  return findStaleness(plan, listings, await hashCatalog(plan, cwd));
}

async function hashCatalog(plan: Plan, cwd: string): Promise<string | undefined> {
  for (const path of [plan.catalog.path, resolve(cwd, plan.catalog.file)]) {
    if (path === undefined) continue;
    try {
      await assertRegularFile(path, path);
      return sha256(await readFile(path));
    } catch {
      // try the next place
    }
  }
  return undefined;
}
