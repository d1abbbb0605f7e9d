// One catalogue, several marketplaces (issue 17): plan every target under a heading naming it, ask
// once, then apply target by target. A target that cannot run (auth, unreachable) is reported
// and does not stop the others; the summary is a table target x created/updated/failed.
import type { CommandContext } from "../cli/io.js";
import type { MarketplaceConfig } from "../config/types.js";
import { AdapterError, ConfigError, UsageError } from "../errors.js";
import { pick, type Text } from "../i18n.js";
import { writePlansFile } from "../plan/plan-file.js";
import type { Plan } from "../plan/types.js";
import { describeTarget } from "../target/open.js";
import { canAsk, confirmApply } from "./confirm.js";
import { EXIT_CHANGES_PENDING, EXIT_OK } from "./exit-codes.js";
import type { SyncReport } from "./finish.js";
import type { SyncOptions } from "./options.js";
import { applyPlan } from "./run-apply.js";
import { syncCatalog, type CatalogJob, type SyncDeps } from "./run-catalog.js";
import { errorReport } from "./report-json.js";
import { renderTargetsTable } from "./render-targets.js";
import { resolve } from "node:path";
import { showTarget } from "../target/practice-shop-name.js";

export async function syncTargets(job: CatalogJob, blocks: readonly MarketplaceConfig[], opts: SyncOptions, ctx: CommandContext, deps: SyncDeps = {}): Promise<SyncReport[]> {
  const { io, lang } = ctx;
  const human = opts.format === "json" ? io.stderr : io.stdout;
  const say = (t: Text): void => void human.write(`${pick(t, lang)}\n`);

  // 1. Plan every target.
  const planned: { block: MarketplaceConfig; report: SyncReport; plan?: Plan }[] = [];
  for (const block of blocks) {
    const label = describeTarget({ flags: {}, marketplace: block, ...(job.group ? { group: job.group.id } : {}) }).label;
    human.write(`\n${pick({ id: `--- Marketplace: ${showTarget(label, "id")} ---`, en: `--- Marketplace: ${showTarget(label, "en")} ---` }, lang)}\n`);
    let plan: Plan | undefined;
    try {
      const report = await syncCatalog({ ...job, marketplace: block }, { ...opts, out: undefined } as SyncOptions, ctx, {
        ...deps,
        planOnly: true,
        onPlanned: (p) => void (plan = p.plan),
      });
      planned.push({ block, report: { ...report, marketplace: block.adapter }, ...(plan && report.status === "planned" ? { plan } : {}) });
    } catch (error) {
      if (!isRunError(error)) throw error;
      say(error.text);
      planned.push({ block, report: { ...errorReport(error, { catalog: job.file, ...(job.group ? { group: job.group.id } : {}) }, lang), marketplace: block.adapter } });
    }
  }
  const ready = planned.filter((p): p is typeof p & { plan: Plan } => p.plan !== undefined);
  const pending = ready.reduce((n, p) => n + p.plan.changes.length, 0);

  if (opts.out) {
    await writePlansFile(resolve(io.cwd, opts.out), ready.map((p) => p.plan));
    say({
      id: `Rencana ${ready.length} marketplace disimpan di ${opts.out}; terapkan dengan: desbumi apply ${opts.out}`,
      en: `Plans for ${ready.length} marketplace${ready.length === 1 ? "" : "s"} saved to ${opts.out}; apply them with: desbumi apply ${opts.out}`,
    });
  }
  const notApplied = (status: SyncReport["status"]): SyncReport[] =>
    planned.map((p) =>
      p.plan
        ? { ...p.report, status: p.plan.changes.length > 0 ? status : "nothing-to-do", exitCode: p.plan.changes.length > 0 && opts.detailedExitcode ? EXIT_CHANGES_PENDING : EXIT_OK }
        : p.report,
    );
  const finish = (reports: SyncReport[]): SyncReport[] => {
    human.write(`\n${renderTargetsTable(reports, lang)}`);
    return reports;
  };

  // 2. Ask once for all of them.
  if (opts.dryRun) {
    if (pending > 0) say({ id: "Uji coba (--dry-run): tidak ada yang diubah.", en: "Dry run (--dry-run): nothing was changed." });
    return finish(notApplied("planned"));
  }
  if (pending > 0 && !opts.yes) {
    const targets = ready.filter((p) => p.plan.changes.length > 0).map((p) => p.plan.target);
    if (!canAsk(io)) {
      say({ id: "Tidak diterapkan: tidak ada terminal untuk bertanya. Jalankan dengan --yes untuk menerapkan.", en: "Not applied: no terminal to ask for confirmation. Run with --yes to apply." });
      return finish(notApplied("not-applied"));
    }
    say({
      id: `Total: ${pending} perubahan di ${targets.length} marketplace (${targets.join("; ")}).`,
      en: `In all: ${pending} change${pending === 1 ? "" : "s"} on ${targets.length} marketplace${targets.length === 1 ? "" : "s"} (${targets.join("; ")}).`,
    });
    if (!(await confirmApply(io, human, lang))) {
      say({ id: "Tidak diterapkan.", en: "Not applied." });
      return finish(notApplied("declined"));
    }
  }

  // 3. Apply target by target: the plan just shown, refused if a shop moved on meanwhile.
  const reports: SyncReport[] = [];
  for (const p of planned) {
    if (!p.plan) {
      reports.push(p.report);
      continue;
    }
    if (p.plan.changes.length > 0) human.write(`\n${pick({ id: `--- Menerapkan: ${showTarget(p.plan.target, "id")} ---`, en: `--- Applying: ${showTarget(p.plan.target, "en")} ---` }, lang)}\n`);
    try {
      const applied = await applyPlan(
        p.plan,
        {
          yes: true,
          quietPlan: true,
          ...(opts.format ? { format: opts.format } : {}),
          ...(opts.config !== undefined ? { config: opts.config } : {}),
          // The plan is made again right before it is sent: with the flags it was made with.
          ...(opts.allowMassDeactivate ? { allowMassDeactivate: true } : {}),
          ...(opts.maxDeactivatePercent !== undefined ? { maxDeactivatePercent: opts.maxDeactivatePercent } : {}),
          ...(opts.defaultCategory !== undefined ? { defaultCategory: opts.defaultCategory } : {}),
        },
        ctx,
        deps,
      );
      reports.push({ ...applied, marketplace: p.block.adapter });
    } catch (error) {
      if (!isRunError(error)) throw error;
      say(error.text);
      reports.push({ ...errorReport(error, { catalog: job.file, ...(job.group ? { group: job.group.id } : {}) }, lang), marketplace: p.block.adapter });
    }
  }
  return finish(reports);
}

const isRunError = (error: unknown): error is UsageError | ConfigError | AdapterError =>
  error instanceof UsageError || error instanceof ConfigError || error instanceof AdapterError;
