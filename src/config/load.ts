// desbumi.config.json + .env -> LoadedConfig, or a ConfigError with one message per mistake.
import { readFile } from "node:fs/promises";
import { assertRegularFile } from "../fs-errors.js";
import path from "node:path";
import { adapterNames, findAdapter } from "../adapters/index.js";
import { ConfigError, errorMessage } from "../errors.js";
import type { LoadedConfig, PricingRule } from "./types.js";
import { readDotenv } from "./dotenv.js";
import { findConfigFile } from "./find.js";
import { locateJsonError } from "./json-syntax.js";
import type { AdapterLookup } from "./marketplace.js";
import { configMessages as m } from "./messages.js";
import { validateConfigData } from "./validate.js";

export interface LoadConfigOptions {
  cwd: string;
  /** `--config` path; when set the file must exist. */
  configPath?: string;
  env: NodeJS.ProcessEnv;
}

const registry: AdapterLookup = { names: adapterNames, find: findAdapter };

/**
 * Find desbumi.config.json in `cwd` or above (or at `configPath`), validate it strictly, read the
 * `.env` next to it. Returns undefined when there is no config file and none was asked for.
 * Throws ConfigError (one Text per mistake, naming the key path) when the file is invalid.
 */
export async function loadConfig(opts: LoadConfigOptions): Promise<LoadedConfig | undefined> {
  const file = await findConfigFile(opts.cwd, opts.configPath);
  if (!file) return undefined;
  return loadConfigFile(file, { cwd: opts.cwd, env: opts.env, adapters: registry });
}

/** Load one known config file. `adapters` is injectable for tests. */
export async function loadConfigFile(
  file: string,
  opts: { cwd: string; env: NodeJS.ProcessEnv; adapters?: AdapterLookup },
): Promise<LoadedConfig> {
  const shown = displayPath(file, opts.cwd);
  let source: string;
  await assertRegularFile(file, shown);
  try {
    source = await readFile(file, "utf8");
  } catch (error) {
    throw new ConfigError(m.unreadable(shown, errorMessage(error)));
  }
  const data = parseJson(source.replace(/^\uFEFF/, ""), shown);
  const result = validateConfigData(data, opts.adapters ?? registry);
  if (!result.ok) {
    throw new ConfigError(
      m.invalid(shown, result.issues.length),
      result.issues.map((issue) => issue.text),
    );
  }

  const dir = path.dirname(file);
  const dotenv = await readDotenv(dir);
  const config = result.value;
  return {
    path: file,
    dir,
    ...(config.marketplace ? { marketplace: config.marketplace } : {}),
    ...(config.marketplaces ? { marketplaces: config.marketplaces } : {}),
    ...(config.defaultCategory !== undefined ? { defaultCategory: config.defaultCategory } : {}),
    groups: config.groups.map((group) => {
      const defaultCategory = group.defaultCategory ?? config.defaultCategory;
      return {
        id: group.id,
        name: group.name,
        catalog: path.resolve(dir, group.catalog),
        ...(group.marketplace ? { marketplace: group.marketplace } : {}),
        ...(group.marketplaces ? { marketplaces: group.marketplaces } : {}),
        ...(defaultCategory !== undefined ? { defaultCategory } : {}),
        ...(group.sheet !== undefined ? { sheet: group.sheet } : {}),
        ...(group.photos !== undefined ? { photos: path.resolve(dir, group.photos) } : {}),
        ...(config.pricing || group.pricing ? { pricing: mergePricing(config.pricing, group.pricing) } : {}),
      };
    }),
    // NOTE: the process environment wins over .env, so CI secrets override a stale local file.
    env: overlayEnv(dotenv, opts.env),
  };
}

function overlayEnv(dotenv: Record<string, string>, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...dotenv };
  for (const [key, value] of Object.entries(env)) if (value !== undefined) merged[key] = value;
  return merged;
}

function parseJson(source: string, shown: string): unknown {
  try {
    return JSON.parse(source);
  } catch {
    const problem = locateJsonError(source);
    throw new ConfigError(m.jsonSyntax(shown, problem.line, problem.column, problem.reason));
  }
}

/** Relative to cwd when the file is under it (how the user thinks of it), else absolute. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

/** Top-level rules per adapter, the group's keys winning. */
function mergePricing(top: Record<string, PricingRule> | undefined, own: Record<string, PricingRule> | undefined): Record<string, PricingRule> {
  const out: Record<string, PricingRule> = {};
  for (const name of new Set([...Object.keys(top ?? {}), ...Object.keys(own ?? {})])) out[name] = { ...top?.[name], ...own?.[name] };
  return out;
}
