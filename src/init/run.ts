// `desbumi init`: a new folder becomes a desbumi project (config, package.json pinning desbumi,
// catalogue templates, .gitignore, CI workflow). Never writes secrets, never overwrites a catalogue.
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CommandContext } from "../cli/io.js";
import { CONFIG_FILE_NAME } from "../config/schema.js";
import { UsageError } from "../errors.js";
import { pick, type Text } from "../i18n.js";
import { addGroupsToConfig } from "./add-group.js";
import { backupFile } from "./backup.js";
import { collectGroups, parseGroupSpec, slugify, skuPrefixes, type InitGroup } from "./group-spec.js";
import { mergeGitignore } from "./gitignore.js";
import { mergePackageJson } from "./package-json.js";
import { askInitQuestions } from "./prompt.js";
import { renderInitReport, type WrittenFile } from "./report.js";
import {
  GITIGNORE_ENTRIES,
  WORKFLOW_PATH,
  WORKFLOW_YAML,
  catalogPathOf,
  renderCatalogTemplate,
  renderConfig,
  type InitMarketplace,
} from "./templates.js";

export interface InitOptions {
  /** `--group` (repeatable): `id=Name`, an id, or a name. */
  group?: string[];
  /** `--groups a,b`: ids (or names), comma-separated. */
  groups?: string;
  marketplace?: InitMarketplace;
  yes?: boolean;
  force?: boolean;
  /** `--add-group` (repeatable): groups to add to the existing config, keeping everything else. */
  addGroup?: string[];
}

export async function runInit(opts: InitOptions, ctx: CommandContext): Promise<number> {
  const dir = ctx.io.cwd;
  const configFile = path.join(dir, CONFIG_FILE_NAME);
  if ((opts.addGroup ?? []).length > 0) return runAddGroup(opts.addGroup ?? [], ctx);
  const configExisted = await exists(configFile);
  if (!opts.force && configExisted) {
    throw new UsageError({
      id: `${CONFIG_FILE_NAME} sudah ada di folder ini; tidak ditimpa. Pakai --force untuk menimpanya (katalog yang sudah ada tetap tidak disentuh).`,
      en: `${CONFIG_FILE_NAME} already exists in this folder; not overwritten. Use --force to overwrite it (existing catalogues are never touched).`,
    });
  }

  const flagSpecs = [...(opts.group ?? []), ...(opts.groups ?? "").split(",")].filter((s) => s.trim() !== "");
  const defaultName = defaultGroupName(dir);
  let specs = flagSpecs;
  let marketplace: InitMarketplace = opts.marketplace ?? "practice";
  const interactive = !opts.yes && ctx.io.stdin.isTTY === true && flagSpecs.length === 0;
  if (interactive) {
    const answers = await askInitQuestions(ctx.io, ctx.lang, { groupNames: [defaultName], marketplace }, opts.marketplace !== undefined);
    specs = answers.groupSpecs;
    marketplace = answers.marketplace;
  }
  const groups: InitGroup[] = specs.length > 0 ? collectGroups(specs) : [parseGroupSpec(defaultName)];

  // NOTE: worked out before anything is written, so a broken package.json stops init cleanly.
  const packageFile = path.join(dir, "package.json");
  const packageChange = mergePackageJson(await readIfExists(packageFile), path.basename(dir));

  const written: WrittenFile[] = [];
  // NOTE: --force keeps what it replaces (issue 12.8): the old config as .bak, .bak.2, ...
  const notes: Text[] = [];
  let configBackup: string | undefined;
  if (configExisted) {
    const previous = await readIfExists(configFile);
    configBackup = relativeTo(dir, await backupFile(configFile));
    const dropped = previousGroupIds(previous).filter((id) => !groups.some((g) => g.id === id));
    if (dropped.length > 0) notes.push(droppedGroupsNote(dropped, configBackup));
  }
  await writeText(configFile, renderConfig(groups, marketplace));
  written.push({ path: CONFIG_FILE_NAME, status: configExisted ? "overwritten" : "created", ...(configBackup ? { detail: backupDetail(configBackup) } : {}) });

  if (packageChange.status !== "kept") await writeText(packageFile, packageChange.content);
  written.push({ path: "package.json", status: packageChange.status, ...(packageChange.status === "updated" ? { detail: packageChange.detail } : {}) });

  const prefixes = skuPrefixes(groups);
  for (const [index, group] of groups.entries()) {
    const relative = catalogPathOf(group);
    const file = path.join(dir, relative);
    // NOTE: a catalogue holds the facilitator's work; init never overwrites one, even with --force.
    if (await exists(file)) {
      written.push({ path: relative, status: "kept" });
      continue;
    }
    await writeText(file, renderCatalogTemplate(prefixes[index] ?? "PRD", index));
    written.push({ path: relative, status: "created" });
  }

  const gitignoreFile = path.join(dir, ".gitignore");
  const gitignore = mergeGitignore(await readIfExists(gitignoreFile), GITIGNORE_ENTRIES);
  if (gitignore.added.length > 0) {
    await writeText(gitignoreFile, gitignore.content);
    written.push({ path: ".gitignore", status: "updated", detail: gitignore.added.join(", ") });
  } else written.push({ path: ".gitignore", status: "kept" });

  const workflowFile = path.join(dir, WORKFLOW_PATH);
  const workflowBefore = await readIfExists(workflowFile);
  // An unchanged workflow is left alone; a changed one is replaced only with --force, after a backup.
  if (workflowBefore !== undefined && (!opts.force || workflowBefore === WORKFLOW_YAML)) written.push({ path: WORKFLOW_PATH, status: "kept" });
  else {
    const backup = workflowBefore === undefined ? undefined : relativeTo(dir, await backupFile(workflowFile));
    await writeText(workflowFile, WORKFLOW_YAML);
    written.push({ path: WORKFLOW_PATH, status: backup ? "overwritten" : "created", ...(backup ? { detail: backupDetail(backup) } : {}) });
  }

  const report = renderInitReport({ written, groups, marketplace, installStep: isInstalledPackage() });
  ctx.io.stdout.write(pick(report, ctx.lang));
  for (const note of notes) ctx.io.stdout.write(`${pick(note, ctx.lang)}\n`);
  return 0;
}

/** `init --add-group`: the groups go into the existing config; every other key and file stays. */
async function runAddGroup(specs: readonly string[], ctx: CommandContext): Promise<number> {
  const dir = ctx.io.cwd;
  const configFile = path.join(dir, CONFIG_FILE_NAME);
  const existing = await readIfExists(configFile);
  if (existing === undefined) {
    throw new UsageError({
      id: `Belum ada ${CONFIG_FILE_NAME} di folder ini untuk ditambahi kelompok; jalankan dulu desbumi init --group "id=Nama".`,
      en: `There is no ${CONFIG_FILE_NAME} in this folder to add a group to; run desbumi init --group "id=Name" first.`,
    });
  }
  const merged = addGroupsToConfig(existing, collectGroups(specs));
  const written: WrittenFile[] = [];
  const prefixes = skuPrefixes([...merged.existing, ...merged.added]);
  const catalogs: { file: string; relative: string; content: string }[] = [];
  const created: WrittenFile[] = [];
  for (const [i, group] of merged.added.entries()) {
    const index = merged.existing.length + i;
    const file = path.join(dir, group.catalog);
    if (await exists(file)) created.push({ path: group.catalog, status: "kept" });
    else {
      catalogs.push({ file, relative: group.catalog, content: renderCatalogTemplate(prefixes[index] ?? "PRD", index) });
      created.push({ path: group.catalog, status: "created" });
    }
  }
  await writeText(configFile, merged.content);
  for (const catalog of catalogs) await writeText(catalog.file, catalog.content);
  const ids = merged.added.map((g) => g.id).join(", ");
  const detail: Text = { id: `kelompok ${ids}`, en: `${merged.added.length === 1 ? "group" : "groups"} ${ids}` };
  written.push({ path: CONFIG_FILE_NAME, status: "updated", detail }, ...created);
  const report = renderInitReport({
    written,
    groups: [...merged.existing, ...merged.added],
    marketplace: merged.isTokopedia ? "tokopedia" : "practice",
    installStep: false,
    catalogsToFill: merged.added.map((g) => g.catalog),
  });
  ctx.io.stdout.write(pick(report, ctx.lang));
  return 0;
}

function previousGroupIds(text: string | undefined): string[] {
  try {
    const value = JSON.parse((text ?? "").replace(/^\uFEFF/, "")) as { groups?: { id?: unknown }[] };
    return Array.isArray(value.groups) ? value.groups.map((g) => g?.id).filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

const droppedGroupsNote = (dropped: readonly string[], backup: string): Text => ({
  id: `Tidak lagi ada di ${CONFIG_FILE_NAME}: ${dropped.join(", ")} (masih ada di ${backup}); untuk menambah kelompok tanpa membuang yang lain, pakai desbumi init --add-group "id=Nama".`,
  en: `No longer in ${CONFIG_FILE_NAME}: ${dropped.join(", ")} (still in ${backup}); to add a group and keep the others, use desbumi init --add-group "id=Name".`,
});

const backupDetail = (file: string): Text => ({ id: `cadangan: ${file}`, en: `backup: ${file}` });

const relativeTo = (dir: string, file: string): string => path.relative(dir, file).split(path.sep).join("/");

/** The folder's name as a group name ("muiwo" in ~/muiwo), or a neutral fallback. */
function defaultGroupName(dir: string): string {
  const base = path.basename(dir);
  return slugify(base) ? base : "toko-desa";
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch {
    return undefined;
  }
}

async function writeText(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content, "utf8");
}

/** desbumi runs from an npm install (…/node_modules/desbumi/…), not from a linked source checkout. */
export function isInstalledPackage(moduleUrl: string = import.meta.url): boolean {
  return /[\\/]node_modules[\\/]desbumi[\\/]/.test(fileURLToPath(moduleUrl));
}
