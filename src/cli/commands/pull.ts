// `desbumi pull`: the live shop written as a catalogue (issue 12, taking over a shop).
import type { Command } from "commander";
import type { RegisterCommand } from "./types.js";
import type { PullOptions } from "../../pull/run.js";

export const registerPull: RegisterCommand = (program, host) => {
  program
    .command("pull")
    .description("write what the target shop holds as a catalogue (.xlsx or .csv) / tarik isi toko menjadi katalog")
    .option("-o, --out <file>", "the catalogue to write, ending in .xlsx or .csv (default: katalog-toko.xlsx, katalog-toko-<group>.xlsx with --group)")
    .option("--photos", "download the photos into foto/ next to the catalogue and write their relative paths")
    .option("--force", "replace the file if it exists")
    .option("--group <id>", "the config group whose shop (or practice shop) to pull")
    .option("--config <path>", "desbumi.config.json to use (default: found in this folder or above)")
    .option("--marketplace <name>", "adapter to use (default: config, else the practice shop)")
    .option("--base-url <url>", "marketplace API base URL")
    .option("--token-url <url>", "OAuth token URL")
    .option("--fs-id <id>", "Tokopedia fs_id (app id)")
    .option("--shop-id <id>", "Tokopedia shop_id")
    .action(async (opts: PullOptions, cmd: Command) => {
      const ctx = host.context(cmd);
      const { runPull } = await import("../../pull/run.js");
      host.exit(await runPull(opts, ctx));
    });
};
