// The versioned plan document (`--format json`, and the `--out` plan file): the Plan plus its counts.
import { summarizePlan, type PlanSummary } from "./summary.js";
import type { Plan } from "./types.js";

export const PLAN_FORMAT = "desbumi-plan";

export interface PlanDocument extends Plan {
  format: typeof PLAN_FORMAT;
  summary: PlanSummary;
}

export function toPlanDocument(plan: Plan): PlanDocument {
  const { version, ...rest } = plan;
  // `format` and `version` first so a reader (or `head`) sees what the file is.
  return { format: PLAN_FORMAT, version, ...rest, summary: summarizePlan(plan) };
}

export const renderPlanJson = (plan: Plan): string => `${JSON.stringify(toPlanDocument(plan), null, 2)}\n`;
