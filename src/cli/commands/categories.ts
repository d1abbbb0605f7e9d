// `desbumi categories [search]`: the target's category tree with ids, or the leaves matching SEARCH.
import { Option, type Command } from "commander";
import type { RegisterCommand } from "./types.js";
import type { CategoriesOptions } from "../../categories/command.js";

export const registerCategories: RegisterCommand = (program, host) => {
  const categories = program.command("categories");
  categories
    .command("map")
    .description("pin a leaf category per catalogue category name and marketplace in categories.json / petakan kategori katalog ke kategori tiap marketplace")
    .option("--group <id>", "only this config group's catalogue and marketplaces")
    .option("--marketplace <name>", "only this marketplace")
    .option("--config <path>", "desbumi.config.json to use (default: found in this folder or above)")
    .option("-y, --yes", "write the clear choices only, without asking (the others are listed)")
    .addHelpText("after", "\nExit codes: 0 every name mapped; 1 some names still need a choice; 2 could not run.")
    .action(async (opts: import("../../category-map/run.js").MapOptions, cmd: Command) => {
      const ctx = host.context(cmd);
      const { runCategoryMap } = await import("../../category-map/run.js");
      host.exit(await runCategoryMap(opts, ctx));
    });
  categories
    .description("list the marketplace's categories with their ids / daftar kategori marketplace beserta id-nya")
    .argument("[search]", "show only the categories whose name or path contains this (any case)")
    .option("--marketplace <name>", "adapter to use (default: config, else the practice shop)")
    .option("--base-url <url>", "marketplace API base URL")
    .option("--token-url <url>", "OAuth token URL")
    .option("--fs-id <id>", "Tokopedia fs_id (app id)")
    .option("--shop-id <id>", "Tokopedia shop_id")
    .option("--config <path>", "desbumi.config.json to use (default: found in this folder or above)")
    .option("--group <id>", "the config group whose marketplace (or practice shop) to ask (default: the config's marketplace block)")
    .addOption(new Option("--format <format>", "output format").choices(["pretty", "json"]).default("pretty"))
    .addHelpText("after", "\nExit codes: 0 listed; 1 SEARCH matched no category; 2 could not run.")
    .action(async (search: string | undefined, opts: CategoriesOptions, cmd: Command) => {
      const ctx = host.context(cmd);
      const { runCategories } = await import("../../categories/command.js");
      host.exit(await runCategories(search, opts, ctx));
    });
};
