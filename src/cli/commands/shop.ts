// `desbumi shop`: what the target shop holds now (issue 12, takeover).
import { Option, type Command } from "commander";
import type { RegisterCommand } from "./types.js";
import type { ShopOptions } from "../../shop/run.js";

export const registerShop: RegisterCommand = (program, host) => {
  program
    .command("shop")
    .description("show what the target shop holds now (SKU, name, price, stock, status) / isi toko sekarang")
    .option("--group <id>", "the config group whose shop (or practice shop) to show")
    .option("--config <path>", "desbumi.config.json to use (default: found in this folder or above)")
    .option("--marketplace <name>", "adapter to use (default: config, else the practice shop)")
    .option("--base-url <url>", "marketplace API base URL")
    .option("--token-url <url>", "OAuth token URL")
    .option("--fs-id <id>", "Tokopedia fs_id (app id)")
    .option("--shop-id <id>", "Tokopedia shop_id")
    .option("--add-etalase <name>", "practice shop only: create an etalase with this name")
    .addOption(new Option("--format <format>", "output format").choices(["pretty", "json"]).default("pretty"))
    .action(async (opts: ShopOptions, cmd: Command) => {
      const ctx = host.context(cmd);
      const { runShop } = await import("../../shop/run.js");
      host.exit(await runShop(opts, ctx));
    });
};
