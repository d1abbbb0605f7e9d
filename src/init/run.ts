// `desbumi init`: a new folder becomes a desbumi project (config, package.json pinning desbumi,
// catalogue templates, .gitignore, CI workflow). Never writes secrets, never overwrites a catalogue.
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CommandContext } from "../cli/io.js";
import { CONFIG_FILE_NAME } from "../config/schema.js";
import { UsageError } from "../errors.js";
import { pick } from "../i18n.js";
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
}

export async function runInit(opts: InitOptions, ctx: CommandContext): Promise<number> {
  const dir = ctx.io.cwd;
  const configFile = path.join(dir, CONFIG_FILE_NAME);
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
  await writeText(configFile, renderConfig(groups, marketplace));
  written.push({ path: CONFIG_FILE_NAME, status: configExisted ? "overwritten" : "created" });

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
  const workflowExisted = await exists(workflowFile);
  if (workflowExisted && !opts.force) written.push({ path: WORKFLOW_PATH, status: "kept" });
  else {
    await writeText(workflowFile, WORKFLOW_YAML);
    written.push({ path: WORKFLOW_PATH, status: workflowExisted ? "overwritten" : "created" });
  }

  ctx.io.stdout.write(pick(renderInitReport({ written, groups, marketplace, installStep: isInstalledPackage() }), ctx.lang));
  return 0;
}

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
