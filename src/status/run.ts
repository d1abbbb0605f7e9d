// `desbumi status`: per product (and variant) per marketplace: live, in review, rejected (with the
// marketplace's reasons), deactivated, out of sync (which fields), not listed. Read-only: each
// target is planned as a dry run (the same path sync takes) and nothing is written.
import { basename, extname, resolve } from "node:path";
import type { CommandContext, Io } from "../cli/io.js";
import { loadConfig } from "../config/load.js";
import type { GroupConfig, LoadedConfig, MarketplaceConfig } from "../config/types.js";
import { AdapterError, ConfigError, UsageError } from "../errors.js";
import { EXIT_CANNOT_RUN, EXIT_FAILED, EXIT_OK } from "../exit-codes.js";
import { text, type Text } from "../i18n.js";
import { isError } from "../issues.js";
import { findGroup } from "../sync/find-group.js";
import { syncCatalog, type PlannedCatalog } from "../sync/run-catalog.js";
import { jobFor } from "../sync/run-sync.js";
import { shownPath } from "../sync/shown-path.js";
import { computeStatuses, type ProductStatus } from "./compute.js";
import { readRecentFailures } from "./recent-failures.js";
import { renderStatusJson, renderStatusPretty } from "./render.js";

export interface StatusFlags {
  group?: string;
  marketplace?: string;
  config?: string;
  format?: "pretty" | "json";
}

export interface TargetStatus {
  marketplace: string;
  target: string;
  products: ProductStatus[];
  /** The target could not be read (auth, unreachable, catalogue unreadable): why, in both languages. */
  error?: Text;
}

export interface GroupStatus {
  group?: string;
  name?: string;
  catalog: string;
  targets: TargetStatus[];
}

export async function runStatus(file: string | undefined, flags: StatusFlags, ctx: CommandContext): Promise<number> {
  const config = await loadConfig({ cwd: ctx.io.cwd, env: ctx.io.env, ...(flags.config !== undefined ? { configPath: flags.config } : {}) });
  const groups = pickGroups(file, flags, config, ctx.io.cwd);
  const out: GroupStatus[] = [];
  for (const { file: catalog, group } of groups) {
    const targets = targetsOf(group, config, flags.marketplace);
    const statuses: TargetStatus[] = [];
    for (const block of targets) statuses.push(await statusOf(catalog, group, block, config, ctx));
    out.push({ ...(group ? { group: group.id, name: group.name } : {}), catalog, targets: statuses });
  }
  if (flags.format === "json") ctx.io.stdout.write(`${JSON.stringify(renderStatusJson(out, ctx.lang), null, 2)}\n`);
  else ctx.io.stdout.write(renderStatusPretty(out, { lang: ctx.lang, color: ctx.color }));
  if (out.some((g) => g.targets.some((t) => t.error))) return EXIT_CANNOT_RUN;
  const settled = out.every((g) => g.targets.every((t) => t.products.every((p) => p.state === "live" || p.state === "deactivated")));
  return settled ? EXIT_OK : EXIT_FAILED;
}

function pickGroups(file: string | undefined, flags: StatusFlags, config: LoadedConfig | undefined, cwd: string): { file: string; group?: GroupConfig }[] {
  if (flags.group !== undefined) {
    const group = findGroup(config, flags.group);
    return [{ file: file ?? shownPath(group.catalog, cwd), group }];
  }
  if (file !== undefined) {
    const owner = config?.groups.find((g) => g.catalog === resolve(cwd, file));
    return [{ file, ...(owner ? { group: owner } : {}) }];
  }
  if (!config || config.groups.length === 0) {
    throw new UsageError(
      text(
        "Sebutkan file katalog (desbumi status katalog.csv), atau jalankan di folder yang punya desbumi.config.json.",
        "Name a catalogue file (desbumi status catalog.csv), or run it in a folder with a desbumi.config.json.",
      ),
    );
  }
  return config.groups.map((group) => ({ file: shownPath(group.catalog, cwd), group }));
}

/** The group's targets ([undefined] = the practice shop), narrowed by --marketplace. */
export function targetsOf(group: GroupConfig | undefined, config: LoadedConfig | undefined, only: string | undefined): (MarketplaceConfig | undefined)[] {
  const all: (MarketplaceConfig | undefined)[] = group
    ? (group.marketplaces ?? (group.marketplace ? [group.marketplace] : [undefined]))
    : (config?.marketplaces ?? (config?.marketplace ? [config.marketplace] : [undefined]));
  if (only === undefined) return all;
  const picked = all.filter((b) => b?.adapter === only);
  if (picked.length > 0) return picked;
  // Not one of the group's: a marketplace named on the command line alone (its own options from flags/env).
  return [{ adapter: only }];
}

async function statusOf(catalog: string, group: GroupConfig | undefined, block: MarketplaceConfig | undefined, config: LoadedConfig | undefined, ctx: CommandContext): Promise<TargetStatus> {
  const job = { ...jobFor(catalog, group, config, ctx) };
  if (block) job.marketplace = block;
  else delete job.marketplace;
  let planned: PlannedCatalog | undefined;
  let label = block?.adapter ?? "practice shop";
  try {
    const report = await syncCatalog(job, { dryRun: true, skipInvalid: true, format: "json" }, { ...ctx, io: silent(ctx.io) }, { onPlanned: (p) => void (planned = p) });
    label = report.target ?? label;
    if (!planned) return { marketplace: block?.adapter ?? "practice-shop", target: label, products: [], error: text(report.message ?? "", report.message ?? "") };
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof ConfigError || error instanceof AdapterError)) throw error;
    return { marketplace: block?.adapter ?? "practice-shop", target: label, products: [], error: error.text };
  }
  const { plan, listings, products, issues } = planned;
  const productLines = new Set(products.flatMap((p) => [p.line, ...(p.variants ?? []).map((v) => v.line)]));
  const invalidLines = [...new Set(issues.filter((i) => isError(i) && i.line !== undefined && !productLines.has(i.line)).map((i) => i.line as number))];
  const failures = await readRecentFailures(job.baseDir, group?.id ?? journalNameOf(catalog), plan.marketplace);
  return {
    marketplace: plan.marketplace,
    target: plan.target,
    products: computeStatuses({ plan, listings, products, invalid: invalidLines.map((line) => ({ sku: "", name: "", line })), failures }),
  };
}

const journalNameOf = (file: string): string => basename(file, extname(file));

/** The dry run's own plan text and messages are not status output. */
const silent = (io: Io): Io => ({ ...io, stdout: { write: () => true, isTTY: false }, stderr: { write: () => true, isTTY: false } });

