// Placeholder until the owning helper replaces it.
import type { RegisterCommand } from "./types.js";
import { UsageError } from "../../errors.js";

export const registerCategories: RegisterCommand = (program, host) => {
  program
    .command("categories")
    .description("(not built yet)")
    .action(() => {
      host.exit(2);
      throw new UsageError("desbumi categories is not built yet");
    });
};
