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
  for (const change of plan.changes) summary[change.kind] += 1;
  return summary;
}

export const hasChanges = (plan: Pick<Plan, "changes">): boolean => plan.changes.length > 0;
