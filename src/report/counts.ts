// Counting issues and deciding validity, shared by every reporter and the exit code.
import type { CatalogResult } from "../catalog/types.js";
import type { Issue } from "../issues.js";

export interface IssueCounts {
  errors: number;
  warnings: number;
}

export function countIssues(issues: readonly Issue[]): IssueCounts {
  let errors = 0;
  for (const issue of issues) if (issue.severity === "error") errors++;
  return { errors, warnings: issues.length - errors };
}

/** No errors; under --strict, no warnings either. */
export function isFileValid(result: CatalogResult, strict: boolean): boolean {
  const { errors, warnings } = countIssues(result.issues);
  return result.valid && errors === 0 && !(strict && warnings > 0);
}

/** File-level issues (no line) first, then by line; stable, so same-line issues keep their order. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
