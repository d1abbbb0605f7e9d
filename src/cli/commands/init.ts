// Placeholder until the owning helper replaces it.
import type { RegisterCommand } from "./types.js";
import { UsageError } from "../../errors.js";

export const registerInit: RegisterCommand = (program, host) => {
  program
    .command("init")
    .description("(not built yet)")
    .action(() => {
      host.exit(2);
      throw new UsageError("desbumi init is not built yet");
    });
};
