// `desbumi check [file]`: readiness of every product for every marketplace, offline.
import { Option, type Command } from "commander";
import type { RegisterCommand } from "./types.js";
import type { CheckFlags } from "../../check/run.js";

const FORMATS = ["pretty", "json", "github", "html"] as const;

export const registerCheck: RegisterCommand = (program, host) => {
  program
    .command("check")
    .description("is every product ready for each marketplace? (offline) / apakah setiap produk siap untuk tiap marketplace?")
    .argument("[file]", "catalogue file (default: every group in desbumi.config.json)")
    .option("--marketplace <name>", "check for this marketplace only, or \"all\" for every marketplace desbumi knows")
    .option("--group <id>", "the config group to check (its catalogue and marketplaces)")
    .option("--sheet <name>", "XLSX: the sheet to read")
    .option("--config <path>", "desbumi.config.json to use (default: found in this folder or above)")
    .addOption(new Option("--format <format>", "report format (html writes a page)").choices(FORMATS).default("pretty"))
    .option("--out <file>", "html: where to write the page (default: <catalogue>-siap.html)")
    .addHelpText("after", "\nExit codes: 0 every product ready for every marketplace; 1 some are not; 2 could not run.")
    .action(async (file: string | undefined, opts: CheckFlags, cmd: Command) => {
      const ctx = host.context(cmd);
      const { runCheck } = await import("../../check/run.js");
      host.exit(await runCheck(file, opts, ctx));
    });
};
