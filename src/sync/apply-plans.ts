// `desbumi apply plans.json` for a file holding several marketplaces' plans: every target is
// checked first (stale, re-derived from the catalogue, guards: run-apply.ts checkPlan); when one
// is refused nothing is sent, unless --partial says to apply the others. Each plan is then applied
// as a single plan file is, so it is checked again right before sending and narrowed the same way.
import type { CommandContext } from "../cli/io.js";
import { loadConfig } from "../config/load.js";
import { AdapterError, ConfigError, UsageError } from "../errors.js";
import { pick, type Text } from "../i18n.js";
import type { Plan } from "../plan/types.js";
import { openTarget } from "../target/open.js";
import { EXIT_FAILED, worstExitCode } from "./exit-codes.js";
import type { SyncReport } from "./finish.js";
import { pickTargetFlags, type ApplyFileOptions } from "./options.js";
import { renderTargetsTable } from "./render-targets.js";
import { errorReport, toSyncJson } from "./report-json.js";
import { applyPlan, checkPlan, marketplaceOf } from "./run-apply.js";
import type { SyncDeps } from "./run-catalog.js";
import { showTarget } from "../target/practice-shop-name.js";

export async function applyPlans(plans: readonly Plan[], opts: ApplyFileOptions, ctx: CommandContext, deps: SyncDeps): Promise<number> {
  const { io, lang } = ctx;
  const human = opts.format === "json" ? io.stderr : io.stdout;
  const config = await loadConfig({ cwd: io.cwd, env: io.env, ...(opts.config !== undefined ? { configPath: opts.config } : {}) });

  const stale = new Map<Plan, Text[]>();
  for (const plan of plans) {
    const marketplace = marketplaceOf(plan, config);
    try {
      const target = await (deps.openTarget ?? openTarget)({
        flags: pickTargetFlags(opts),
        ...(marketplace ? { marketplace } : {}),
        env: config?.env ?? io.env,
        baseDir: config?.dir ?? io.cwd,
        cwd: io.cwd,
        log: ctx.log,
        ...(plan.group !== undefined ? { group: plan.group } : {}),
      });
      try {
        const checked = await checkPlan(plan, target, { opts, ctx, config });
        if ("refused" in checked) stale.set(plan, checked.refused);
      } finally {
        await target.close();
      }
    } catch (error) {
      if (!(error instanceof UsageError || error instanceof ConfigError || error instanceof AdapterError)) throw error;
      stale.set(plan, [error.text]);
    }
  }

  const reports: SyncReport[] = [];
  const refused = (plan: Plan, message: string): SyncReport => ({
    ...(plan.group !== undefined ? { group: plan.group } : {}),
    catalog: plan.catalog.file,
    target: plan.target,
    status: "refused",
    exitCode: EXIT_FAILED,
    message,
  });
  if (stale.size > 0 && !opts.partial) {
    const fresh = plans.length - stale.size;
    human.write(
      `${pick(
        {
          id: `Ditolak: rencana untuk ${stale.size} marketplace sudah usang atau ditolak pemeriksaan, jadi tidak ada yang dikirim ke marketplace mana pun.${fresh > 0 ? ` Pakai --partial untuk tetap menerapkan ${fresh} rencana lainnya,` : ""} atau jalankan \`desbumi sync\` lagi untuk rencana baru.`,
          en: `Refused: the plan for ${stale.size} marketplace${stale.size === 1 ? " is" : "s are"} stale or refused by a check, so nothing was sent to any marketplace.${fresh > 0 ? ` Use --partial to apply the other ${fresh} anyway,` : ""} or run \`desbumi sync\` again for fresh plans.`,
        },
        lang,
      )}\n`,
    );
    for (const [plan, reasons] of stale) human.write(`  ${showTarget(plan.target, lang)}:\n${reasons.map((r) => `    - ${pick(r, lang)}`).join("\n")}\n`);
    for (const plan of plans) reports.push(refused(plan, pick(stale.has(plan) ? { id: "rencana usang", en: "stale plan" } : { id: "tidak dikirim: rencana lain usang (pakai --partial)", en: "not sent: another plan is stale (use --partial)" }, lang)));
  } else {
    for (const plan of plans) {
      const reasons = stale.get(plan);
      if (reasons) {
        human.write(`${pick({ id: `Dilewati (--partial), rencana usang: ${showTarget(plan.target, "id")}`, en: `Skipped (--partial), stale plan: ${showTarget(plan.target, "en")}` }, lang)}\n${reasons.map((r) => `  - ${pick(r, lang)}`).join("\n")}\n`);
        reports.push(refused(plan, pick({ id: "rencana usang", en: "stale plan" }, lang)));
        continue;
      }
      try {
        reports.push(await applyPlan(plan, opts, ctx, deps));
      } catch (error) {
        if (!(error instanceof UsageError || error instanceof ConfigError || error instanceof AdapterError)) throw error;
        human.write(`${pick(error.text, lang)}\n`);
        reports.push(errorReport(error, { catalog: plan.catalog.file, ...(plan.group !== undefined ? { group: plan.group } : {}) }, lang));
      }
    }
  }
  human.write(`\n${renderTargetsTable(reports, lang)}`);
  const exitCode = worstExitCode(reports.map((r) => r.exitCode));
  if (opts.format === "json") io.stdout.write(`${JSON.stringify({ format: "desbumi-sync-targets", version: 1, exitCode, targets: reports.map((r) => toSyncJson(r, lang)) }, null, 2)}\n`);
  return exitCode;
}
