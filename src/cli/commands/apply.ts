// Placeholder until the owning helper replaces it.
import type { RegisterCommand } from "./types.js";
import { UsageError } from "../../errors.js";

export const registerApply: RegisterCommand = (program, host) => {
  program
    .command("apply")
    .description("(not built yet)")
    .action(() => {
      host.exit(2);
      throw new UsageError("desbumi apply is not built yet");
    });
};
