// The plan a saved plan was made as, made again now (issue 13 item 3): `apply plan.json` runs the
// planning steps of `sync` (catalogue, checkProducts, adopt, etalase, photos, example rows, category
// cache, for-target pricing: src/sync/run-catalog.ts) on the already opened target, as a dry run
// whose output nobody sees, and narrows the saved plan to it (narrow-plan.ts).
import type { CommandContext, Io } from "../cli/io.js";
import type { LoadedConfig, MarketplaceConfig } from "../config/types.js";
import { UsageError } from "../errors.js";
import type { Text } from "../i18n.js";
import type { MarketplaceAdapter } from "../adapters/types.js";
import type { Listing, Plan } from "../plan/types.js";
import type { OpenedTarget, TargetFlags } from "../target/open.js";
import { syncCatalog, type PlannedCatalog } from "./run-catalog.js";
import { jobFor } from "./run-sync.js";

export interface DeriveInput {
  saved: Plan;
  /** The target the saved plan will be applied to, already opened (and checked to be the plan's). */
  target: OpenedTarget;
  /** Its listings as the stale check saw them: the fresh plan is made from the same snapshot (and the shop is listed once). */
  listings: readonly Listing[];
  /** The catalogue file the saved plan's sha256 was checked against. */
  catalogPath: string;
  config: LoadedConfig | undefined;
  /** The marketplace block of the plan's target (a group's, or the config's). */
  marketplace: MarketplaceConfig | undefined;
  flags: TargetFlags;
  /** `sync --default-category` (a multi-marketplace sync hands it on; `apply` has no such flag). */
  defaultCategory?: string;
  ctx: CommandContext;
}

/**
 * The fresh plan, or why none could be made. NOTE: options that `sync` took as flags are read off
 * the saved plan where its changes show them: `--prune` (a deactivation "not in catalogue"),
 * `--adopt` (an adopted listing) and the XLSX sheet (its rows'). Rows with errors never refuse the
 * derivation (as `--skip-invalid`): their SKUs are simply not backed. The mass-deactivation guard
 * is run by the caller, on the narrowed plan. A `--default-category` given to `sync --out` is not
 * known to `apply` (the config's `defaultCategory` is): rows that needed it are withheld, with their
 * CATEGORY_MISSING named.
 */
export async function derivePlan(input: DeriveInput): Promise<PlannedCatalog | { refused: Text }> {
  const { saved, target, ctx } = input;
  const group = saved.group !== undefined ? input.config?.groups.find((g) => g.id === saved.group) : undefined;
  const job = jobFor(input.catalogPath, group, input.config, ctx);
  if (input.marketplace) job.marketplace = input.marketplace;
  else delete job.marketplace;
  const sheet = saved.changes.map((c) => c.product?.sheet).find((s) => s !== undefined) ?? job.sheet;
  let planned: PlannedCatalog | undefined;
  try {
    const report = await syncCatalog(
      job,
      {
        ...input.flags,
        dryRun: true,
        skipInvalid: true,
        allowMassDeactivate: true,
        format: "json",
        prune: saved.changes.some((c) => c.kind === "deactivate" && c.reason === "pruned"),
        adopt: saved.changes.some((c) => c.kind !== "create" && c.adopt === true),
        ...(sheet !== undefined ? { sheet } : {}),
        ...(input.defaultCategory !== undefined ? { defaultCategory: input.defaultCategory } : {}),
      },
      { ...ctx, io: silent(ctx.io) },
      {
        planOnly: true,
        onPlanned: (p) => void (planned = p),
        // The target apply opened (and will close): the fresh plan sees the shop the saved one is sent to.
        openTarget: async () => ({ ...target, adapter: withListings(target.adapter, input.listings), close: async () => undefined }),
      },
    );
    if (!planned) return { refused: { id: report.message ?? "rencana tidak bisa dibuat ulang", en: report.message ?? "the plan could not be made again" } };
  } catch (error) {
    // E.g. --adopt read off the plan for a marketplace that cannot adopt: a refusal, not exit 2.
    if (error instanceof UsageError) return { refused: error.text };
    throw error;
  }
  return planned;
}

/** The derivation's own plan text, issues and notices are not apply's output. */
const silent = (io: Io): Io => ({ ...io, stdout: { write: () => true, isTTY: false }, stderr: { write: () => true, isTTY: false } });

/** `adapter` answering listListings with `listings`; every other member is the adapter's own (bound to it). */
function withListings(adapter: MarketplaceAdapter, listings: readonly Listing[]): MarketplaceAdapter {
  return new Proxy(adapter, {
    get(target, key) {
      if (key === "listListings") return async () => [...listings];
      const member: unknown = Reflect.get(target, key, target);
      return typeof member === "function" ? (member as (...args: unknown[]) => unknown).bind(target) : member;
    },
  });
}
