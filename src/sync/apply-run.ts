// Applying a plan: journal, progress, Ctrl-C, one outcome per change. The only writing part of sync.
import type { Logger } from "pino";
import type { MarketplaceAdapter } from "../adapters/types.js";
import type { Output } from "../cli/io.js";
import type { Lang } from "../i18n.js";
import { openJournal, type RunSummary } from "../journal/journal.js";
import { summarizePlan } from "../plan/summary.js";
import type { Change, ChangeOutcome, Plan } from "../plan/types.js";
import { interruptSource, type InterruptSource } from "./interrupt.js";
import { startProgress } from "./progress.js";

export interface ApplyRunInput {
  plan: Plan;
  adapter: MarketplaceAdapter;
  lang: Lang;
  log: Logger;
  /** Progress and the "stopping" notice (stderr). */
  progressOut: Output;
  /** Where `.desbumi/runs/` lives. */
  baseDir: string;
  /** Journal name: group id or catalogue name. */
  journalName: string;
  interrupts?: InterruptSource;
  /**
   * Changes of the saved plan that are not sent (`apply plan.json` narrowed them away, issue 13
   * item 3), each with its skipped outcome and its position among the saved plan's changes: they are
   * journaled and counted like any other outcome, so every saved item ends with exactly one.
   */
  withheld?: readonly WithheldOutcome[];
}

export interface WithheldOutcome {
  /** Position in the saved plan (`plan.changes` holds the others, in the same order). */
  at: number;
  outcome: ChangeOutcome;
}

export interface ApplyReport {
  /** Changes in the plan (with the withheld ones). */
  total: number;
  /** Exactly one per change (sent or withheld), in plan order (also when the run was stopped by an error or Ctrl-C). */
  outcomes: ChangeOutcome[];
  summary: RunSummary;
  /** Stopped by Ctrl-C (or by the marketplace becoming unusable) before every change was sent. */
  interrupted: boolean;
  journalPath: string;
  /** The error that stopped the run half-way (auth refused, marketplace gone); rethrown by the caller after the summary. */
  stoppedBy?: unknown;
}

const keyOf = (c: { kind: string; sku: string }): string => `${c.kind}\u0000${c.sku}`;

export async function applyPlanRun(input: ApplyRunInput): Promise<ApplyReport> {
  const { plan, adapter, lang } = input;
  const journal = openJournal({ baseDir: input.baseDir, name: input.journalName });
  journal.write({
    type: "run-start",
    ...(plan.group !== undefined ? { group: plan.group } : {}),
    marketplace: plan.marketplace,
    target: plan.target,
    catalog: plan.catalog.file,
    planSummary: summarizePlan(plan),
  });
  const withheld = input.withheld ?? [];
  for (const { outcome } of withheld) record(outcome);

  const controller = new AbortController();
  if (plan.changes.length === 0) {
    // Nothing to send: the journal still records the run ("last sync" of `desbumi groups`).
    const report = finish([], false);
    journal.close();
    return report;
  }
  const unsubscribe = (input.interrupts ?? interruptSource()).subscribe(() => {
    controller.abort();
    input.progressOut.write(
      lang === "id"
        ? "\nMenghentikan: tidak ada permintaan baru; menunggu yang sedang berjalan… (Ctrl-C lagi untuk berhenti paksa)\n"
        : "\nStopping: no new requests; waiting for those in flight… (Ctrl-C again to force)\n",
    );
  });
  const progress = startProgress({ out: input.progressOut, total: plan.changes.length, lang });
  // Outcomes the adapter reported through onOutcome, so those only in its return value are journaled too.
  const journaled = new Map<string, number>();
  function record(outcome: ChangeOutcome): void {
    journal.write({
      type: "outcome",
      sku: outcome.sku,
      kind: outcome.kind,
      status: outcome.status,
      ...(outcome.status !== "skipped" && outcome.listingId !== undefined ? { listingId: outcome.listingId } : {}),
      ...(outcome.status === "failed" ? { error: outcome.error } : {}),
      ...(outcome.status === "skipped" ? { reason: outcome.reason } : {}),
    });
  }

  // What the adapter reported so far: the whole truth if it throws half-way.
  const reported: ChangeOutcome[] = [];
  const intended = new Set<string>();
  try {
    const outcomes = await adapter.apply(plan.changes, {
      signal: controller.signal,
      onIntent: (change: Change) => {
        intended.add(keyOf(change));
        journal.write({
          type: "intent",
          sku: change.sku,
          kind: change.kind,
          ...(change.kind !== "create" ? { listingId: change.listingId } : {}),
        });
      },
      onOutcome: (outcome) => {
        reported.push(outcome);
        journaled.set(keyOf(outcome), (journaled.get(keyOf(outcome)) ?? 0) + 1);
        record(outcome);
        if (outcome.status !== "skipped") progress.tick(outcome.status === "failed");
      },
    });
    for (const outcome of outcomes) {
      const seen = journaled.get(keyOf(outcome)) ?? 0;
      if (seen > 0) journaled.set(keyOf(outcome), seen - 1);
      else record(outcome);
    }
    return finish(completeOutcomes(plan.changes, outcomes, intended, record), false);
  } catch (error) {
    input.log.debug({ err: error }, "apply stopped by an error");
    return { ...finish(completeOutcomes(plan.changes, reported, intended, record), true), stoppedBy: error };
  } finally {
    progress.stop();
    unsubscribe();
    journal.close();
  }

  function finish(sent: ChangeOutcome[], stoppedByError: boolean): ApplyReport {
    const outcomes = withWithheld(sent, withheld);
    const summary = countOutcomes(outcomes);
    const interrupted = stoppedByError || controller.signal.aborted;
    journal.write({ type: "run-end", summary, interrupted });
    return { total: outcomes.length, outcomes, summary, interrupted, journalPath: journal.path };
  }
}

/** The sent changes' outcomes with the withheld ones put back at their places in the saved plan. */
function withWithheld(sent: readonly ChangeOutcome[], withheld: readonly WithheldOutcome[]): ChangeOutcome[] {
  if (withheld.length === 0) return [...sent];
  const at = new Map(withheld.map((w) => [w.at, w.outcome]));
  const out: ChangeOutcome[] = [];
  let next = 0;
  for (let i = 0; i < sent.length + withheld.length; i++) {
    const held = at.get(i);
    if (held) out.push(held);
    else if (next < sent.length) out.push(sent[next++] as ChangeOutcome);
  }
  return out;
}

/**
 * Exactly one outcome per change of the plan, in plan order (issue 13 item 15): a change the adapter
 * never reported gets one here, and it is journaled: `failed` with OUTCOME_UNKNOWN when its write
 * may have been sent (an intent was journaled), else `skipped` (never sent: the run stopped first).
 */
export function completeOutcomes(
  changes: readonly Change[],
  outcomes: readonly ChangeOutcome[],
  intended: ReadonlySet<string>,
  record: (outcome: ChangeOutcome) => void,
): ChangeOutcome[] {
  const pending = new Map<string, ChangeOutcome[]>();
  for (const o of outcomes) {
    const list = pending.get(keyOf(o));
    if (list) list.push(o);
    else pending.set(keyOf(o), [o]);
  }
  return changes.map((change) => {
    const found = pending.get(keyOf(change))?.shift();
    if (found) return found;
    const listingId = change.kind !== "create" ? { listingId: change.listingId } : {};
    const outcome: ChangeOutcome = intended.has(keyOf(change))
      ? {
          status: "failed",
          sku: change.sku,
          kind: change.kind,
          ...listingId,
          error: { code: "OUTCOME_UNKNOWN", message: "the run stopped before the marketplace answered; sync again re-lists the shop and finishes it", retryable: true },
        }
      : { status: "skipped", sku: change.sku, kind: change.kind, reason: "not started: the run stopped before it was sent" };
    record(outcome);
    return outcome;
  });
}

export function countOutcomes(outcomes: readonly ChangeOutcome[]): RunSummary {
  const summary: RunSummary = { created: 0, updated: 0, deactivated: 0, reactivated: 0, failed: 0, skipped: 0 };
  const applied = { create: "created", update: "updated", deactivate: "deactivated", reactivate: "reactivated" } as const;
  for (const outcome of outcomes) {
    if (outcome.status === "applied") summary[applied[outcome.kind]] += 1;
    else summary[outcome.status] += 1;
  }
  return summary;
}
