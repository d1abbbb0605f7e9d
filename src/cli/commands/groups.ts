// Placeholder until the owning helper replaces it.
import type { RegisterCommand } from "./types.js";
import { UsageError } from "../../errors.js";

export const registerGroups: RegisterCommand = (program, host) => {
  program
    .command("groups")
    .description("(not built yet)")
    .action(() => {
      host.exit(2);
      throw new UsageError("desbumi groups is not built yet");
    });
};
