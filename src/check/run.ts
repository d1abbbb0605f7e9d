// `desbumi check [file]`: is every product ready for every marketplace it is meant for? Reads the
// catalogue once per marketplace with that marketplace's offline rules (no credentials needed)
// and reports per product and marketplace, with a completeness percent per marketplace.
import { resolve } from "node:path";
import { loadCatalog } from "../catalog/index.js";
import { isBlankRow } from "../catalog/cell.js";
import type { RawCell, RawRow } from "../catalog/source.js";
import type { CatalogResult } from "../catalog/types.js";
import type { CommandContext } from "../cli/io.js";
import type { GroupConfig, LoadedConfig } from "../config/types.js";
import { UsageError } from "../errors.js";
import { EXIT_FAILED, EXIT_OK } from "../exit-codes.js";
import { pick, text } from "../i18n.js";
import { assessReadiness, type DataRow, type ReadinessReport } from "./readiness.js";
import { readinessTargets, type ReadinessTarget } from "./targets.js";
import { renderCheckPretty } from "./render-pretty.js";
import { renderCheckJson } from "./render-json.js";
import { renderCheckGithub } from "./render-github.js";

export const CHECK_FORMATS = ["pretty", "json", "github", "html"] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckFlags {
  marketplace?: string;
  group?: string;
  config?: string;
  sheet?: string;
  format?: CheckFormat;
  /** html: where to write the page (default: <catalogue name>-siap.html next to the working folder). */
  out?: string;
}

/** One catalogue's readiness plus what the html page needs (the rows as written). */
export interface CheckedCatalog {
  report: ReadinessReport;
  /** Every row read (title, header, data), for the html page. */
  rows: RawRow[];
  headerLine?: number;
  sheet?: string;
  /** Absolute path of the catalogue (photo files are found next to it). */
  path: string;
  /** Where each mapped field is (header text, 0-based column), from the reader. */
  columns?: CatalogResult["columns"];
}

export async function runCheck(file: string | undefined, flags: CheckFlags, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const format = flags.format ?? "pretty";
  const { loadConfig } = await import("../config/load.js");
  const config = await loadConfig({ cwd: io.cwd, env: io.env, ...(flags.config !== undefined ? { configPath: flags.config } : {}) });
  const { adapterNames, findAdapter } = await import("../adapters/index.js");
  const registry = { names: adapterNames, find: findAdapter };

  const jobs = jobsFor(file, flags, config, io.cwd);
  const checked: CheckedCatalog[] = [];
  for (const job of jobs) {
    const targets = readinessTargets({
      ...(flags.marketplace !== undefined ? { marketplace: flags.marketplace } : {}),
      ...(job.group ? { group: job.group } : {}),
      ...(config ? { config } : {}),
      registry,
    });
    checked.push(await checkCatalog(job.file, targets, { cwd: io.cwd, ...(job.sheet !== undefined ? { sheet: job.sheet } : {}) }));
  }

  if (format === "json") io.stdout.write(`${JSON.stringify(renderCheckJson(checked.map((c) => c.report), lang), null, 2)}\n`);
  else if (format === "github") for (const line of renderCheckGithub(checked.map((c) => c.report), lang)) io.stdout.write(`${line}\n`);
  else if (format === "html") {
    const { writeCheckHtml } = await import("./render-html.js");
    for (const catalog of checked) {
      const out = await writeCheckHtml(catalog, { lang, cwd: io.cwd, ...(flags.out !== undefined && checked.length === 1 ? { out: flags.out } : {}) });
      io.stdout.write(`${pick(text(`Halaman kesiapan ditulis: ${out}`, `Readiness page written: ${out}`), lang)}\n`);
    }
  } else io.stdout.write(renderCheckPretty(checked.map((c) => c.report), { lang, color: ctx.color }));

  return checked.every((c) => c.report.targets.every((t) => t.ready === t.total && t.total > 0)) ? EXIT_OK : EXIT_FAILED;
}

interface Job {
  file: string;
  group?: GroupConfig;
  sheet?: string;
}

function jobsFor(file: string | undefined, flags: CheckFlags, config: LoadedConfig | undefined, cwd: string): Job[] {
  const sheetOf = (group?: GroupConfig) => flags.sheet ?? group?.sheet;
  const withSheet = (job: Job): Job => {
    const sheet = sheetOf(job.group);
    return sheet !== undefined ? { ...job, sheet } : job;
  };
  if (flags.group !== undefined) {
    const group = config?.groups.find((g) => g.id === flags.group);
    if (!group) {
      const known = config?.groups.map((g) => g.id).join(", ") || "-";
      throw new UsageError(text(`Kelompok "${flags.group}" tidak ada di konfigurasi. Pilihan: ${known}`, `No group "${flags.group}" in the config. Choose one of: ${known}`));
    }
    return [withSheet({ file: file ?? shown(group.catalog, cwd), group })];
  }
  if (file !== undefined) {
    // A file that a config group owns is checked for that group's marketplaces.
    const owner = config?.groups.find((g) => g.catalog === resolve(cwd, file));
    return [withSheet({ file, ...(owner ? { group: owner } : {}) })];
  }
  if (!config || config.groups.length === 0) {
    throw new UsageError(
      text(
        "Sebutkan file katalog (desbumi check katalog.csv), atau jalankan di folder yang punya desbumi.config.json.",
        "Name a catalogue file (desbumi check catalog.csv), or run it in a folder with a desbumi.config.json.",
      ),
    );
  }
  return config.groups.map((group) => withSheet({ file: shown(group.catalog, cwd), group }));
}

const shown = (path: string, cwd: string): string => (path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path);

/** Load the catalogue once per target (rules differ), keeping the raw rows of the first read. */
export async function checkCatalog(file: string, targets: readonly ReadinessTarget[], opts: { cwd: string; sheet?: string }): Promise<CheckedCatalog> {
  const rows: RawRow[] = [];
  let sheet: string | undefined;
  const results: CatalogResult[] = [];
  for (const [index, target] of targets.entries()) {
    results.push(
      await loadCatalog(file, {
        rules: target.rules,
        cwd: opts.cwd,
        ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
        ...(index === 0
          ? {
              onRow: (row: RawRow, rowSheet: string | undefined) => {
                if (rows.length < MAX_ROWS_KEPT) rows.push(row);
                sheet ??= rowSheet;
              },
            }
          : {}),
      }),
    );
  }
  const first = results[0];
  const headerLine = first ? findHeaderLine(rows, first) : undefined;
  const dataRows = headerLine === undefined || !first ? [] : toDataRows(rows, headerLine, first);
  const report = assessReadiness({
    file,
    rows: dataRows,
    targets: targets.map((target, i) => ({ name: target.name, label: target.label, issues: results[i]?.issues ?? [], products: results[i]?.products ?? [] })),
  });
  return {
    report,
    rows,
    ...(headerLine !== undefined ? { headerLine } : {}),
    ...(sheet !== undefined ? { sheet } : {}),
    ...(first?.columns ? { columns: first.columns } : {}),
    path: resolve(opts.cwd, file),
  };
}

/** Rows kept for the page; a catalogue past this is shown in part (the verdicts still cover every row). */
const MAX_ROWS_KEPT = 100_000;

export const cellText = (cell: RawCell | undefined): string => {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
};

/** The header row: the row whose cells are the mapped headers, as the pipeline found them. */
function findHeaderLine(rows: readonly RawRow[], result: CatalogResult): number | undefined {
  const columns = Object.values(result.columns ?? {});
  if (columns.length === 0) return undefined;
  return rows.find((row) => columns.every((c) => cellText(row.cells[c.index]).trim() === c.header.trim()))?.line;
}

function toDataRows(rows: readonly RawRow[], headerLine: number, result: CatalogResult): DataRow[] {
  const sku = result.columns?.sku?.index;
  const name = result.columns?.name?.index;
  return rows
    .filter((row) => row.line > headerLine && !isBlankRow(row.cells))
    .map((row) => ({
      line: row.line,
      sku: sku === undefined ? "" : cellText(row.cells[sku]).trim(),
      name: name === undefined ? "" : cellText(row.cells[name]).trim(),
    }));
}

