// `desbumi connect <marketplace>`: authorize desbumi for a shop (consent link -> code -> tokens).
import type { Command } from "commander";
import type { ConnectFlags } from "../../connect/run.js";
import type { RegisterCommand } from "./types.js";

export const registerConnect: RegisterCommand = (program, host) => {
  program
    .command("connect")
    .description("connect a shop (tiktok-shop: Tokopedia & Shop; shopee) / hubungkan toko")
    .argument("<marketplace>", "marketplace to connect, e.g. tiktok-shop or shopee")
    .option("--group <id>", "config group the shop belongs to (default: the only group, else all groups without their own)")
    .option("--code <code>", "the code, or the whole address of the page the seller landed on (then nothing is asked)")
    .option("--config <path>", "desbumi.config.json to use (default: found in this folder or above)")
    // A marketplace's own inputs (Shopee: --shop-id N) are declared by its adapter (connectInputs)
    // and checked in connect/run.ts, so this generic command names none of them.
    .allowUnknownOption()
    .allowExcessArguments()
    .addHelpText("after", "\nA marketplace may take inputs of its own (its adapter declares them); any other flag is refused with the list.\nExit codes: 0 connected; 2 could not connect.")
    .action(async (_marketplace: string, flags: ConnectFlags, cmd: Command) => {
      const ctx = host.context(cmd);
      const { runConnect, splitConnectArgs } = await import("../../connect/run.js");
      host.exit(await runConnect(splitConnectArgs(cmd.args), flags, ctx));
    });
};
