// Which catalogue files one `validate` run checks, each with the rules and sheet that apply:
// the file arguments (globs expanded), or every group in desbumi.config.json.
import { stat } from "node:fs/promises";
import { isAbsolute, relative } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { UsageError } from "../errors.js";
import { DEFAULT_RULES, type MarketplaceRules } from "../rules.js";
import { text } from "../i18n.js";
import { findConfigFile } from "../config/find.js";
import type { GroupConfig, LoadedConfig, MarketplaceConfig } from "../config/types.js";
import { marketplaceCheckFor, type MarketplaceCheck } from "./for-marketplace.js";

export interface CatalogTarget {
  /** As shown in the report: the argument as given, or the group's catalogue relative to cwd. */
  file: string;
  rules: MarketplaceRules;
  sheet?: string;
  /** Absolute photo folder of the group (config `photos`); absent = `foto/` next to the catalogue. */
  photoFolder?: string;
  /** Whose category tree the rows are checked against, when it is known offline (issue 12.4). */
  categories?: CategoryCheck;
  /** The marketplace the file is checked for, with its per-marketplace columns and pricing (issue 14). */
  marketplace?: MarketplaceCheck;
}

export interface CategoryCheck {
  isPracticeShop: boolean;
  cacheKey?: string;
  /**
   * Only category names are checked, not numeric ids: a lone file (no config, no --marketplace)
   * may well be meant for a real shop whose ids the practice shop does not have.
   */
  namesOnly?: boolean;
  /** Folder holding `.desbumi/` (the config's folder, else cwd). */
  baseDir: string;
  defaultCategory?: string;
}

/** The category check for a file synced as `group` (or alone), as sync would open its target. */
async function categoryCheckFor(
  flags: TargetFlags,
  group: GroupConfig | undefined,
  config: LoadedConfig | undefined,
  cwd: string,
): Promise<CategoryCheck> {
  const { categoryTargetOf } = await import("../target/category-target.js");
  const marketplace = group?.marketplace ?? config?.marketplace;
  const target = categoryTargetOf({
    flags: flags.marketplace !== undefined ? { marketplace: flags.marketplace } : {},
    ...(marketplace ? { marketplace } : {}),
    ...(group ? { group: group.id } : {}),
  });
  const defaultCategory = group?.defaultCategory ?? config?.defaultCategory;
  return { ...target, baseDir: config?.dir ?? cwd, ...(defaultCategory !== undefined ? { defaultCategory } : {}) };
}

/** The config, if one is found and loads; a broken config only turns the category check off here. */
async function optionalConfig(flags: TargetFlags, io: { cwd: string; env: NodeJS.ProcessEnv }): Promise<LoadedConfig | undefined | null> {
  try {
    // NOTE: the loader (zod schemas, the adapter registry: ~50 ms) loads only when there is a
    // config to load; a lone file in a folder without one starts as fast as before issue 12.4.
    const file = await findConfigFile(io.cwd, flags.config);
    if (file === undefined) return undefined;
    const { loadConfigFile } = await import("../config/load.js");
    return await loadConfigFile(file, { cwd: io.cwd, env: io.env });
  } catch {
    return null;
  }
}

export interface TargetFlags {
  marketplace?: string;
  sheet?: string;
  config?: string;
}

/** A marketplace's offline rules; an unknown name is a usage error listing the known ones. */
export async function rulesForMarketplace(name: string): Promise<MarketplaceRules> {
  // NOTE: the registry (zod schemas) loads only when asked for, so plain `validate` starts fast.
  const { offeredAdapterNames, findAdapter } = await import("../adapters/index.js");
  const adapter = findAdapter(name);
  // No configured block here (a --marketplace flag): the rules for an adapter given no options.
  if (adapter) return adapter.rulesFor?.({}) ?? adapter.rules;
  const known = offeredAdapterNames().join(", ") || "-";
  throw new UsageError(
    text(`Marketplace "${name}" tidak dikenal. Pilihan: ${known}`, `Unknown marketplace "${name}". Choose one of: ${known}`),
  );
}

/**
 * An argument that exists as a path is taken as is (a file may well be named `[2024].csv`);
 * otherwise one with glob characters is expanded relative to cwd, sorted. A glob that matches
 * nothing is a usage error; a plain missing file is left for the reader to report.
 */
export async function expandFileArgs(args: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if ((await exists(arg, cwd)) || !isDynamicPattern(arg)) {
      out.push(arg);
      continue;
    }
    const matches = (await glob(arg, { cwd, onlyFiles: true, absolute: isAbsolute(arg), expandDirectories: false })).sort();
    if (matches.length === 0) {
      throw new UsageError(text(`Tidak ada berkas yang cocok dengan "${arg}"`, `No files match "${arg}"`));
    }
    out.push(...matches);
  }
  return [...new Set(out)];
}

export async function targetsFromFiles(args: readonly string[], flags: TargetFlags, io: { cwd: string; env: NodeJS.ProcessEnv }): Promise<CatalogTarget[]> {
  const { cwd } = io;
  const rules = flags.marketplace ? await rulesForMarketplace(flags.marketplace) : DEFAULT_RULES;
  const files = await expandFileArgs(args, cwd);
  // Issue 12.4/12.5: a file a group owns is checked against that group's target, as sync would.
  const config = await optionalConfig(flags, io);
  const { findGroupOfFile } = await import("../sync/find-group.js");
  return Promise.all(
    files.map(async (file) => {
      const group = config ? findGroupOfFile(config, file, cwd) : undefined;
      const check = config === null ? undefined : await categoryCheckFor(flags, group, config, cwd);
      const categories = check && !config && flags.marketplace === undefined ? { ...check, namesOnly: true } : check;
      const pricing = group?.pricing;
      const marketplace = flags.marketplace ? marketplaceCheckFor(flags.marketplace, rules, pricing) : undefined;
      return { file, rules, ...(flags.sheet ? { sheet: flags.sheet } : {}), ...(categories ? { categories } : {}), ...(marketplace ? { marketplace } : {}) };
    }),
  );
}

const NO_FILES = text(
  "Tidak ada berkas katalog yang diberikan, dan tidak ada desbumi.config.json di folder ini atau di atasnya.\n" +
    "Contoh: desbumi validate katalog.csv (atau: desbumi validate katalog/*.csv)\n" +
    "Atau buat konfigurasi untuk semua kelompok dengan: desbumi init",
  "No catalogue file given, and no desbumi.config.json in this folder or above it.\n" +
    "Example: desbumi validate catalog.csv (or: desbumi validate catalogs/*.csv)\n" +
    "Or create a config for all your groups with: desbumi init",
);

/** Every group's catalogue from the config (the CI case: `desbumi validate` with no file). */
export async function targetsFromConfig(flags: TargetFlags, io: { cwd: string; env: NodeJS.ProcessEnv }): Promise<CatalogTarget[]> {
  const { loadConfig } = await import("../config/load.js");
  const config = await loadConfig({ cwd: io.cwd, env: io.env, ...(flags.config ? { configPath: flags.config } : {}) });
  if (!config) throw new UsageError(NO_FILES);
  if (config.groups.length === 0) {
    throw new UsageError(text(`${config.path} belum punya kelompok (groups)`, `${config.path} has no groups`));
  }
  if (flags.marketplace) await rulesForMarketplace(flags.marketplace); // an unknown name stops here
  return Promise.all(config.groups.map(async (group) => {
    const sheet = flags.sheet ?? group.sheet;
    const block = group.marketplace ?? config.marketplace;
    const adapter = flags.marketplace ?? block?.adapter;
    // The group's own options count only when they belong to the adapter being checked.
    const rules = await groupRules(adapter, block?.adapter === adapter ? block : undefined);
    return {
      file: displayPath(group.catalog, io.cwd),
      rules,
      ...(adapter ? { marketplace: marketplaceCheckFor(adapter, rules, group.pricing) } : {}),
      ...(sheet ? { sheet } : {}),
      categories: await categoryCheckFor(flags, group, config, io.cwd),
      ...(group.photos ? { photoFolder: group.photos } : {}),
    };
  }));
}

/**
 * A group's offline rules: its adapter's, adjusted by its block's options when the adapter says
 * how (AdapterDefinition.rulesFor: tokopedia-bulk with a `categories` map accepts category names).
 * NOTE: the config loader has already checked adapter names and options against the registry.
 */
async function groupRules(adapter: string | undefined, block: MarketplaceConfig | undefined): Promise<MarketplaceRules> {
  if (adapter === undefined) return DEFAULT_RULES;
  const { findAdapter } = await import("../adapters/index.js");
  const definition = findAdapter(adapter);
  if (!definition || !block) return rulesForMarketplace(adapter);
  const { adapter: _name, ...options } = block;
  return definition.rulesFor?.(options) ?? definition.rules;
}

function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel === "" || isAbsolute(rel) ? file : rel;
}

async function exists(file: string, cwd: string): Promise<boolean> {
  try {
    await stat(isAbsolute(file) ? file : `${cwd}/${file}`);
    return true;
  } catch {
    return false;
  }
}

