// `desbumi template FILE.xlsx|FILE.csv`: an empty catalogue with Indonesian headers to fill in.
import type { Command } from "commander";
import type { RegisterCommand } from "./types.js";
import type { TemplateFlags } from "../../template/run.js";

export const registerTemplate: RegisterCommand = (program, host) => {
  program
    .command("template")
    .description("write an empty catalogue to fill in (.xlsx or .csv) / buat katalog kosong")
    .argument("<file>", "the file to create, ending in .xlsx or .csv")
    .option("--force", "replace the file if it exists")
    .action(async (file: string, opts: TemplateFlags, cmd: Command) => {
      const ctx = host.context(cmd);
      const { runTemplate } = await import("../../template/run.js");
      host.exit(await runTemplate(file, opts, ctx));
    });
};
