// Placeholder until the owning helper replaces it.
import type { RegisterCommand } from "./types.js";
import { UsageError } from "../../errors.js";

export const registerNormalize: RegisterCommand = (program, host) => {
  program
    .command("normalize")
    .description("(not built yet)")
    .action(() => {
      host.exit(2);
      throw new UsageError("desbumi normalize is not built yet");
    });
};
