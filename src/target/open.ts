// Which marketplace this run talks to: flags over the config's marketplace block, validated by the
// adapter's own schema; with neither, the practice shop (the mock marketplace, in process).
import { isAbsolute, resolve } from "node:path";
import type { Logger } from "pino";
import type { MarketplaceConfig } from "../config/types.js";
import type { AdapterDefinition, MarketplaceAdapter } from "../adapters/types.js";
import type { MarketplaceRules } from "../rules.js";
import { findAdapter, offeredAdapterNames } from "../adapters/index.js";
import { ConfigError, UsageError } from "../errors.js";
import { describeZodIssues, dedupeIssues } from "../config/zod-issues.js";
import { optionHelpOf } from "../config/marketplace.js";
import { practiceShopLabel } from "./practice-shop-name.js";
import { lockShop, type ShopLock, type ShopLockRequest } from "./shop-lock.js";

export { categoryTargetOf } from "./category-target.js";

/** Target flags shared by sync, apply and categories (flags win over the config block). */
export interface TargetFlags {
  marketplace?: string;
  baseUrl?: string;
  tokenUrl?: string;
  fsId?: string;
  shopId?: string;
  concurrency?: number;
  /** tokopedia-bulk: where to write workbooks, and a previous export to diff against. */
  outDir?: string;
  previous?: string;
}

export interface OpenTargetOptions {
  flags: TargetFlags;
  /** The marketplace block from the config (group's merged over the default), if any. */
  marketplace?: MarketplaceConfig;
  env: NodeJS.ProcessEnv;
  /** Base folder for relative paths and for `.desbumi/` (the config's folder, else cwd). */
  baseDir: string;
  log: Logger;
  /** Folder relative path flags (--out-dir, --previous) are resolved against. @default baseDir */
  cwd?: string;
  /**
   * The config group this run is for. Only the practice shop uses it: each group gets its own
   * (`.desbumi/practice-shop-<group>.json`), as each group has its own real shop.
   */
  group?: string;
  /**
   * The run will write to the shop (sync, apply): take the per-shop lock in `.desbumi/` (issue
   * 13.18), released by close(). Not for the practice shop, which has its own state-file lock.
   */
  lock?: ShopLockRequest;
}

export interface OpenedTarget {
  adapter: MarketplaceAdapter;
  definition: AdapterDefinition<unknown>;
  /** True for the embedded default: the in-process mock marketplace (practice shop). */
  isPracticeShop: boolean;
  /** Shown in every output that names the target. */
  label: string;
  /**
   * A target that keeps etalase (showcases) and can add one, as a facilitator would in Seller
   * Center (issue 12.6). NOTE: the practice shop is a Tokopedia & Shop shop now, which has none.
   */
  addEtalase?(name: string): { id: string; name: string };
  close(): Promise<void>;
}

/** Flags that name a connection; without --marketplace or a config block they have nothing to apply to. */
const CONNECTION_FLAGS = { baseUrl: "--base-url", tokenUrl: "--token-url", fsId: "--fs-id", shopId: "--shop-id", outDir: "--out-dir", previous: "--previous" } as const;
const PATH_OPTIONS = new Set(["outDir", "previous"]);

/** The adapter a run would use, without opening anything (for offline rule checks). */
export function resolveTargetDefinition(opts: Pick<OpenTargetOptions, "flags" | "marketplace">): {
  definition: AdapterDefinition<unknown>;
  isPracticeShop: boolean;
} {
  const name = opts.flags.marketplace ?? opts.marketplace?.adapter;
  // The practice shop is a Tokopedia & Shop one (the tiktok-shop adapter against its mock).
  if (name === undefined) return { definition: requireAdapter("tiktok-shop"), isPracticeShop: true };
  return { definition: requireAdapter(name), isPracticeShop: false };
}

/**
 * How the run's target will be named, without opening it: for messages printed before connecting
 * (a refused catalogue still says which shop it was meant for).
 */
export function describeTarget(opts: Pick<OpenTargetOptions, "flags" | "marketplace" | "group">): {
  label: string;
  isPracticeShop: boolean;
} {
  const { definition, isPracticeShop } = resolveTargetDefinition(opts);
  if (isPracticeShop) return { label: practiceShopLabel(opts.group), isPracticeShop };
  const shopId = opts.flags.shopId ?? opts.marketplace?.shopId;
  const shop = typeof shopId === "string" || typeof shopId === "number" ? ` shop ${shopId}` : "";
  return { label: `${definition.name}${shop}`, isPracticeShop };
}

/**
 * The listing rules this run's catalogue is checked against, before anything is opened: the
 * adapter's `rulesFor(options)` when it has one (e.g. a bulk export with a category map accepts
 * names), else its `rules`. Validates the merged options on the way, so a wrong flag or config
 * value is reported (ConfigError / UsageError, exit 2) before the catalogue is read.
 */
export function resolveTargetRules(opts: Pick<OpenTargetOptions, "flags" | "marketplace" | "baseDir" | "cwd">): MarketplaceRules {
  const { definition, isPracticeShop } = resolveTargetDefinition(opts);
  if (isPracticeShop) return definition.rules;
  const options = validateOptions(definition, mergeOptions(definition, opts));
  return definition.rulesFor?.(options as Partial<unknown>) ?? definition.rules;
}

/**
 * Build the adapter for this run. With no marketplace in flags or config, starts the practice shop:
 * the mock marketplace in process, state in `<baseDir>/.desbumi/practice-shop.json`, or
 * `practice-shop-<group>.json` for a config group.
 */
export async function openTarget(opts: OpenTargetOptions): Promise<OpenedTarget> {
  const { definition, isPracticeShop } = resolveTargetDefinition(opts);
  if (isPracticeShop) {
    const stray = Object.entries(CONNECTION_FLAGS).find(([key]) => opts.flags[key as keyof TargetFlags] !== undefined);
    if (stray) {
      throw new UsageError({
        id: `${stray[1]} hanya berlaku bersama --marketplace (atau blok "marketplace" di desbumi.config.json). Tanpa itu desbumi memakai toko latihan.`,
        en: `${stray[1]} only applies with --marketplace (or a "marketplace" block in desbumi.config.json). Without one, desbumi uses the practice shop.`,
      });
    }
    const { openPracticeShop } = await import("./practice-shop.js");
    return openPracticeShop(opts, definition);
  }

  const options = validateOptions(definition, mergeOptions(definition, opts));
  const adapter = await definition.create(options, { log: opts.log, env: opts.env, cwd: opts.baseDir, ...(opts.group !== undefined ? { group: opts.group } : {}) });
  let lock: ShopLock | undefined;
  if (opts.lock) {
    try {
      lock = await lockShop({ baseDir: opts.baseDir, adapter: definition.name, shop: adapter.label, request: opts.lock });
    } catch (error) {
      await adapter.close();
      throw error;
    }
  }
  return {
    adapter,
    definition,
    isPracticeShop: false,
    label: adapter.label,
    close: async () => {
      try {
        await adapter.close();
      } finally {
        await lock?.release();
      }
    },
  };
}

function requireAdapter(name: string): AdapterDefinition<unknown> {
  const definition = findAdapter(name);
  if (definition) return definition;
  const names = offeredAdapterNames().join(", ");
  throw new UsageError({
    id: `Marketplace "${name}" tidak dikenal. Pilihan: ${names}.`,
    en: `Unknown marketplace "${name}". Choose one of: ${names}.`,
  });
}

/** The config block's options (when it names the same adapter), then the flags over them. */
function mergeOptions(definition: AdapterDefinition<unknown>, opts: Pick<OpenTargetOptions, "flags" | "marketplace" | "baseDir" | "cwd">): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  if (opts.marketplace && opts.marketplace.adapter === definition.name) {
    for (const [key, value] of Object.entries(opts.marketplace)) {
      if (key === "adapter") continue;
      merged[key] = PATH_OPTIONS.has(key) && typeof value === "string" ? resolve(opts.baseDir, value) : value;
    }
  }
  const known = optionKeys(definition);
  for (const [key, value] of Object.entries(opts.flags)) {
    if (key === "marketplace" || value === undefined) continue;
    if (known && !known.includes(key)) {
      const flag = key === "concurrency" ? "--concurrency" : CONNECTION_FLAGS[key as keyof typeof CONNECTION_FLAGS];
      throw new UsageError({
        id: `${flag} tidak berlaku untuk marketplace "${definition.name}".`,
        en: `${flag} does not apply to marketplace "${definition.name}".`,
      });
    }
    merged[key] = PATH_OPTIONS.has(key) && typeof value === "string" && !isAbsolute(value) ? resolve(opts.cwd ?? opts.baseDir, value) : value;
  }
  return merged;
}

/** The keys a strict object schema accepts (undefined when the schema is not an object). */
function optionKeys(definition: AdapterDefinition<unknown>): string[] | undefined {
  const shape = (definition.optionsSchema as { shape?: unknown }).shape;
  return typeof shape === "object" && shape !== null ? Object.keys(shape) : undefined;
}

function validateOptions(definition: AdapterDefinition<unknown>, data: Record<string, unknown>): unknown {
  const parsed = definition.optionsSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues = dedupeIssues(
    describeZodIssues(parsed.error.issues, {
      prefix: "marketplace",
      data,
      allowedKeys: () => optionKeys(definition) ?? [],
      help: optionHelpOf(definition),
    }),
  );
  throw new ConfigError(
    {
      id: `Pengaturan marketplace "${definition.name}" tidak lengkap atau salah (dari flag dan desbumi.config.json):`,
      en: `The "${definition.name}" marketplace settings are incomplete or wrong (from flags and desbumi.config.json):`,
    },
    issues.map((issue) => issue.text),
  );
}

