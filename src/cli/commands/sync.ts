// Placeholder until the owning helper replaces it.
import type { RegisterCommand } from "./types.js";
import { UsageError } from "../../errors.js";

export const registerSync: RegisterCommand = (program, host) => {
  program
    .command("sync")
    .description("(not built yet)")
    .action(() => {
      host.exit(2);
      throw new UsageError("desbumi sync is not built yet");
    });
};
