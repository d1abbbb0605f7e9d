// After the plan is shown: stop (dry run), ask, or apply; then the summary and the exit code.
// Shared by `sync` and `apply plan.json`.
import type { MarketplaceAdapter } from "../adapters/types.js";
import type { CommandContext, Output } from "../cli/io.js";
import { pick, type Text } from "../i18n.js";
import type { Issue } from "../issues.js";
import type { RunSummary } from "../journal/journal.js";
import type { PlanDocument } from "../plan/render-json.js";
import type { ChangeOutcome, Plan } from "../plan/types.js";
import { applyPlanRun, type WithheldOutcome } from "./apply-run.js";
import { canAsk, confirmApply } from "./confirm.js";
import { EXIT_CHANGES_PENDING, EXIT_FAILED, EXIT_OK } from "./exit-codes.js";
import type { InterruptSource } from "./interrupt.js";
import { renderApplySummary } from "./render-summary.js";
import { recordKnown } from "./report-json.js";
import { shownPath } from "./shown-path.js";

/** What one catalogue's sync (or one plan file's apply) did; the JSON output of sync. */
export interface SyncReport {
  group?: string;
  catalog: string;
  target?: string;
  /** The adapter name of the target (a multi-marketplace summary names it in its rerun hint). */
  marketplace?: string;
  /**
   * refused: a guard stopped it (catalogue errors, mass deactivation, stale plan); planned: dry run;
   * not-applied: no terminal to ask and no --yes; declined: the answer was no; nothing-to-do;
   * applied: the plan ran (see result); error: the run could not continue (exit 2).
   */
  status: "refused" | "planned" | "not-applied" | "declined" | "nothing-to-do" | "applied" | "error";
  exitCode: number;
  /** Refusals and errors: the sentence, in the run's language (--lang). */
  message?: string;
  /** Errors from the config: one line per mistake, in the run's language. */
  details?: string[];
  issues?: Issue[];
  plan?: PlanDocument;
  result?: { summary: RunSummary; interrupted: boolean; outcomes: ChangeOutcome[]; journal: string; files?: { path: string; rows: number }[] };
}

export interface FinishInput {
  plan: Plan;
  adapter: MarketplaceAdapter;
  opts: { dryRun?: boolean; detailedExitcode?: boolean; yes?: boolean };
  ctx: CommandContext;
  /** Where human messages go (stdout, or stderr when stdout carries JSON). */
  human: Output;
  baseDir: string;
  journalName: string;
  interrupts?: InterruptSource;
  /** `apply plan.json`: saved changes the catalogue no longer backs (not sent; see src/sync/narrow-plan.ts). */
  withheld?: readonly WithheldOutcome[];
}

type Finished = Pick<SyncReport, "status" | "exitCode" | "result">;

export async function finishWithPlan(input: FinishInput): Promise<Finished> {
  const { plan, opts, ctx, human } = input;
  const { io, lang } = ctx;
  const say = (t: Text): void => void human.write(`${pick(t, lang)}\n`);
  const pending = plan.changes.length > 0;
  const notApplied = (status: Finished["status"]): Finished => ({
    status,
    exitCode: pending && opts.detailedExitcode ? EXIT_CHANGES_PENDING : EXIT_OK,
  });

  if (opts.dryRun) {
    if (pending) say({ id: "Uji coba (--dry-run): tidak ada yang diubah.", en: "Dry run (--dry-run): nothing was changed." });
    return notApplied("planned");
  }
  if (pending && !opts.yes) {
    if (!canAsk(io)) {
      say({
        id: "Tidak diterapkan: tidak ada terminal untuk bertanya. Jalankan dengan --yes untuk menerapkan.",
        en: "Not applied: no terminal to ask for confirmation. Run with --yes to apply.",
      });
      return notApplied("not-applied");
    }
    if (!(await confirmApply(io, human, lang, plan))) {
      say({ id: "Tidak diterapkan.", en: "Not applied." });
      return notApplied("declined");
    }
  }

  const report = await applyPlanRun({
    plan,
    adapter: input.adapter,
    lang,
    log: ctx.log,
    progressOut: io.stderr,
    baseDir: input.baseDir,
    journalName: input.journalName,
    ...(input.interrupts ? { interrupts: input.interrupts } : {}),
    ...(input.withheld ? { withheld: input.withheld } : {}),
  });
  const result: NonNullable<SyncReport["result"]> = { summary: report.summary, interrupted: report.interrupted, outcomes: report.outcomes, journal: report.journalPath };
  // NOTE: withheld items were not applied, so the run did not do all it was asked: exit 1, like failed items.
  const withheld = (input.withheld?.length ?? 0) > 0;
  if (!pending && !withheld) return { status: "nothing-to-do", exitCode: EXIT_OK, result };
  const files = input.adapter.filesWritten?.().map((f) => ({ ...f, path: shownPath(f.path, io.cwd) }));
  if (files) result.files = files.map(({ path, rows }) => ({ path, rows }));
  human.write(renderApplySummary(report, lang, files));
  const journal = shownPath(report.journalPath, io.cwd);
  say({ id: `Jurnal: ${journal}`, en: `Journal: ${journal}` });
  // The run could not continue (e.g. credentials revoked mid-run): summary first, then exit 2.
  if (report.stoppedBy !== undefined) {
    recordKnown(report.stoppedBy, { result });
    throw report.stoppedBy;
  }
  const failed = report.summary.failed > 0 || report.interrupted || withheld;
  // Nothing of the plan was backed: nothing was sent, the plan was refused item by item.
  return { status: pending ? "applied" : "refused", exitCode: failed ? EXIT_FAILED : EXIT_OK, result };
}
