// The `--format json` documents of sync and apply: issues worded like `validate --format json`, and
// one document even when the run cannot continue (exit 2), so a CI job always has something to read.
import { AdapterError, ConfigError, UsageError, errorMessage } from "../errors.js";
import { pick, type Lang } from "../i18n.js";
import { toJsonIssue, type JsonIssue } from "../report/json.js";
import { EXIT_CANNOT_RUN } from "./exit-codes.js";
import type { SyncReport } from "./finish.js";

/** An issue as `validate --format json` prints it, plus its file (a sync document is per catalogue). */
export type SyncJsonIssue = JsonIssue & { file: string };

export type SyncJson = Omit<SyncReport, "issues"> & { issues?: SyncJsonIssue[] };

export function toSyncJson(report: SyncReport, lang: Lang): SyncJson {
  const { issues, ...rest } = report;
  if (!issues) return rest;
  return { ...rest, issues: issues.map((issue) => ({ ...toJsonIssue(issue, lang), file: issue.file })) };
}

/**
 * What a run had found out before an error stopped it (target, plan, results so far), keyed by the
 * error: the error itself still travels up to src/cli/index.ts for the exit code and the message.
 */
const known = new WeakMap<object, Partial<SyncReport>>();

/** Remembers `facts` for `error`; facts recorded earlier (deeper in the run) win. */
export function recordKnown(error: unknown, facts: Partial<SyncReport>): void {
  if (typeof error !== "object" || error === null) return;
  known.set(error, { ...facts, ...known.get(error) });
}

/** The sentence for an error that stopped the run, in the run's language. */
function describeError(error: unknown, lang: Lang): { message: string; details?: string[] } {
  if (error instanceof ConfigError) {
    return { message: pick(error.text, lang), ...(error.issues.length > 0 ? { details: error.issues.map((t) => pick(t, lang)) } : {}) };
  }
  if (error instanceof UsageError || error instanceof AdapterError) return { message: pick(error.text, lang) };
  return {
    message:
      lang === "id"
        ? `desbumi berhenti karena kesalahan tak terduga: ${errorMessage(error)}`
        : `desbumi stopped on an unexpected error: ${errorMessage(error)}`,
  };
}

/** The report of a run that could not continue (exit 2), with whatever was known when it stopped. */
export function errorReport(error: unknown, base: Pick<SyncReport, "catalog" | "group">, lang: Lang): SyncReport {
  return {
    ...base,
    ...known.get(error as object),
    status: "error",
    exitCode: EXIT_CANNOT_RUN,
    ...describeError(error, lang),
  };
}
