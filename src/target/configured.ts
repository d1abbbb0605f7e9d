// Open the target a command is about, as sync would: flags over the config's marketplace block,
// `--group ID` for a group's block and its own practice shop (shop, pull, categories).
import type { CommandContext } from "../cli/io.js";
import { loadConfig } from "../config/load.js";
import type { GroupConfig, LoadedConfig } from "../config/types.js";
import { findGroup } from "../sync/find-group.js";
import { openTarget, type OpenedTarget, type TargetFlags } from "./open.js";

export interface ConfiguredTargetOptions extends Pick<TargetFlags, "marketplace" | "baseUrl" | "tokenUrl" | "fsId" | "shopId"> {
  config?: string;
  group?: string;
}

export interface ConfiguredTarget {
  target: OpenedTarget;
  config: LoadedConfig | undefined;
  group: GroupConfig | undefined;
}

export async function openConfiguredTarget(opts: ConfiguredTargetOptions, ctx: CommandContext): Promise<ConfiguredTarget> {
  const { io } = ctx;
  const config = await loadConfig({ cwd: io.cwd, env: io.env, ...(opts.config !== undefined ? { configPath: opts.config } : {}) });
  const flags: TargetFlags = {};
  for (const key of ["marketplace", "baseUrl", "tokenUrl", "fsId", "shopId"] as const) {
    if (opts[key] !== undefined) flags[key] = opts[key];
  }
  const group = opts.group !== undefined ? findGroup(config, opts.group) : undefined;
  const marketplace = group?.marketplace ?? config?.marketplace;
  const target = await openTarget({
    flags,
    ...(marketplace ? { marketplace } : {}),
    env: config?.env ?? io.env,
    baseDir: config?.dir ?? io.cwd,
    cwd: io.cwd,
    log: ctx.log,
    ...(group ? { group: group.id } : {}),
  });
  return { target, config, group };
}
