import type { Command } from "commander";
import type { CommandContext } from "../io.js";

export interface CommandHost {
  /** Builds (once) the run context from the global flags. Call inside an action. */
  context(cmd: Command): CommandContext;
  /** Record the command's exit code (the worst one wins). */
  exit(code: number): void;
}

/**
 * A command module registers its flags with commander and keeps heavy imports inside its action
 * (`await import(...)`), so `desbumi --version` stays fast.
 */
export type RegisterCommand = (program: Command, host: CommandHost) => void;
