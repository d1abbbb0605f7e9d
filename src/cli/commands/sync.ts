// `desbumi sync [file]`: plan against the live shop and apply; with no file, every configured group.
import { InvalidArgumentError, Option, type Command } from "commander";
import type { RegisterCommand } from "./types.js";
import type { SyncOptions } from "../../sync/options.js";

export const parsePositiveInt = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number >= 1");
  return n;
};

const parsePercent = (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError("must be a number from 0 to 100");
  return n;
};

/** Flags that pick and reach the marketplace; shared with `apply`. */
export function addTargetOptions(cmd: Command): Command {
  return cmd
    .option("--marketplace <name>", "adapter to use (default: config, else the practice shop)")
    .option("--base-url <url>", "marketplace API base URL")
    .option("--token-url <url>", "OAuth token URL")
    .option("--fs-id <id>", "Tokopedia fs_id (app id)")
    .option("--shop-id <id>", "Tokopedia shop_id")
    .option("--concurrency <n>", "requests in parallel (default 4)", parsePositiveInt)
    .option("--out-dir <dir>", "tokopedia-bulk: folder for the upload workbooks")
    .option("--previous <path>", "tokopedia-bulk: a previous export to compare with (one workbook or a folder of them)")
    .option("--config <path>", "desbumi.config.json to use (default: found in this folder or above)");
}

export const registerSync: RegisterCommand = (program, host) => {
  const cmd = program
    .command("sync")
    .description("bring a shop in line with its catalogue: plan, confirm, apply / samakan toko dengan katalognya")
    .argument("[file]", "catalogue file (default: every group in desbumi.config.json)")
    .option("--dry-run", "show the plan and stop (nothing is changed)")
    .option("--detailed-exitcode", "exit 3 when changes are pending but not applied")
    .option("--out <plan.json>", "save the plan, to apply later with `desbumi apply`")
    .option("-y, --yes", "apply without asking")
    .option("--prune", "deactivate listings whose SKU is not in the catalogue")
    .option("--adopt", "take over listings without SKU (made by hand) whose name matches a row: put the row's SKU on them instead of creating a second one")
    .option("--skip-invalid", "apply the valid rows only; listings of rows with errors are not touched")
    .option("--allow-mass-deactivate", "allow deactivating more than the limit of listings")
    .option("--max-deactivate-percent <n>", "percent of active listings a plan may deactivate without --allow-mass-deactivate (default 20)", parsePercent)
    .addOption(new Option("--format <format>", "output format").choices(["pretty", "json"]).default("pretty"))
    .option("--default-category <category>", "category for rows with an empty category cell")
    .option("--group <id>", "sync only this group of the config")
    .option("--sheet <name>", "XLSX: the sheet to read (default: the first)");
  addTargetOptions(cmd)
    .addHelpText(
      "after",
      "\nExit codes: 0 done or nothing to do; 1 catalogue errors, failed items, stopped, or refused by a guard;\n" +
        "2 could not run (usage, config, auth, marketplace unreachable, another run changing the same shop);\n" +
        "3 changes pending (with --detailed-exitcode); 130 ended by Ctrl-C before apply, or by a second Ctrl-C during it.",
    )
    .action(async (file: string | undefined, opts: SyncOptions, command: Command) => {
      const ctx = host.context(command);
      const { runSync } = await import("../../sync/run-sync.js");
      host.exit(await runSync(file, opts, ctx));
    });
};
