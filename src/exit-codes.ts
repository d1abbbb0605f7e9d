// The exit codes of every command (README "Exit codes"). The numbers live here; src/cli/index.ts
// maps thrown errors to EXIT_CANNOT_RUN, commands return the others.

export const EXIT_OK = 0;
/** Ran, but found catalogue errors, failed items, was stopped, or a guard refused. */
export const EXIT_FAILED = 1;
export const EXIT_CANNOT_RUN = 2;
/** `sync --dry-run --detailed-exitcode`: changes are pending (like terraform's, moved off 2). */
export const EXIT_CHANGES_PENDING = 3;
