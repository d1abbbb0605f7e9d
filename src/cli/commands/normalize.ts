// `desbumi normalize FILE [-o clean.csv]`: write the catalogue as canonical, formula-safe CSV.
import type { Command } from "commander";
import type { RegisterCommand } from "./types.js";
import type { NormalizeFlags } from "../../validate/normalize.js";

export const registerNormalize: RegisterCommand = (program, host) => {
  program
    .command("normalize")
    .description("write a catalogue as clean canonical CSV / tulis katalog sebagai CSV baku")
    .argument("<file>", "catalogue file (CSV or XLSX)")
    .option("-o, --output <file>", "write here (atomically) instead of stdout")
    .option("--marketplace <name>", "check this marketplace's rules first")
    .option("--sheet <name>", "XLSX: the sheet to read (default: the first)")
    .option("--assign-skus", "give rows without a SKU a new code (group prefix + number) in the written file / beri kode SKU baru untuk baris tanpa SKU")
    .option("--sku-prefix <prefix>", "with --assign-skus: the prefix (default: the config group's, else from the file name)")
    .addHelpText(
      "after",
      "\nRefuses (exit 1) when the catalogue has errors. Cells starting with = + - @ are written with a leading ' so spreadsheets do not run them as formulas.\nA catalogue with variants, attributes, certificates or per-marketplace columns is written as the canonical v2 catalogue (one row per variant).",
    )
    .action(async (file: string, opts: NormalizeFlags, cmd: Command) => {
      const ctx = host.context(cmd);
      const { runNormalize } = await import("../../validate/normalize.js");
      host.exit(await runNormalize(file, opts, ctx));
    });
};
