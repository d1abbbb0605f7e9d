// What `desbumi groups` shows per configured group: catalogue rows, target, last sync.
import { stat } from "node:fs/promises";
import path from "node:path";
import { loadCatalog } from "../catalog/index.js";
import type { GroupConfig, LoadedConfig } from "../config/types.js";
import { UsageError } from "../errors.js";
import { readLastRun, type LastRun } from "../journal/read.js";

export type CatalogState = { status: "ok"; rows: number } | { status: "missing" } | { status: "unreadable"; reason: string };

export interface GroupRow {
  id: string;
  name: string;
  /** As the config file holds it: relative to the config's folder, forward slashes. */
  catalog: string;
  catalogPath: string;
  catalogState: CatalogState;
  /** The adapter name, or undefined for the practice shop. */
  adapter: string | undefined;
  lastSync: LastRun | undefined;
}

export async function listGroups(config: LoadedConfig): Promise<GroupRow[]> {
  // NOTE: one group after another: catalogues can be large and the machine small.
  const rows: GroupRow[] = [];
  for (const group of config.groups) {
    rows.push({
      id: group.id,
      name: group.name,
      catalog: path.relative(config.dir, group.catalog).split(path.sep).join("/"),
      catalogPath: group.catalog,
      catalogState: await readCatalogState(group),
      adapter: group.marketplace?.adapter,
      lastSync: await readLastRun(config.dir, group.id),
    });
  }
  return rows;
}

async function readCatalogState(group: GroupConfig): Promise<CatalogState> {
  try {
    await stat(group.catalog);
  } catch {
    return { status: "missing" };
  }
  try {
    const result = await loadCatalog(group.catalog, { collectProducts: false, ...(group.sheet ? { sheet: group.sheet } : {}) });
    return { status: "ok", rows: result.rows };
  } catch (error) {
    if (error instanceof UsageError) return { status: "unreadable", reason: error.message };
    throw error;
  }
}
