// The flags of `desbumi sync` and `desbumi apply`, as commander hands them over.
import type { TargetFlags } from "../target/open.js";

export type OutputFormat = "pretty" | "json";

export interface SyncOptions extends TargetFlags {
  dryRun?: boolean;
  detailedExitcode?: boolean;
  out?: string;
  yes?: boolean;
  prune?: boolean;
  /** Take over listings without SKU whose name matches a row (issue 12, takeover). */
  adopt?: boolean;
  skipInvalid?: boolean;
  allowMassDeactivate?: boolean;
  maxDeactivatePercent?: number;
  format?: OutputFormat;
  defaultCategory?: string;
  group?: string;
  config?: string;
  sheet?: string;
}

export interface ApplyFileOptions extends TargetFlags {
  yes?: boolean;
  format?: OutputFormat;
  config?: string;
  /** A plan file with several marketplaces' plans: apply the ones still fresh even when another went stale. */
  partial?: boolean;
  /** As for sync: the mass-deactivation guard is run again on the plan being applied. */
  allowMassDeactivate?: boolean;
  /** Not flags of `apply`: what a multi-marketplace `sync` hands on to the apply of the plans it just made. */
  maxDeactivatePercent?: number;
  defaultCategory?: string;
  /** The plan was shown already (a multi-marketplace sync printed it before asking once). */
  quietPlan?: boolean;
}

/** Only the target flags, for openTarget (so sync-only flags never reach an adapter). */
export function pickTargetFlags(opts: TargetFlags): TargetFlags {
  const keys = ["marketplace", "baseUrl", "tokenUrl", "fsId", "shopId", "concurrency", "outDir", "previous"] as const;
  const flags: TargetFlags = {};
  for (const key of keys) if (opts[key] !== undefined) (flags as Record<string, unknown>)[key] = opts[key];
  return flags;
}
