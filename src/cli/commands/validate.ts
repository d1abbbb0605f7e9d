// `desbumi validate [files...]`: check catalogues; with no file, every group in desbumi.config.json.
import { Option, type Command } from "commander";
import type { RegisterCommand } from "./types.js";
import { REPORT_FORMATS } from "../../report/types.js";
import type { ValidateFlags } from "../../validate/run.js";

export const registerValidate: RegisterCommand = (program, host) => {
  program
    .command("validate")
    .description("check catalogue files (CSV, XLSX) / periksa berkas katalog")
    .argument("[files...]", "catalogue files or globs (default: every group in desbumi.config.json)")
    .addOption(new Option("--format <format>", "report format").choices(REPORT_FORMATS).default("pretty"))
    .option("--strict", "warnings count as errors (exit 1)")
    .option("--marketplace <name>", "check this marketplace's rules (e.g. tokopedia, tokopedia-bulk)")
    .option("--sheet <name>", "XLSX: the sheet to read (default: the first)")
    .option("--config <path>", "desbumi.config.json to use when no file is given")
    .addHelpText(
      "after",
      "\nExit codes: 0 no errors (warnings allowed), 1 errors found (or warnings with --strict), 2 could not run.",
    )
    .action(async (files: string[], opts: ValidateFlags, cmd: Command) => {
      const ctx = host.context(cmd);
      const { runValidate } = await import("../../validate/run.js");
      host.exit(await runValidate(files, opts, ctx));
    });
};
