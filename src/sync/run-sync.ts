// `desbumi sync [file]`: one catalogue, or every group of the config one after another.
import type { CommandContext } from "../cli/io.js";
import { loadConfig } from "../config/load.js";
import type { GroupConfig, LoadedConfig } from "../config/types.js";
import { AdapterError, ConfigError, UsageError } from "../errors.js";
import { pick, type Lang, type Text } from "../i18n.js";
import { worstExitCode } from "./exit-codes.js";
import type { SyncReport } from "./finish.js";
import type { SyncOptions } from "./options.js";
import { renderGroupsSummary } from "./render-groups.js";
import { errorReport, toSyncJson } from "./report-json.js";
import { findGroup } from "./find-group.js";
import { shownPath } from "./shown-path.js";
import { syncCatalog, type CatalogJob, type SyncDeps } from "./run-catalog.js";

export async function runSync(file: string | undefined, opts: SyncOptions, ctx: CommandContext, deps: SyncDeps = {}): Promise<number> {
  const { io, lang } = ctx;
  const json = opts.format === "json";
  const reports: SyncReport[] = [];
  try {
    return await syncAll(file, opts, ctx, deps, reports);
  } catch (error) {
    // The run cannot continue: CI still gets one document on stdout; the error itself goes on to
    // src/cli/index.ts for the exit code and the line on stderr.
    if (json) {
      const failed = errorReport(error, { catalog: file ?? "", ...(opts.group !== undefined ? { group: opts.group } : {}) }, lang);
      const doc =
        file !== undefined
          ? toSyncJson(failed, lang)
          : {
              format: "desbumi-sync-groups",
              version: 1,
              status: "error",
              exitCode: failed.exitCode,
              message: failed.message,
              ...(failed.details ? { details: failed.details } : {}),
              groups: reports.map((r) => toSyncJson(r, lang)),
            };
      io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    }
    throw error;
  }
}

async function syncAll(file: string | undefined, opts: SyncOptions, ctx: CommandContext, deps: SyncDeps, reports: SyncReport[]): Promise<number> {
  const { io, lang } = ctx;
  const config = await loadConfig({ cwd: io.cwd, env: io.env, ...(opts.config !== undefined ? { configPath: opts.config } : {}) });
  const picked = opts.group !== undefined ? [findGroup(config, opts.group)] : undefined;

  if (file !== undefined) {
    const reports = await syncJob(jobFor(file, picked?.[0], config, ctx), opts, ctx, deps);
    if (opts.format === "json") io.stdout.write(`${JSON.stringify(reports.length === 1 && reports[0] ? toSyncJson(reports[0], lang) : targetsDocument(reports, lang), null, 2)}\n`);
    return worstExitCode(reports.map((r) => r.exitCode));
  }
  if (!config) throw new UsageError(NO_FILE_NO_CONFIG);
  const groups = picked ?? config.groups;
  if (groups.length === 0) {
    throw new UsageError({
      id: `${config.path} belum punya kelompok ("groups"). Tambahkan satu, atau sebutkan file katalog: desbumi sync katalog.csv`,
      en: `${config.path} has no groups yet. Add one, or name a catalogue file: desbumi sync katalog.csv`,
    });
  }

  const human = opts.format === "json" ? io.stderr : io.stdout;
  for (const group of groups) {
    human.write(`\n${pick({ id: `== Kelompok ${group.name} (${group.id}) ==`, en: `== Group ${group.name} (${group.id}) ==` }, lang)}\n`);
    const job = jobFor(shownPath(group.catalog, io.cwd), group, config, ctx);
    try {
      reports.push(...(await syncJob(job, opts, ctx, deps)));
    } catch (error) {
      // NOTE: one group that cannot run (auth, unreachable, unreadable file) must not stop the others.
      if (!(error instanceof UsageError || error instanceof ConfigError || error instanceof AdapterError)) throw error;
      human.write(`${pick(error.text, lang)}\n`);
      if (error instanceof ConfigError) for (const issue of error.issues) human.write(`  - ${pick(issue, lang)}\n`);
      reports.push(errorReport(error, { group: group.id, catalog: job.file }, lang));
    }
  }
  const exitCode = worstExitCode(reports.map((r) => r.exitCode));
  human.write(`\n${renderGroupsSummary(reports, groups, lang)}`);
  if (opts.format === "json") {
    const doc = { format: "desbumi-sync-groups", version: 1, exitCode, groups: reports.map((r) => toSyncJson(r, lang)) };
    io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  }
  return exitCode;
}

/**
 * One catalogue on its target, or on each of its group's targets (issue 17) when the group sells on
 * several marketplaces; `--marketplace NAME` naming one of them syncs just that one.
 */
async function syncJob(job: CatalogJob, opts: SyncOptions, ctx: CommandContext, deps: SyncDeps): Promise<SyncReport[]> {
  const blocks = job.group?.marketplaces;
  if (blocks && blocks.length > 1) {
    if (opts.marketplace === undefined) {
      const { syncTargets } = await import("./run-targets.js");
      return syncTargets(job, blocks, opts, ctx, deps);
    }
    const chosen = blocks.find((b) => b.adapter === opts.marketplace);
    if (chosen) return [await syncCatalog({ ...job, marketplace: chosen }, withoutMarketplaceFlag(opts), ctx, deps)];
  }
  return [await syncCatalog(job, opts, ctx, deps)];
}

/** `--marketplace NAME` picked the group's own block for NAME: the block (not a bare flag) defines the target. */
function withoutMarketplaceFlag(opts: SyncOptions): SyncOptions {
  const { marketplace: _picked, ...rest } = opts;
  return rest;
}

const targetsDocument = (reports: readonly SyncReport[], lang: Lang) => ({
  format: "desbumi-sync-targets",
  version: 1,
  exitCode: worstExitCode(reports.map((r) => r.exitCode)),
  targets: reports.map((r) => toSyncJson(r, lang)),
});

export function jobFor(file: string, group: GroupConfig | undefined, config: LoadedConfig | undefined, ctx: CommandContext): CatalogJob {
  const marketplace = group?.marketplace ?? config?.marketplace;
  const defaultCategory = group?.defaultCategory ?? config?.defaultCategory;
  return {
    file,
    ...(group ? { group } : {}),
    ...(marketplace ? { marketplace } : {}),
    ...(defaultCategory !== undefined ? { defaultCategory } : {}),
    ...(group?.sheet !== undefined ? { sheet: group.sheet } : {}),
    baseDir: config?.dir ?? ctx.io.cwd,
    ...(group?.pricing ? { pricing: group.pricing } : {}),
    env: config?.env ?? ctx.io.env,
  };
}

const NO_FILE_NO_CONFIG: Text = {
  id: "Sebutkan file katalog (desbumi sync katalog.csv), atau buat desbumi.config.json dengan `desbumi init` untuk menyinkronkan semua kelompok sekaligus.",
  en: "Name a catalogue file (desbumi sync catalog.csv), or create a desbumi.config.json with `desbumi init` to sync every group at once.",
};
