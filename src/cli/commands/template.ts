// Placeholder until the owning helper replaces it.
import type { RegisterCommand } from "./types.js";
import { UsageError } from "../../errors.js";

export const registerTemplate: RegisterCommand = (program, host) => {
  program
    .command("template")
    .description("(not built yet)")
    .action(() => {
      host.exit(2);
      throw new UsageError("desbumi template is not built yet");
    });
};
