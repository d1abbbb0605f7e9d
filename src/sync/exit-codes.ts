// How several sync runs' exit codes combine (the numbers live in src/exit-codes.ts).
import { EXIT_CANNOT_RUN, EXIT_CHANGES_PENDING, EXIT_FAILED, EXIT_OK } from "../exit-codes.js";

export { EXIT_CANNOT_RUN, EXIT_CHANGES_PENDING, EXIT_FAILED, EXIT_OK };

/** Worst first: could not run, failed, changes pending, ok. */
const SEVERITY = [EXIT_CANNOT_RUN, EXIT_FAILED, EXIT_CHANGES_PENDING, EXIT_OK];

/** The worst of several runs' codes (a plain max would let "pending" (3) hide a failure). */
export function worstExitCode(codes: readonly number[]): number {
  for (const code of SEVERITY) if (codes.includes(code)) return code;
  return codes.length > 0 ? Math.max(...codes) : EXIT_OK;
}
