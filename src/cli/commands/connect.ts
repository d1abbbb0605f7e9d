// `desbumi connect <marketplace>`: authorize desbumi for a shop (consent link -> code -> tokens).
import type { Command } from "commander";
import type { ConnectFlags } from "../../connect/run.js";
import type { RegisterCommand } from "./types.js";

export const registerConnect: RegisterCommand = (program, host) => {
  program
    .command("connect")
    .description("connect a shop (tiktok-shop: Tokopedia & Shop) / hubungkan toko")
    .argument("<marketplace>", "marketplace to connect, e.g. tiktok-shop")
    .option("--group <id>", "config group the shop belongs to (default: the only group, else all groups without their own)")
    .option("--code <code>", "the code, or the whole address of the page the seller landed on (then nothing is asked)")
    .option("--config <path>", "desbumi.config.json to use (default: found in this folder or above)")
    .addHelpText("after", "\nExit codes: 0 connected; 2 could not connect.")
    .action(async (marketplace: string, flags: ConnectFlags, cmd: Command) => {
      const ctx = host.context(cmd);
      const { runConnect } = await import("../../connect/run.js");
      host.exit(await runConnect(marketplace, flags, ctx));
    });
};
