// Counts of a plan, for the "Plan: ..." line, the JSON document and guards.
import type { Plan } from "./types.js";

export interface PlanSummary {
  create: number;
  update: number;
  deactivate: number;
  reactivate: number;
  unchanged: number;
  /** Listings not in the catalogue (or of invalid rows, or duplicates) that the plan will not touch. */
  leftAlone: number;
  /**
   * Variant rows of the changes (present only when some change has variants): `add` counts the
   * variants of created products too, so it is every SKU the plan brings into being.
   */
  variants?: { add: number; update: number; remove: number };
}

export function summarizePlan(plan: Pick<Plan, "changes" | "unchanged" | "leftAlone">): PlanSummary {
  const summary: PlanSummary = {
    create: 0,
    update: 0,
    deactivate: 0,
    reactivate: 0,
    unchanged: plan.unchanged,
    leftAlone: plan.leftAlone.length,
  };
  const variants = { add: 0, update: 0, remove: 0 };
  for (const change of plan.changes) {
    summary[change.kind] += 1;
    if (change.kind === "create") variants.add += change.product.variants?.length ?? 0;
    else if (change.kind !== "deactivate") for (const v of change.variants ?? []) variants[v.kind] += 1;
  }
  if (variants.add + variants.update + variants.remove > 0) summary.variants = variants;
  return summary;
}

export const hasChanges = (plan: Pick<Plan, "changes">): boolean => plan.changes.length > 0;
