// Placeholder until the owning helper replaces it.
import type { RegisterCommand } from "./types.js";
import { UsageError } from "../../errors.js";

export const registerValidate: RegisterCommand = (program, host) => {
  program
    .command("validate")
    .description("(not built yet)")
    .action(() => {
      host.exit(2);
      throw new UsageError("desbumi validate is not built yet");
    });
};
