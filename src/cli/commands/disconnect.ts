// `desbumi disconnect <marketplace>`: forget the stored tokens of a shop.
import type { Command } from "commander";
import type { ConnectFlags } from "../../connect/run.js";
import type { RegisterCommand } from "./types.js";

export const registerDisconnect: RegisterCommand = (program, host) => {
  program
    .command("disconnect")
    .description("forget a connected shop's tokens / lupakan token toko yang terhubung")
    .argument("<marketplace>", "marketplace to disconnect, e.g. tiktok-shop")
    .option("--group <id>", "config group (default: the only group, else the shared default)")
    .option("--config <path>", "desbumi.config.json to use (default: found in this folder or above)")
    .action(async (marketplace: string, flags: Omit<ConnectFlags, "code">, cmd: Command) => {
      const ctx = host.context(cmd);
      const { runDisconnect } = await import("../../connect/run.js");
      host.exit(await runDisconnect(marketplace, flags, ctx));
    });
};
