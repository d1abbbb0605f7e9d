// Exit codes a finished sync or apply returns (README "Exit codes"). Errors that stop a run
// (exit 2) are mapped in src/cli/index.ts, which owns the numbers.
export { EXIT_CANNOT_RUN, EXIT_CHANGES_PENDING, EXIT_FAILED, EXIT_OK } from "../cli/index.js";
