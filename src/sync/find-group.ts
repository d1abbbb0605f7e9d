// `--group ID`: the config group a command is about (sync, categories), or a plain usage error.
import { resolve } from "node:path";
import type { GroupConfig, LoadedConfig } from "../config/types.js";
import { UsageError } from "../errors.js";

export function findGroup(config: LoadedConfig | undefined, id: string): GroupConfig {
  if (!config) {
    throw new UsageError({
      id: `--group ${id} butuh desbumi.config.json, tapi tidak ditemukan di folder ini atau di atasnya.`,
      en: `--group ${id} needs a desbumi.config.json, but none was found in this folder or above.`,
    });
  }
  const group = config.groups.find((g) => g.id === id);
  if (group) return group;
  const ids = config.groups.map((g) => g.id).join(", ") || "-";
  throw new UsageError({
    id: `Kelompok "${id}" tidak ada di ${config.path}. Yang ada: ${ids}`,
    en: `No group "${id}" in ${config.path}. Groups: ${ids}`,
  });
}

/**
 * Issue 12.5: the group whose `catalog` is this file (so `desbumi sync catalogs/<group>.csv` plans
 * against that group's marketplace and practice shop), or undefined when no group owns it.
 */
export function findGroupOfFile(config: LoadedConfig | undefined, file: string, cwd: string): GroupConfig | undefined {
  if (!config) return undefined;
  const path = resolve(cwd, file);
  return config.groups.find((g) => resolve(g.catalog) === path);
}
