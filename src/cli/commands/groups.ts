// `desbumi groups`: the configured groups with catalogue row counts, target and last sync.
import { Option, type Command } from "commander";
import type { RegisterCommand } from "./types.js";

export const registerGroups: RegisterCommand = (program, host) => {
  program
    .command("groups")
    .description("list the groups in desbumi.config.json / daftar kelompok")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--config <path>", "desbumi.config.json to use (default: found in this folder or above)")
    .action(async (opts: { format: "text" | "json"; config?: string }, cmd: Command) => {
      const ctx = host.context(cmd);
      const { runGroups } = await import("../../groups/run.js");
      host.exit(await runGroups(opts, ctx));
    });
};
