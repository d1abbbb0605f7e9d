// `desbumi groups`: list the configured groups.
import type { CommandContext } from "../cli/io.js";
import { displayPath, loadConfig } from "../config/load.js";
import { CONFIG_FILE_NAME } from "../config/schema.js";
import { UsageError } from "../errors.js";
import { listGroups } from "./list.js";
import { renderGroupsJson, renderGroupsText } from "./render.js";

export interface GroupsOptions {
  config?: string;
  format?: "text" | "json";
}

export async function runGroups(opts: GroupsOptions, ctx: CommandContext): Promise<number> {
  const config = await loadConfig({ cwd: ctx.io.cwd, env: ctx.io.env, ...(opts.config !== undefined ? { configPath: opts.config } : {}) });
  if (!config) {
    throw new UsageError({
      id: `Tidak ada ${CONFIG_FILE_NAME} di ${ctx.io.cwd} atau folder di atasnya. Jalankan \`desbumi init\` untuk membuatnya, atau beri --config.`,
      en: `No ${CONFIG_FILE_NAME} in ${ctx.io.cwd} or any folder above it. Run \`desbumi init\` to create one, or pass --config.`,
    });
  }
  const rows = await listGroups(config);
  ctx.io.stdout.write(
    opts.format === "json" ? renderGroupsJson(rows, config.path) : renderGroupsText(rows, displayPath(config.path, ctx.io.cwd), ctx.lang),
  );
  return 0;
}
