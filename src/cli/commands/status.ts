// `desbumi status [file]`: the state of every listing on every marketplace, read-only.
import { Option, type Command } from "commander";
import type { RegisterCommand } from "./types.js";
import type { StatusFlags } from "../../status/run.js";

export const registerStatus: RegisterCommand = (program, host) => {
  program
    .command("status")
    .description("what each product looks like on each marketplace (live, in review, rejected ...) / keadaan setiap produk di tiap marketplace")
    .argument("[file]", "catalogue file (default: every group in desbumi.config.json)")
    .option("--group <id>", "only this config group")
    .option("--marketplace <name>", "only this marketplace")
    .option("--config <path>", "desbumi.config.json to use (default: found in this folder or above)")
    .addOption(new Option("--format <format>", "output format").choices(["pretty", "json"]).default("pretty"))
    .addHelpText("after", "\nExit codes: 0 everything live (or deactivated as the catalogue says); 1 something is in review, rejected, out of sync or not listed; 2 could not run.")
    .action(async (file: string | undefined, opts: StatusFlags, cmd: Command) => {
      const ctx = host.context(cmd);
      const { runStatus } = await import("../../status/run.js");
      host.exit(await runStatus(file, opts, ctx));
    });
};
