// The exit codes of every command (README "Exit codes"). The numbers live here; src/cli/index.ts
// maps thrown errors to EXIT_CANNOT_RUN, commands return the others.

export const EXIT_OK = 0;
/** Ran, but found catalogue errors, failed items, was stopped, or a guard refused. */
export const EXIT_FAILED = 1;
export const EXIT_CANNOT_RUN = 2;
/** `sync --dry-run --detailed-exitcode`: changes are pending (like terraform's, moved off 2). */
export const EXIT_CHANGES_PENDING = 3;
/**
 * Not returned by any command: what a shell shows when Ctrl-C ends desbumi outside apply, or a
 * second Ctrl-C forces it during apply (128 + SIGINT). Kept (not mapped to 1) so a forced stop is
 * never mistaken for a finished run; documented in the README's exit code table (issue 13 item 16).
 */
export const EXIT_INTERRUPTED = 130;
