// Placeholder until the owning helper replaces it.
import type { RegisterCommand } from "./types.js";
import { UsageError } from "../../errors.js";

export const registerMockServer: RegisterCommand = (program, host) => {
  program
    .command("mock-server")
    .description("(not built yet)")
    .action(() => {
      host.exit(2);
      throw new UsageError("desbumi mock-server is not built yet");
    });
};
